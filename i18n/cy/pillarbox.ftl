app-name = Pillarbox

## Settings file errors (config-)
config-error-io = Methu darllen neu ysgrifennu { $path }: { $detail }
config-error-io-hint = Gwiriwch fod y ffolder yn bodoli a bod hawl gennych i ysgrifennu iddo.
config-error-corrupt = Mae’r ffeil gosodiadau { $path } wedi’i difrodi (llinell { $line }): { $detail }
config-error-corrupt-hint = Nid yw Pillarbox wedi’i newid. Cywirwch y llinell honno, neu symudwch y ffeil o’r neilltu i ddechrau eto gyda’r gosodiadau rhagosodedig.
config-error-too-new = Cafodd y ffeil gosodiadau { $path } ei hysgrifennu gan Pillarbox mwy newydd (fformat { $found }; mae’r un hwn yn deall hyd at { $supported }).
config-error-too-new-hint = Diweddarwch Pillarbox i ddefnyddio’r gosodiadau hyn.
config-error-overwrite = Heb gadw: nid oedd modd darllen { $path }, a byddai cadw’n ei disodli.
config-error-overwrite-hint = Cywirwch y ffeil neu symudwch hi o’r neilltu yn gyntaf; nid yw Pillarbox byth yn trosysgrifo gosodiadau nad oedd modd eu darllen.
config-error-duplicate = Mae’r cyfrif { $account } wedi’i osod yn barod.
config-error-duplicate-hint = Tynnwch ef yn gyntaf, neu rhowch un newydd yn ei le (pillarbox account add --replace).
config-error-no-account = Does dim cyfrif { $account }.
config-error-no-account-hint = Mae “pillarbox account list” yn dangos y cyfrifon sydd wedi’u gosod.
config-error-serialize = Methu ysgrifennu’r gosodiadau: { $detail }

## Password and keyring errors (secret-)
secret-error-no-keyring = Does dim cylch allweddi (Secret Service) ar gael ar y cyfrifiadur hwn i gadw’r cyfrinair yn ddiogel ({ $detail }).
secret-error-no-keyring-hint = Nid yw Pillarbox byth yn cadw cyfrineiriau mewn ffeiliau plaen. Dechreuwch gylch allweddi (fel GNOME Keyring neu KWallet), neu defnyddiwch orchymyn cyfrinair sy’n argraffu’r cyfrinair, er enghraifft --password-command "pass show email/bt".
secret-error-not-found = Does dim cyfrinair wedi’i gadw ar gyfer { $account }.
secret-error-not-found-hint = Rhowch y cyfrinair eto.
secret-error-denied = Gwrthododd y cylch allweddi fynediad at y cyfrinair ar gyfer { $account }: { $detail }
secret-error-denied-hint = Datglowch eich cylch allweddi, yna rhowch gynnig arall arni.
secret-error-keyring = Methodd y cylch allweddi ar gyfer { $account }: { $detail }
secret-error-keyring-hint = Gwiriwch fod eich cylch allweddi’n rhedeg ac wedi’i ddatgloi.
secret-error-command-spawn = Nid oedd modd cychwyn y gorchymyn cyfrinair ar gyfer { $account }: { $detail }
secret-error-command-failed = Methodd y gorchymyn cyfrinair ar gyfer { $account } ({ $status }): { $stderr }
secret-error-command-timeout = Ni orffennodd y gorchymyn cyfrinair ar gyfer { $account } o fewn { $seconds } eiliad.
secret-error-command-empty = Ni argraffodd y gorchymyn cyfrinair ar gyfer { $account } unrhyw gyfrinair.
secret-error-command-not-utf8 = Argraffodd y gorchymyn cyfrinair ar gyfer { $account } destun nad yw’n UTF-8.
secret-error-command-hint = Rhedwch y gorchymyn eich hun mewn terfynell: rhaid iddo argraffu’r cyfrinair ar ei linell gyntaf.

