app-name = Pillarbox

## IMAP sync (sync-)
sync-error-network = Methu cyrraedd y gweinydd post: { $detail }. Gwiriwch eich cysylltiad â'r rhyngrwyd; bydd Pillarbox yn rhoi cynnig arall arni.
sync-error-login = Gwrthododd { $server } y cyfrinair ar gyfer { $user }. Gwiriwch y cyfrinair; os yw eich cyfrif yn defnyddio dilysu dau gam, crëwch gyfrinair ap a defnyddio hwnnw.
sync-error-timeout = Peidiodd { $server } ag ateb yn ystod { $step }. Bydd Pillarbox yn rhoi cynnig arall arni; os yw hyn yn digwydd o hyd, gwiriwch eich cysylltiad.
sync-error-lost = Collwyd y cysylltiad â { $server } yn ystod { $step }. Bydd Pillarbox yn rhoi cynnig arall arni.
sync-error-disk = Methu cadw post yn { $path }: { $detail }. Gwiriwch fod lle ar y ddisg a bod modd ysgrifennu i'r ffolder.
sync-error-other = Methodd y cysoni: { $detail }
sync-folder-line = { $folder }: { $total } neges, { $added } newydd, { $removed } wedi'u tynnu, { $flags } newid baner
sync-folder-unchanged = { $folder }: { $total } neges, dim newid
sync-folder-added = Ffolder newydd: { $folder }
sync-folder-removed = Ffolder wedi'i dynnu: { $folder }
sync-folder-renamed = Ffolder wedi'i ailenwi: { $from } → { $to }
sync-replayed = Anfonwyd { $count } newid lleol i'r gweinydd
sync-summary = Cysonwyd { $folders } ffolder: { $added } neges newydd, { $bytes } wedi'u llwytho i lawr, mewn { $secs } eiliad
sync-progress = { $folder }: { $done }/{ $total }
sync-not-imap = Cyfrif POP3 yw { $account }; mae'r gorchymyn hwn yn cysoni cyfrifon IMAP.
sync-no-any-account = Does dim cyfrif wedi'i osod. Ychwanegwch un gyda “pillarbox account add”.
sync-no-account = Does dim cyfrif IMAP wedi'i osod. Ychwanegwch un gyda “pillarbox account add”.
sync-unknown-account = Does dim cyfrif { $account }.
mailops-done = Wedi'i wneud: { $message }
mailops-queued = Wedi'i gadw yma; bydd y gweinydd yn cael ei ddiweddaru yn y cysoni nesaf ({ $detail }).
mailops-bad-flag = Newid baner anhysbys “{ $flag }”: defnyddiwch +seen, -seen, +flagged neu -flagged.
## App shell (ui helper)
app-error-title = Ni all Pillarbox gychwyn
app-error-home-hint = Gosodwch PILLARBOX_HOME i ffolder lle caiff Pillarbox gadw ei ffeiliau, yna ei gychwyn eto.
app-error-window = Methwyd ag agor y ffenestr: { $error }
app-error-config-hint = Mae eich ffeil gosodiadau wedi'i gadael yn union fel yr oedd. Cywirwch y llinell a ddangosir, neu symudwch y ffeil o'r neilltu i ddechrau o'r newydd, yna agorwch Pillarbox eto.
app-home-title = Eich e-bost
app-home-add-account = Gosod cyfrif arall
app-home-protocol-imap = IMAP: mae eich post yn aros mewn cysondeb â'r we-bost a'ch dyfeisiau eraill.
app-home-protocol-pop3 = POP3: caiff post ei lawrlwytho i'r cyfrifiadur hwn.
app-home-server = { $kind }: { $endpoint } ({ $security })
app-home-mail-folder = Cedwir y post yn { $path }

