app-name = Pillarbox

## Sending: compose, outbox, SMTP
send-reply-attribution = On { $date }, { $name } wrote:
send-forward-header = ---------- Forwarded message ----------
    From: { $from }
    Date: { $date }
    Subject: { $subject }
    To: { $to }
send-error-auth = The outgoing server refused your user name or password ({ $detail }). Check the password; BT accounts with two-step verification need an app password. Your message stays in the Outbox.
send-error-recipient = The server will not deliver to { $recipient } ({ $detail }). Check the address, then send again from the Outbox.
send-error-sender = The server will not accept mail from your address ({ $detail }). Check the account's email address.
send-error-message = The server refused the message ({ $detail }). It may be too large; remove attachments and send again.
send-error-certificate = The outgoing server's certificate was refused ({ $detail }). Check the server name in the account settings.
send-error-temporary = The message could not be sent now ({ $detail }). It stays in the Outbox and will be sent again automatically.
send-error-folder = The copy in your mail folders could not be saved ({ $detail }). The message is kept and will be saved again.
send-state-queued = queued
send-state-sending = sending
send-state-sent = sent
send-state-failed = failed
send-state-retrying = waiting to retry
send-cli-queued = Queued { $id }
send-cli-flushed = Sent { $sent }, to retry { $deferred }, failed { $failed }, left in the Outbox { $remaining }
send-cli-outbox-empty = The Outbox is empty.
send-cli-outbox-failed = The Outbox could not be read or written: { $detail }
send-cli-retried = { $count } messages put back in the queue.
send-cli-read-failed = { $path } could not be read: { $detail }
send-cli-no-config = The configuration { $path } could not be read ({ $detail }). Add an account first with `pillarbox account add`.
send-cli-no-account = No account { $email } is set up. `pillarbox account list` shows the accounts.
send-cli-which-account = There are several accounts: say which with --account.
send-cli-no-password = This account has no password command; add one with `pillarbox account add --password-command`.
send-cli-password-command = The password command failed: { $detail }
send-cli-busy = Another Pillarbox is sending this Outbox right now; it will send these messages.
