app-name = Pillarbox

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
check-cli-hint = Awgrym: { $hint }
check-cli-all-passed = Llwyddodd pob gweinydd: mae { $email } yn barod i'w ddefnyddio.
check-cli-some-failed = { $count ->
    [one] Methodd un gweinydd y gwiriad.
   *[other] Methodd { $count } gweinydd y gwiriad.
}
check-cli-no-account = Nid oes cyfrif { $email }. Gwelwch y rhestr gyda: pillarbox account list