## Setup wizard (ui helper)
wizard-title = Gosod eich e-bost
wizard-intro = Rhowch eich cyfeiriad a'ch cyfrinair. Bydd Pillarbox yn dod o hyd i'r gweinyddion cywir ac yn gwirio bod popeth yn gweithio cyn cadw.
wizard-email-label = Cyfeiriad e-bost
wizard-email-placeholder = chi@btinternet.com
wizard-password-label = Cyfrinair
wizard-password-placeholder = Cyfrinair eich e-bost
wizard-password-help = Os yw eich cyfrif yn defnyddio dilysu dau gam, defnyddiwch gyfrinair ap.
wizard-name-label = Eich enw
wizard-name-placeholder = Fel y bydd derbynwyr yn ei weld
wizard-name-help = Dangosir i'r bobl rydych yn ysgrifennu atynt.
wizard-error-email-empty = Rhowch eich cyfeiriad e-bost.
wizard-error-email-invalid = Nid yw hwn yn edrych fel cyfeiriad e-bost (er enghraifft, chi@btinternet.com).
wizard-error-password-empty = Rhowch eich cyfrinair.
wizard-error-host-empty = Rhowch enw'r gweinydd.
wizard-error-port = Rhowch rif porth rhwng 1 a 65535.
wizard-guessed = Nid ydym yn adnabod y darparwr hwn, felly dyfaliadau yw enwau'r gweinyddion. Gwiriwch nhw yn y Gosodiadau uwch.
wizard-advanced-show = ▸ Gosodiadau uwch
wizard-advanced-hide = ▾ Gosodiadau uwch
wizard-protocol-label = Sut dylai'r post gyrraedd?
wizard-protocol-imap = IMAP (argymhellir)
wizard-protocol-imap-why = Yn cadw'r we-bost a'ch holl ddyfeisiau mewn cysondeb.
wizard-protocol-pop3 = POP3
wizard-protocol-pop3-why = Yn lawrlwytho post i'r cyfrifiadur hwn ac yn ei ddileu o'r gweinydd.
wizard-incoming-imap = Post sy'n dod i mewn (IMAP)
wizard-incoming-pop3 = Post sy'n dod i mewn (POP3)
wizard-outgoing-smtp = Post sy'n mynd allan (SMTP)
wizard-host-label = Gweinydd
wizard-host-placeholder = mail.example.com
wizard-port-label = Porth
wizard-security-label = Diogelwch
wizard-security-tls = SSL/TLS
wizard-security-starttls = STARTTLS
wizard-username-label = Enw defnyddiwr
wizard-ca-label = Ffeil tystysgrif CA (dewisol)
wizard-ca-placeholder = /llwybr/i/ca.pem
wizard-ca-help = Dim ond ar gyfer gweinyddion preifat y mae eich awdurdod eich hun wedi llofnodi eu tystysgrif.
wizard-check-and-save = Gwirio a chadw
wizard-checking = Yn gwirio eich cyfrif…
wizard-cancel = Canslo
wizard-check-server = { $kind } — { $endpoint }
wizard-step-running = { $step }…
wizard-step-passed = { $step }: wedi'i wneud
wizard-step-failed = { $step }: wedi methu
wizard-check-failed = Ni lwyddodd y gwiriad. Gallwch gywiro'r gosodiadau, neu gadw beth bynnag (er enghraifft, pan fyddwch all-lein).
wizard-check-failed-server = Methodd { $kind } — { $endpoint }
wizard-save-anyway = Cadw beth bynnag
wizard-back-to-edit = Yn ôl i olygu
wizard-saving = Yn cadw…
wizard-saved = Wedi'i gadw.
wizard-password-command-label = Gorchymyn cyfrinair
wizard-password-command-placeholder = pass show email/btinternet
wizard-password-command-help = Gorchymyn sy'n argraffu eich cyfrinair, a redir bob tro mae ar Pillarbox ei angen. Nid yw Pillarbox byth yn ysgrifennu eich cyfrinair i'r ddisg.
wizard-save-with-command = Cadw gyda'r gorchymyn hwn
wizard-close = Yn ôl i'm cyfrifon

## Settings file errors (config-)
config-error-io = Methu darllen neu ysgrifennu { $path }: { $detail }
config-error-io-hint = Gwiriwch fod y ffolder yn bodoli a bod hawl gennych i ysgrifennu iddo.
config-error-corrupt = Mae’r ffeil gosodiadau { $path } wedi’i difrodi (llinell { $line }): { $detail }
config-error-corrupt-hint = Nid yw Pillarbox wedi’i newid. Cywirwch y llinell honno, neu symudwch y ffeil o’r neilltu i ddechrau eto gyda’r gosodiadau rhagosodedig.
config-error-too-new = Cafodd y ffeil gosodiadau { $path } ei hysgrifennu gan Pillarbox mwy newydd (fformat { $found }; mae’r un hwn yn deall hyd at { $supported }).
config-error-too-new-hint = Diweddarwch Pillarbox i ddefnyddio’r gosodiadau hyn.
config-error-overwrite = Heb gadw: nid oedd modd darllen { $path }, a byddai cadw’n ei disodli.
config-error-overwrite-hint = Cywirwch y ffeil neu symudwch hi o’r neilltu yn gyntaf; nid yw Pillarbox byth yn trosysgrifo gosodiadau nad oedd modd eu darllen.
config-error-locked = Mae’r ffeil gosodiadau { $path } yn cael ei newid gan ffenestr neu orchymyn Pillarbox arall.
config-error-locked-hint = Rhowch gynnig arall arni mewn munud. Os nad oes Pillarbox arall yn rhedeg, dilëwch { $lock }.
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
## Command-line help (cli-about-<command>, cli-arg-<command>-<option>)
cli-help-usage = Defnydd:
cli-help-commands = Gorchmynion
cli-help-options = Dewisiadau
cli-help-arguments = Dadleuon
cli-about = Cleient e-bost cyflym a diogel ar gyfer BT Email ac unrhyw ddarparwr IMAP/POP3/SMTP. Rhedwch heb orchymyn i agor y ffenestr.
cli-about-help = Argraffu’r neges hon neu gymorth y gorchymyn a roddwyd
cli-arg-help = Argraffu cymorth
cli-arg-version = Argraffu’r fersiwn
cli-arg-lang = Iaith y negeseuon, fel cy neu en-GB (rhagosodiad: y gosodiadau, yna iaith y system)
cli-about-account = Ychwanegu, rhestru a thynnu cyfrifon
cli-about-account-add = Gosod cyfrif: gweinyddion o’r rhestr darparwyr, y cyfrinair yn y cylch allweddi
cli-arg-account-add-email = Cyfeiriad e-bost y cyfrif
cli-arg-account-add-name = Eich enw fel y mae derbynwyr yn ei weld (rhagosodiad: o’r cyfeiriad)
cli-arg-account-add-protocol = Sut mae post yn dod i mewn (rhagosodiad: IMAP, neu POP3 pan roddir --pop yn unig)
cli-arg-account-add-imap = Gweinydd IMAP yn lle un y darparwr
cli-arg-account-add-pop = Gweinydd POP3 yn lle un y darparwr
cli-arg-account-add-smtp = Gweinydd SMTP yn lle un y darparwr
cli-arg-account-add-security = Diogelwch y cysylltiad ar gyfer pob un o weinyddion y cyfrif: tls (o’r beit cyntaf) neu starttls
cli-arg-account-add-ca_file = Tystysgrifau CA ychwanegol i’w trystio (PEM), ar gyfer gweinydd preifat
cli-arg-account-add-password_stdin = Darllen y cyfrinair o’r mewnbwn safonol (y llinell gyntaf) a’i gadw yng nghylch allweddi’r system
cli-arg-account-add-password_command = Gorchymyn sy’n argraffu’r cyfrinair, a redir bob tro y mae ei angen (e.e. "pass show bt")
cli-arg-account-add-replace = Disodli’r cyfrif os yw’r cyfeiriad wedi’i osod yn barod
cli-about-account-list = Rhestru’r cyfrifon sydd wedi’u gosod
cli-about-account-remove = Tynnu cyfrif a’i gyfrinair sydd wedi’i gadw (mae ei bost yn aros ar y ddisg)
cli-arg-account-remove-email = Cyfeiriad y cyfrif i’w dynnu
cli-about-account-check = Gwirio bod modd cyrraedd gweinyddion cyfrif a'u bod yn derbyn y cyfrinair, gam wrth gam
cli-arg-account-check-address = Cyfeiriad y cyfrif i'w wirio
cli-arg-account-check-timeout = Sawl eiliad i aros am bob cam (rhagosodiad: 10 i chwilio, 15 i gysylltu, 30 ar gyfer pob gorchymyn)
cli-about-paths = Dangos ble mae Pillarbox yn cadw ei osodiadau a’i bost