## Command line (cli-)
cli-error = Gwall: { $message }
cli-hint = Awgrym: { $hint }
cli-warning = Rhybudd: { $message }
cli-no-home = Nid oedd modd dod o hyd i ffolder cartref.
cli-no-home-hint = Gosodwch PILLARBOX_HOME i ffolder ar gyfer ffeiliau Pillarbox.
cli-memory-keyring = Dim ond yn y cof y cedwir cyfrineiriau (PILLARBOX_KEYRING=memory), a byddant yn cael eu hanghofio pan ddaw’r gorchymyn hwn i ben.
cli-invalid-email = Nid yw “{ $email }” yn gyfeiriad e-bost.
cli-invalid-email-hint = Rhowch y cyfeiriad llawn, er enghraifft ann@btinternet.com.
cli-invalid-endpoint = Nid yw “{ $value }” yn enw gweinydd gyda phorth dewisol (HOST neu HOST:PORT).
cli-wrong-protocol-server = Nid yw { $flag } yn berthnasol i gyfrif { $protocol }.
cli-wrong-protocol-server-hint = Defnyddiwch --imap ar gyfer cyfrifon IMAP a --pop ar gyfer cyfrifon POP3, neu dewiswch y protocol gyda --protocol.
cli-ca-file-unreadable = Nid oes modd darllen y ffeil tystysgrif { $path }: { $detail }
cli-password-missing = Ni roddwyd cyfrinair.
cli-password-missing-hint = Rhowch ef ar y mewnbwn safonol gyda --password-stdin, neu enwch orchymyn sy’n ei argraffu gyda --password-command.
cli-password-stdin-empty = Nid oedd cyfrinair ar y mewnbwn safonol.
cli-password-stdin-failed = Methu darllen y cyfrinair o’r mewnbwn safonol: { $detail }
cli-account-added = Ychwanegwyd { $account } ({ $protocol }): i mewn { $incoming }, allan { $outgoing }.
cli-account-replaced = Disodlwyd { $account } ({ $protocol }): i mewn { $incoming }, allan { $outgoing }.
cli-password-in-keyring = Mae’r cyfrinair yng nghylch allweddi’r system.
cli-password-from-command = Daw’r cyfrinair o’r gorchymyn cyfrinair.
cli-provider-known = Gosodiadau ar gyfer { $provider } o restr darparwyr Pillarbox.
cli-provider-guessed = Nid yw { $domain } ar restr darparwyr Pillarbox, felly dyfaliadau yw enwau’r gweinyddion: gwiriwch nhw cyn eu defnyddio.
cli-no-accounts = Does dim cyfrifon wedi’u gosod. Ychwanegwch un gyda: pillarbox account add --email CYFEIRIAD
cli-account-line = { $account }  “{ $name }”  { $protocol }  i mewn: { $incoming }  allan: { $outgoing }
cli-account-removed = Tynnwyd { $account }. Mae ei bost yn aros ar y cyfrifiadur hwn yn { $path }
cli-account-password-deleted = Dilëwyd ei gyfrinair o’r cylch allweddi.
cli-account-password-none = Nid oedd cyfrinair ar ei gyfer yn y cylch allweddi.
cli-account-keyring-cleanup-failed = Tynnwyd y cyfrif, ond nid oedd modd dileu ei gyfrinair o’r cylch allweddi: { $message }
cli-paths-config = Ffeil gosodiadau: { $path }
cli-paths-data = Ffolder data: { $path }
cli-paths-cache = Ffolder storfa: { $path }
cli-paths-mail = Post ar gyfer { $account }: { $path }
cli-ui-unavailable = Nid yw ffenestr Pillarbox yn rhan o’r fersiwn hwn eto. Rhedwch “pillarbox --help” i weld y gorchmynion.
## POP3 download (pop-)
pop-error-network = Methu cyrraedd y gweinydd POP3: { $detail }
pop-error-timeout = Ni atebodd { $endpoint } o fewn { $secs } eiliad ({ $step }).
pop-error-auth = Ni dderbyniodd { $endpoint } y cyfeiriad e-bost a'r cyfrinair: { $reply }
pop-error-refused = Gwrthododd { $endpoint } { $step }: { $reply }
pop-error-protocol = Anfonodd { $endpoint } ateb nad oedd Pillarbox yn ei ddeall ({ $step }): { $detail }
pop-error-connection = Collwyd y cysylltiad â { $endpoint } ({ $step }): { $detail }
pop-error-starttls = { $endpoint }: nid yw POP3 gyda STARTTLS yn cael ei gefnogi.
pop-error-no-uidl-leave = Ni all { $endpoint } wahaniaethu rhwng ei negeseuon (dim UIDL), felly ni ellir gadael negeseuon ar y gweinydd.
pop-error-disk = Methu cadw post yn { $path }: { $detail }
pop-error-busy = Mae post { $account } eisoes yn cael ei lwytho i lawr.
pop-hint-auth = Gwiriwch eich cyfrinair. Mae angen cyfrinair ap ar gyfrifon BT Email sydd â dilysu dau gam.
pop-hint-retry = Ni ddilëwyd dim o'r gweinydd. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.
pop-hint-starttls = Dewiswch SSL/TLS ar borth 995 yng ngosodiadau'r cyfrif.
pop-hint-no-uidl-leave = Diffoddwch "Gadael negeseuon ar y gweinydd" ar gyfer y cyfrif hwn.
pop-hint-disk = Ni ddilëwyd dim o'r gweinydd. Rhyddhewch le ar y ddisg neu gwiriwch ganiatâd y ffolder, yna rhowch gynnig arall arni.
pop-hint-busy = Arhoswch i'r llwytho arall orffen.
pop-summary = { $account }: { $downloaded } wedi'u llwytho i lawr, { $deleted } wedi'u dileu o'r gweinydd, { $kept } wedi'u gadael ar y gweinydd.
pop-progress = Yn llwytho { $done } o { $total } i lawr
pop-no-uidl-note = Ni all y gweinydd hwn wahaniaethu rhwng ei negeseuon (dim UIDL): caiff pob neges ei llwytho i lawr, yna ei dileu o'r gweinydd.
pop-no-password = Dim cyfrinair ar y mewnbwn safonol.
