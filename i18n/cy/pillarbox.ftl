app-name = Pillarbox

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
send-cli-no-config = Nid oedd modd darllen y ffurfweddiad { $path } ({ $detail }). Ychwanegwch gyfrif yn gyntaf gyda `pillarbox account add`.
send-cli-no-account = Does dim cyfrif { $email } wedi'i osod. Mae `pillarbox account list` yn dangos y cyfrifon.
send-cli-which-account = Mae sawl cyfrif: dywedwch pa un gyda --account.
send-cli-no-password = Does gan y cyfrif hwn ddim gorchymyn cyfrinair; ychwanegwch un gyda `pillarbox account add --password-command`.
send-cli-password-command = Methodd y gorchymyn cyfrinair: { $detail }
send-cli-busy = Mae Pillarbox arall yn anfon y Blwch Allan hwn ar hyn o bryd; bydd yn anfon y negeseuon hyn.