## Main window (mailbox-, reader-, composer-, status-)
cli-arg-demo = Agor y ffenestr ar N neges ffug (300 fel arfer) mewn ffolder dros dro, heb rwydwaith
mailbox-title-unread = Pillarbox – { $count ->
        [one] 1 neges heb ei darllen
       *[other] { $count } neges heb eu darllen
    }
mailbox-window-failed = Methodd y ffenestr ag agor: { $error }
mailbox-demo-failed = Methwyd creu’r blwch post enghreifftiol: { $error }
mailbox-new = Newydd
mailbox-add-account = Ychwanegu cyfrif
mailbox-delete = Dileu
mailbox-read-unread = Darllen/heb ddarllen
mailbox-flag = Baner
mailbox-archive = Archifo
mailbox-move-to = Symud i…
mailbox-moved = { $count ->
        [one] Symudwyd 1 neges i { $folder }.
       *[other] Symudwyd { $count } neges i { $folder }.
    }
mailbox-threads = Sgyrsiau
# How many messages a thread row of the list stands for.
mailbox-thread-count = { $count }
mailbox-sort-date = Dyddiad
mailbox-sort-sender = Anfonwr
mailbox-sort-subject = Pwnc
mailbox-empty = Dim negeseuon yma.
mailbox-no-subject = (dim pwnc)
mailbox-search-placeholder = Chwilio’r holl bost (pwyswch /)
mailbox-search-clear = Clirio
mailbox-deleted = { $count ->
        [one] Symudwyd 1 neges i’r Sbwriel.
       *[other] Symudwyd { $count } neges i’r Sbwriel.
    }
mailbox-folder-inbox = Mewnflwch
mailbox-all-inboxes = Pob Mewnflwch
mailbox-folder-drafts = Drafftiau
mailbox-folder-sent = Anfonwyd
mailbox-folder-archive = Archif
mailbox-folder-junk = Sothach
mailbox-folder-trash = Sbwriel
mailbox-help-title = Llwybrau byr y bysellfwrdd
mailbox-help-new = Ysgrifennu neges newydd
mailbox-help-reply = Ateb
mailbox-help-reply-all = Ateb pawb
mailbox-help-forward = Anfon ymlaen
mailbox-help-delete = Symud i’r Sbwriel
mailbox-help-archive = Symud i’r Archif
mailbox-help-read = Nodi wedi’i darllen neu heb ei darllen
mailbox-help-flag = Rhoi neu dynnu baner
mailbox-help-next = Y neges nesaf
mailbox-help-previous = Y neges flaenorol
mailbox-help-search = Chwilio
mailbox-help-sync = Gwirio am bost newydd nawr
mailbox-help-help = Dangos neu guddio’r cymorth hwn
layout-save-failed = Methu cofio maint y paneli: { $error }
mailbox-help-close = Cau

