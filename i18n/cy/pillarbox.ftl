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

## Anfon: ysgrifennu, blwch allan, SMTP
send-reply-attribution = Ar { $date }, ysgrifennodd { $name }:
send-forward-header = ---------- Neges wedi'i hanfon ymlaen ----------
    Oddi wrth: { $from }
    Dyddiad: { $date }
    Pwnc: { $subject }
    At: { $to }
send-error-auth = Gwrthododd y gweinydd anfon eich enw defnyddiwr neu gyfrinair ({ $detail }). Gwiriwch y cyfrinair; mae angen cyfrinair ap ar gyfrifon BT sydd â dilysu dau gam. Mae eich neges yn aros yn y Blwch Allan.
send-error-recipient = Ni fydd y gweinydd yn danfon at { $recipient } ({ $detail }). Gwiriwch y cyfeiriad, yna anfonwch eto o'r Blwch Allan.
send-error-sender = Ni fydd y gweinydd yn derbyn post o'ch cyfeiriad chi ({ $detail }). Gwiriwch gyfeiriad e-bost y cyfrif.
send-error-message = Gwrthododd y gweinydd y neges ({ $detail }). Efallai ei bod yn rhy fawr; tynnwch atodiadau ac anfon eto.
send-error-certificate = Gwrthodwyd tystysgrif y gweinydd anfon ({ $detail }). Gwiriwch enw'r gweinydd yng ngosodiadau'r cyfrif.
send-error-temporary = Nid oedd modd anfon y neges nawr ({ $detail }). Mae'n aros yn y Blwch Allan a chaiff ei hanfon eto'n awtomatig.
send-error-folder = Nid oedd modd cadw'r copi yn eich ffolderi post ({ $detail }). Cedwir y neges a chaiff ei chadw eto.
send-state-queued = yn y ciw
send-state-sending = yn anfon
send-state-sent = wedi'i hanfon
send-state-failed = wedi methu
send-state-retrying = yn aros i geisio eto
send-cli-queued = Yn y ciw: { $id }
send-cli-flushed = Anfonwyd { $sent }, i geisio eto { $deferred }, wedi methu { $failed }, ar ôl yn y Blwch Allan { $remaining }
send-cli-outbox-empty = Mae'r Blwch Allan yn wag.
send-cli-outbox-failed = Nid oedd modd darllen nac ysgrifennu'r Blwch Allan: { $detail }
send-cli-retried = Rhoddwyd { $count } neges yn ôl yn y ciw.
send-cli-read-failed = Nid oedd modd darllen { $path }: { $detail }
send-cli-no-account = Does dim cyfrif { $email } wedi'i osod. Mae `pillarbox account list` yn dangos y cyfrifon.
send-cli-which-account = Mae sawl cyfrif: dywedwch pa un gyda --account.
send-cli-busy = Mae Pillarbox arall yn anfon y Blwch Allan hwn ar hyn o bryd; bydd yn anfon y negeseuon hyn.