## Bysellfwrdd: tabl y llwybrau byr (cymorth, cynghorion) a'r dewisydd ffolderi
keys-move-to = Symud i ffolder…
keys-select-all = Dewis pob neges
keys-open-attachment = Agor yr atodiad cyntaf
keys-next-folder = Y ffolder nesaf
keys-previous-folder = Y ffolder flaenorol
keys-inbox = Mynd i’r Mewnflwch (Pob Mewnflwch)
keys-go-to-folder = Mynd i ffolder…
keys-settings = Gosodiadau
keys-narrow-list = Culhau’r rhestr negeseuon
keys-widen-list = Lledu’r rhestr negeseuon
keys-close = Cau’r cymorth, dewisydd neu’r gosodiadau
keys-send = Anfon
keys-save-draft = Cadw fel drafft
keys-attach = Atodi ffeiliau…
keys-close-composer = Cau’r neges (yn gofyn os nad yw wedi’i chadw)
keys-group-messages = Negeseuon
keys-group-navigation = Symud o gwmpas
keys-group-composer = Ysgrifennu neges
keys-group-view = Maint y testun
keys-zoom-in = Testun mwy
keys-zoom-out = Testun llai
keys-zoom-reset = Maint testun y system
keys-ctrl = Ctrl
keys-shift = Shift
keys-delete = Del
keys-enter = Enter
keys-escape = Esc
keys-tooltip = { $action } ({ $keys })
keys-picker-placeholder = Teipiwch i hidlo’r ffolderi
keys-picker-none = Does dim ffolder yn cyfateb
keys-picker-hint = ↑ ↓ i ddewis, Enter i gadarnhau, Esc i gau
keys-picker-in = { $folder } — { $account }
reader-nothing = Dewiswch neges i’w darllen.
reader-missing = Nid yw’r neges hon yn y storfa leol mwyach.
reader-reply = Ateb
reader-reply-all = Ateb pawb
reader-forward = Anfon ymlaen
reader-from = Oddi wrth
reader-to = At
reader-cc = Copi
reader-date = Dyddiad
reader-attachments = Atodiadau
reader-save = Cadw
reader-saved = Cadwyd fel { $path }
reader-save-failed = Methwyd cadw’r atodiad: { $error }
reader-save-as = Cadw fel…
reader-save-as-title = Cadw’r atodiad
reader-saved-no-dialog = Nid oes ffenestr dewis ffeil ar gael yma, felly cafodd ei gadw yn eich ffolder Llwythi fel { $path }
reader-open = Agor
reader-opened = Agorwyd copi o { $path }
reader-open-failed = Methwyd agor yr atodiad: { $error }
reader-open-risky = Gallai’r atodiad hwn redeg rhaglen, felly nid yw’n cael ei agor. Cadwch ef a’i agor eich hun os ydych yn ymddiried yn yr anfonwr.
notify-one = { $sender } — { $subject }
notify-many = { $count ->
        [one] 1 neges newydd
       *[other] { $count } neges newydd
    }
notify-latest = Mae’r ddiweddaraf oddi wrth { $sender }.
notify-account = At { $account }
reader-unreadable = Methwyd darllen y neges.
reader-no-downloads = Nid oes ffolder Llwythi neu ffolder cartref i gadw ynddo.
reader-unnamed = (dim enw)
reader-links = Mae’r dolenni yn y neges hon yn mynd i:
reader-thread = { $count } neges yn y sgwrs hon
composer-to = At
composer-from = Oddi wrth
composer-cc = Copi
composer-bcc = Copi cudd
composer-subject = Pwnc
composer-send = Anfon
composer-save-draft = Cadw drafft
composer-close = Cau
composer-discard = Taflu
composer-keep-editing = Parhau i olygu
composer-unsaved = Mae newidiadau heb eu cadw yn y neges hon.
composer-attach = Atodi
composer-attach-placeholder = Llwybr ffeil i’w hatodi
composer-no-such-file = Nid oes ffeil yn “{ $path }”.
composer-attach-failed = Methwyd darllen { $path }: { $error }
composer-browse = Atodi…
composer-attach-title = Dewiswch ffeiliau i’w hatodi
composer-no-dialog = Nid oes ffenestr dewis ffeil ar gael yma: teipiwch lwybr y ffeil neu llusgwch y ffeil i’r ffenestr.
composer-remove = Tynnu
composer-drop-hint = Gallwch hefyd ollwng ffeiliau ar y ffenestr hon i’w hatodi.
composer-no-recipients = Ychwanegwch o leiaf un derbynnydd.
composer-bad-address = Nid yw “{ $address }” yn gyfeiriad e-bost.
composer-quote-intro = Ar { $date }, ysgrifennodd { $sender }:
composer-forward-header = ---------- Neges wedi’i hanfon ymlaen ----------
composer-draft-saved = Cadwyd y drafft.
composer-queued = Mae’r neges yn y Blwch Allan.
status-offline = all-lein
status-online = ar-lein
status-syncing = yn cysoni { $done } o { $total }
status-error = gwall: { $message }
status-retry = Ceisio eto
status-no-engine = nid yw cysoni post ar gael yn y fersiwn hon
status-no-engine-hint = Mae eich post lleol i gyd yma; bydd post newydd yn cyrraedd unwaith y bydd cysoni wedi’i osod.
mailbox-settings = Gosodiadau
settings-title = Gosodiadau
settings-display-name = Eich enw
settings-interval = Gwirio am bost bob (munud)
settings-leave-on-server = Gadael copi o’r negeseuon ar y gweinydd (POP3)
settings-theme = Thema
settings-theme-system = Fel y system
settings-theme-light = Golau
settings-theme-dark = Tywyll
settings-language = Iaith
settings-language-system = Fel y system
settings-text-size = Maint y testun
settings-text-size-system = Fel y system ({ $percent } %)
settings-text-size-percent = { $percent } %
settings-notifications = Dangos hysbysiad pan fydd post newydd yn cyrraedd
settings-save = Cadw
settings-close = Cau
settings-saved = Cadwyd y gosodiadau.
settings-accounts = Cyfrifon
settings-editing = Gosodiadau { $account }
settings-account-edit = Golygu
settings-account-remove = Tynnu
settings-remove-confirm = Tynnu { $account } o Pillarbox? Caiff ei gyfrinair sydd wedi'i gadw ei ddileu hefyd.
settings-remove-kept = Mae'r post a lwythwyd i lawr yn aros ar y cyfrifiadur hwn yn { $path } oni bai eich bod yn ticio'r blwch isod.
settings-remove-delete-mail = Dileu'r post a lwythwyd i lawr hefyd
settings-remove-yes = Tynnu'r cyfrif
settings-remove-no = Ei gadw
settings-removed-kept = Tynnwyd { $account }. Mae ei bost a lwythwyd i lawr yn dal yn { $path }.
settings-removed-deleted = Tynnwyd { $account } a'i bost a lwythwyd i lawr.
settings-remove-files-failed = Methu dileu { $path }: { $error }
settings-bad-interval = Rhaid i’r cyfnod gwirio fod yn nifer o funudau rhwng 1 a 1440.
settings-no-home = Nid oes ffolder gosodiadau i gadw ynddo.
## Gwirio'r cysylltiad (y dewin a `pillarbox account check`) a gwallau rhwydwaith gydag awgrymiadau

check-step-resolve = Chwilio am y gweinydd
check-step-connect = Cysylltu
check-step-tls = Cysylltiad diogel a thystysgrif
check-step-greeting = Cyfarchiad y gweinydd
check-step-starttls = Newid i amgryptio (STARTTLS)
check-step-authenticate = Mewngofnodi
check-step-connection = Cysylltiad

check-server-imap = Post i mewn (IMAP)
check-server-pop3 = Post i mewn (POP3)
check-server-smtp = Post allan (SMTP)

check-security-tls = SSL/TLS
check-security-starttls = STARTTLS

check-outcome-passed = llwyddodd
check-outcome-failed = methodd
check-outcome-skipped = heb ei redeg

check-error-resolve = Nid oedd modd dod o hyd i enw'r gweinydd { $host } (cam: { $step }).
check-hint-resolve = Gwiriwch enw'r gweinydd am gamgymeriadau teipio, a gwiriwch fod y cyfrifiadur hwn wedi'i gysylltu â'r rhyngrwyd.

check-error-refused = Gwrthododd { $endpoint } y cysylltiad (cam: { $step }).
check-hint-refused = Gwiriwch enw'r gweinydd a rhif y porth. Efallai hefyd fod mur gwarchod neu raglen ddiogelwch yn rhwystro'r cysylltiad.

check-error-connect = Nid oedd modd cysylltu â { $endpoint } (cam: { $step }): { $detail }
check-hint-connect = Gwiriwch fod y cyfrifiadur hwn wedi'i gysylltu â'r rhyngrwyd, ac yna gwiriwch enw'r gweinydd a rhif y porth. Efallai fod mur gwarchod yn rhwystro'r cysylltiad.

check-error-timeout = Ni atebodd { $endpoint } o fewn { $secs } eiliad (cam: { $step }).
check-hint-timeout = Gwiriwch enw'r gweinydd a rhif y porth, ac nad oes mur gwarchod yn rhwystro'r cysylltiad. Os yw eich cysylltiad â'r rhyngrwyd yn araf, rhowch gynnig arall arni.
check-hint-timeout-greeting = Derbyniodd y gweinydd y cysylltiad ond ni ddywedodd ddim. Gwiriwch fod y porth yn perthyn i'r math hwn o weinydd a bod y gosodiad diogelwch yn cyfateb iddo: SSL/TLS ar gyfer pyrth 993, 995 a 465, STARTTLS ar gyfer pyrth 143, 110 a 587.

check-error-cert-untrusted = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): cyhoeddwyd “{ $subject }” gan awdurdod nad oes modd ymddiried ynddo.
check-hint-cert-untrusted = Os gweinydd preifat yw hwn, ychwanegwch ffeil tystysgrif CA y gweinydd yn y gosodiadau uwch. Fel arall, efallai fod rhywun yn rhyng-gipio'r cysylltiad: peidiwch â pharhau ar y rhwydwaith hwn.
check-error-cert-name = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): mae “{ $subject }” yn ddilys ar gyfer { $names } yn unig, nid ar gyfer { $host }.
check-hint-cert-name = Defnyddiwch enw gweinydd y mae'r dystysgrif yn ddilys ar ei gyfer, er enghraifft { $first }.
check-hint-cert-name-none = Nid yw'r dystysgrif yn enwi unrhyw weinydd. Gwiriwch enw'r gweinydd, neu cysylltwch â'ch darparwr.
check-error-cert-expired = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): mae “{ $subject }” wedi dod i ben.
check-error-cert-not-yet-valid = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): nid yw “{ $subject }” yn ddilys eto.
check-hint-cert-dates = Gwiriwch fod dyddiad ac amser y cyfrifiadur hwn yn gywir. Os ydynt, mae angen adnewyddu tystysgrif y gweinydd: cysylltwch â'ch darparwr.
check-error-cert-revoked = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): mae “{ $subject }” wedi cael ei dirymu.
check-hint-cert-revoked = Peidiwch â pharhau: cysylltwch â'ch darparwr.
check-error-cert-other = Gwrthodwyd tystysgrif { $endpoint } (cam: { $step }): “{ $subject }”: { $detail }
check-hint-cert-other = Gwiriwch enw'r gweinydd, neu cysylltwch â'ch darparwr.

check-error-handshake = Methodd y cysylltiad diogel â { $endpoint } (cam: { $step }): { $detail }
check-hint-handshake = Gwiriwch fod y gosodiad diogelwch yn cyfateb i'r porth: SSL/TLS ar gyfer pyrth 993, 995 a 465, STARTTLS ar gyfer pyrth 143, 110 a 587.

check-hint-handshake-plain = Atebodd y gweinydd heb amgryptio, felly mae'n debyg bod y porth hwn yn defnyddio STARTTLS. Dewiswch ddiogelwch STARTTLS, neu borth SSL/TLS y gweinydd (993 ar gyfer IMAP, 995 ar gyfer POP3, 465 ar gyfer SMTP).
check-error-no-starttls = Nid yw { $endpoint } yn cynnig STARTTLS, felly ni fydd Pillarbox yn anfon eich cyfrinair dros gysylltiad heb ei amgryptio (cam: { $step }).
check-hint-no-starttls = Dewiswch ddiogelwch SSL/TLS gyda phorth SSL/TLS y gweinydd (993 ar gyfer IMAP, 995 ar gyfer POP3, 465 ar gyfer SMTP), neu gofynnwch i'ch darparwr pa osodiadau i'w defnyddio.

check-error-protocol = Rhoddodd { $endpoint } ateb annisgwyl (cam: { $step }): { $detail }
check-hint-protocol = Gwiriwch fod y porth yn perthyn i'r math cywir o weinydd (IMAP, POP3 neu SMTP) a bod y gosodiad diogelwch yn gywir.

check-error-io = Collwyd y cysylltiad â { $endpoint } (cam: { $step }): { $detail }
check-hint-io = Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni. Os yw hyn yn digwydd bob tro, gwiriwch y porth a'r gosodiad diogelwch.

check-error-ca-file = Nid oedd modd defnyddio ffeil tystysgrif CA { $path }: { $detail }
check-hint-ca-file = Yn y gosodiadau uwch, dewiswch ffeil PEM sy'n cynnwys tystysgrif CA y gweinydd, neu cliriwch y maes.

check-error-auth = Gwrthododd { $endpoint } yr enw defnyddiwr neu'r cyfrinair (cam: { $step }). Dywedodd y gweinydd: { $detail }
check-hint-auth = Gwiriwch y cyfrinair (ydy Caps Lock ymlaen?) a gwnewch yn siŵr mai eich cyfeiriad e-bost llawn yw'r enw defnyddiwr. Mae angen cyfrinair ap ar gyfrifon BT sy'n defnyddio dilysu dau gam ar gyfer rhaglenni e-bost: crëwch un yng ngosodiadau diogelwch eich cyfrif BT a'i ddefnyddio yma yn lle eich cyfrinair arferol.

check-error-no-auth-mechanism = Nid yw { $endpoint } yn cynnig unrhyw ffordd o fewngofnodi y mae Pillarbox yn ei chefnogi (cam: { $step }; mae'r gweinydd yn cynnig: { $offered }).
check-hint-no-auth-mechanism = Rhowch gynnig ar y dull mewngofnodi arall yn y gosodiadau uwch. Mae rhai gweinyddion yn caniatáu mewngofnodi ar eu porth SSL/TLS yn unig, neu ar ôl STARTTLS.

check-cli-checking = Yn gwirio { $email }…
check-cli-server = { $server }: { $endpoint } ({ $security })
check-cli-step = { $mark } { $step }: { $outcome } ({ $ms } ms)
check-cli-step-skipped = { $mark } { $step }: { $outcome }
check-cli-all-passed = Llwyddodd pob gweinydd: mae { $email } yn barod i'w ddefnyddio.
check-cli-some-failed = { $count ->
    [one] Methodd un gweinydd y gwiriad.
   *[other] Methodd { $count } o weinyddion y gwiriad.
}
check-cli-no-account = Nid oes cyfrif { $email }. Gwelwch y rhestr gyda: pillarbox account list
## POP3 download (pop-)
pop-error-network = Methu cyrraedd y gweinydd POP3: { $detail }
pop-error-timeout = Ni atebodd { $endpoint } o fewn { $secs } eiliad ({ $step }).
pop-error-auth = Ni dderbyniodd { $endpoint } y cyfeiriad e-bost a'r cyfrinair: { $reply }
pop-error-refused = Gwrthododd { $endpoint } { $step }: { $reply }
pop-error-protocol = Anfonodd { $endpoint } ateb nad oedd Pillarbox yn ei ddeall ({ $step }): { $detail }
pop-error-connection = Collwyd y cysylltiad â { $endpoint } ({ $step }): { $detail }
pop-error-no-uidl-leave = Ni all { $endpoint } wahaniaethu rhwng ei negeseuon (dim UIDL), felly ni ellir gadael negeseuon ar y gweinydd.
pop-error-disk = Methu cadw post yn { $path }: { $detail }
pop-error-busy = Mae post { $account } eisoes yn cael ei lwytho i lawr.
pop-hint-auth = Gwiriwch eich cyfrinair. Mae angen cyfrinair ap ar gyfrifon BT Email sydd â dilysu dau gam.
pop-hint-retry = Ni ddilëwyd dim o'r gweinydd. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.
pop-hint-no-uidl-leave = Diffoddwch "Gadael negeseuon ar y gweinydd" ar gyfer y cyfrif hwn.
pop-hint-disk = Ni ddilëwyd dim o'r gweinydd. Rhyddhewch le ar y ddisg neu gwiriwch ganiatâd y ffolder, yna rhowch gynnig arall arni.
pop-hint-busy = Arhoswch i'r llwytho arall orffen.
pop-summary = { $account }: { $downloaded } wedi'u llwytho i lawr, { $deleted } wedi'u dileu o'r gweinydd, { $kept } wedi'u gadael ar y gweinydd.
pop-progress = Yn llwytho { $done } o { $total } i lawr
pop-no-uidl-note = Ni all y gweinydd hwn wahaniaethu rhwng ei negeseuon (dim UIDL): caiff pob neges ei llwytho i lawr, yna ei dileu o'r gweinydd.
pop-no-password = Dim cyfrinair ar y mewnbwn safonol.

## Local mail store and the list/show/reindex commands (store-)
store-error-no-message = Does dim neges â’r rhif { $id }.
store-error-no-message-hint = Mae “pillarbox list” yn dangos rhif pob neges.
store-error-index = Methu agor mynegai’r negeseuon { $path }: { $detail }
store-error-index-sql = Methodd mynegai’r negeseuon: { $detail }
store-error-index-hint = Mae eich negeseuon yn ddiogel yn eu ffolderi Maildir. Rhedwch “pillarbox reindex” i ailadeiladu’r mynegai ohonyn nhw.
store-error-io = Methu darllen nac ysgrifennu { $path }: { $detail }
store-error-io-hint = Gwiriwch nad yw’r ddisg yn llawn a bod hawl gennych i ysgrifennu i’r ffolder hon.
store-no-accounts = Does dim post lleol eto.
store-no-accounts-hint = Ychwanegwch gyfrif a gwiriwch am bost yn gyntaf, neu enwch y cyfrif gyda --account.
store-many-accounts = Mae gan sawl cyfrif bost lleol: { $accounts }
store-many-accounts-hint = Dewiswch un gyda --account CYFEIRIAD.
store-no-such-account = Does dim post lleol ar gyfer { $account }.
store-no-such-account-hint = Gwiriwch y cyfeiriad, neu gwiriwch am bost yn gyntaf. Cyfrifon â phost lleol: { $accounts }
store-empty-folder = Does dim negeseuon yn { $folder }.
store-no-results = Does dim byd yn cyfateb i “{ $query }”.
store-col-id = Rhif
store-col-date = Dyddiad
store-col-flags = Baneri
store-col-from = Oddi wrth
store-col-subject = Pwnc
store-no-subject = (dim pwnc)
store-label-from = Oddi wrth
store-label-to = At
store-label-cc = Copi
store-label-date = Dyddiad
store-label-subject = Pwnc
store-label-folder = Ffolder
store-label-attachments = Mae atodiadau
store-page-info = Yn dangos { $shown } o { $total } neges yn { $folder } ({ $unread } heb eu darllen).
store-folder-line = { $folder }: { $count ->
        [one] 1 neges
       *[other] { $count } neges
    }, { $unread } heb eu darllen
store-reindexed = Mynegai { $account } wedi’i ddiweddaru: { $folders ->
        [one] 1 ffolder
       *[other] { $folders } ffolder
    }; { $added } wedi’u hychwanegu, { $updated } wedi newid, { $removed } wedi’u tynnu, { $unchanged } heb newid.
cli-about-list = Rhestru negeseuon ffolder, chwilio drwyddyn nhw, neu restru’r ffolderi
cli-arg-list-account = Cyfeiriad y cyfrif; dim ond ei angen pan fo gan sawl cyfrif bost lleol
cli-arg-list-folder = Y ffolder i’w rhestru, fel INBOX, Sent neu Archive/2024
cli-arg-list-limit = Faint o negeseuon i’w dangos
cli-arg-list-offset = Faint o negeseuon i’w hepgor yn gyntaf (i droi tudalennau)
cli-arg-list-sort = Trefnu yn ôl beth
cli-arg-list-reverse = Troi’r drefn o chwith (fel arfer y diweddaraf yn gyntaf yn ôl dyddiad, A i Z yn ôl anfonwr neu bwnc)
cli-arg-list-search = Dim ond negeseuon sy’n cyfateb i’r geiriau hyn (dechrau geiriau; mae from:, to:, subject: a body: yn cyfyngu gair i un maes), y diweddaraf yn gyntaf
cli-arg-list-all_folders = Gyda --search: chwilio ym mhob ffolder, nid yn --folder yn unig
cli-arg-list-folders = Rhestru’r ffolderi gyda nifer eu negeseuon yn lle’r negeseuon
cli-arg-list-json = Argraffu JSON ar gyfer sgriptiau
cli-about-show = Dangos un neges: ei phenawdau a’i thestun, neu gyda --raw ei beitiau union
cli-arg-show-id = Rhif y neges, fel y mae “pillarbox list” yn ei ddangos
cli-arg-show-account = Cyfeiriad y cyfrif; dim ond ei angen pan fo gan sawl cyfrif bost lleol
cli-arg-show-raw = Argraffu’r neges fel y’i cadwyd, yn union fel y daeth, beit wrth feit
cli-about-reindex = Dod â mynegai’r negeseuon yn unol â’r ffolderi Maildir ar y ddisg
cli-arg-reindex-account = Y cyfrif hwn yn unig (rhagosodiad: pob cyfrif â phost lleol)

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
send-cli-retried = { $count ->
        [one] Rhoddwyd 1 neges yn ôl yn y ciw.
       *[other] Rhoddwyd { $count } neges yn ôl yn y ciw.
    }
send-cli-read-failed = Nid oedd modd darllen { $path }: { $detail }
send-cli-no-account = Does dim cyfrif { $email } wedi'i osod. Mae `pillarbox account list` yn dangos y cyfrifon.
send-cli-which-account = Mae sawl cyfrif: dywedwch pa un gyda --account.
send-cli-busy = Mae Pillarbox arall yn anfon y Blwch Allan hwn ar hyn o bryd; bydd yn anfon y negeseuon hyn.
cli-about-send = Ysgrifennu neges a'i hanfon (drwy'r Blwch Allan)
cli-arg-send-account = Y cyfrif i anfon ohono (ei gyfeiriad e-bost); yr unig gyfrif os na roddir un
cli-arg-send-to = Derbynnydd ("Enw <a@b>" neu a@b); ailadroddwch am fwy
cli-arg-send-cc = Derbynnydd copi; ailadroddwch am fwy
cli-arg-send-bcc = Derbynnydd copi cudd (byth yn cael ei ddangos i'r lleill); ailadroddwch am fwy
cli-arg-send-subject = Y pwnc
cli-arg-send-body = Testun y neges (neu defnyddiwch --body-file)
cli-arg-send-body_file = Ffeil sy'n dal testun y neges
cli-arg-send-html_file = Ffeil sy'n dal fersiwn HTML o'r testun
cli-arg-send-attach = Ffeil i'w hatodi; ailadroddwch am fwy
cli-arg-send-queue_only = Dim ond rhoi'r neges yn y Blwch Allan; bydd `outbox flush` yn ei hanfon yn nes ymlaen
cli-about-outbox = Dangos y Blwch Allan, anfon yr hyn sy'n aros ynddo, neu geisio negeseuon a fethodd eto
cli-arg-outbox-account = Y cyfrif y mae ei Flwch Allan i'w ddefnyddio (ei gyfeiriad e-bost)
cli-about-outbox-flush = Anfon popeth sy'n barod, dros un cysylltiad
cli-arg-outbox-flush-now = Anfon hefyd negeseuon sy'n aros am eu hamser i geisio eto
cli-about-outbox-retry = Rhoi negeseuon a fethodd yn ôl yn y ciw

## Main window worker (wire)
wire-sent = { $count ->
    [one] Anfonwyd 1 neges
   *[other] Anfonwyd { $count } neges
}
wire-send-failed = Methodd yr anfon: { $detail }
wire-queue-failed = Nid oedd modd rhoi’r neges yn y blwch anfon: { $detail }
wire-error-internal = Aeth rhywbeth o’i le yn y cefndir: { $detail }
wire-hint-retry = Bydd Pillarbox yn ceisio eto; pwyswch Ailgeisio i geisio nawr.
wire-hint-settings = Gwiriwch osodiadau a chyfrinair y cyfrif, yna pwyswch Ailgeisio.
## Command-line help for fetching and changing mail
cli-arg-outbox-flush-account = Y cyfrif y mae ei Flwch Allan i'w anfon (ei gyfeiriad e-bost); pob cyfrif os na roddir un
cli-arg-outbox-retry-account = Y cyfrif y dylid ceisio ei negeseuon a fethodd eto (ei gyfeiriad e-bost)
cli-about-sync = Nôl post newydd: cysoni cyfrifon IMAP â'r storfa leol, llwytho cyfrifon POP3 i lawr
cli-arg-sync-account = Nôl ar gyfer y cyfrif hwn yn unig (ei gyfeiriad e-bost)
cli-arg-sync-folder = Cysoni'r ffolder hwn yn unig (cyfrifon IMAP)
cli-about-flag = Marcio neges wedi'i darllen neu heb ei darllen, wedi'i fflagio neu beidio (newidiadau fel +seen -seen +flagged -flagged)
cli-arg-flag-id = Y neges, fel FFOLDER:UID (gweler “pillarbox list”)
cli-arg-flag-changes = Y newidiadau: +seen, -seen, +flagged, -flagged
cli-arg-flag-account = Y cyfrif y mae'r neges yn perthyn iddo (ei gyfeiriad e-bost)
cli-about-move = Symud neges i ffolder arall
cli-arg-move-id = Y neges, fel FFOLDER:UID (gweler “pillarbox list”)
cli-arg-move-folder = Y ffolder i'w symud iddo
cli-arg-move-account = Y cyfrif y mae'r neges yn perthyn iddo (ei gyfeiriad e-bost)
cli-about-delete = Dileu neges (i'r Sbwriel, neu am byth os yw yno'n barod)
cli-arg-delete-id = Y neges, fel FFOLDER:UID (gweler “pillarbox list”)
cli-arg-delete-account = Y cyfrif y mae'r neges yn perthyn iddo (ei gyfeiriad e-bost)
cli-not-mailto = Nid yw “{ $link }” yn ddolen mailto:, yn ffeil neges nac yn orchymyn. Rhedwch “pillarbox --help” i weld y gorchmynion.
cli-about-open = Agor neges wedi’i chadw (ffeil .eml) mewn ffenestr, i’w darllen yn unig
cli-arg-open-file = Y ffeil neges
eml-error-read = Methwyd â darllen y ffeil neges { $file }: { $detail }
eml-error-empty = Mae’r ffeil neges { $file } yn wag.
eml-error-too-large = Mae’r ffeil { $file } yn rhy fawr i fod yn neges e-bost.
eml-error-not-message = Nid neges e-bost yw’r ffeil { $file } (nid oes ganddi benawdau post fel From, Date neu Subject).
viewer-title = { $subject } – Pillarbox

## Meintiau a dyddiadau (format-): gweler src/i18n/format.rs
format-decimal-separator = .
format-size-bytes = { $count ->
        [one] { $count } beit
       *[other] { $count } beit
    }
format-size-kb = { $size } kB
format-size-mb = { $size } MB
format-size-gb = { $size } GB
format-size-tb = { $size } TB
format-month = { $month ->
        [1] Ion
        [2] Chwef
        [3] Maw
        [4] Ebr
        [5] Mai
        [6] Meh
        [7] Gorff
        [8] Awst
        [9] Medi
        [10] Hyd
        [11] Tach
       *[12] Rhag
    }
format-time = { $hours }:{ $minutes }
format-date-yesterday = Ddoe
format-date-day-month = { $day } { $month }
format-date-year = { $day } { $month } { $year }
format-date-time = { $date }, { $time }

## Cofnodi (log-)
log-file-error = Methu ysgrifennu’r ffeil gofnodion yn { $path }: { $detail }. Mae Pillarbox yn parhau hebddi.
