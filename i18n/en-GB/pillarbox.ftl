app-name = Pillarbox

## Settings file errors (config-)
config-error-io = Could not read or write { $path }: { $detail }
config-error-io-hint = Check that the folder exists and that you may write to it.
config-error-corrupt = The settings file { $path } is damaged (line { $line }): { $detail }
config-error-corrupt-hint = Pillarbox has not changed it. Correct that line, or move the file aside to start again with default settings.
config-error-too-new = The settings file { $path } was written by a newer Pillarbox (format { $found }; this one understands up to { $supported }).
config-error-too-new-hint = Update Pillarbox to use these settings.
config-error-overwrite = Not saving: { $path } could not be read, and saving would replace it.
config-error-overwrite-hint = Correct the file or move it aside first; Pillarbox never overwrites settings it could not read.
config-error-duplicate = The account { $account } is already set up.
config-error-duplicate-hint = Remove it first, or replace it (pillarbox account add --replace).
config-error-no-account = There is no account { $account }.
config-error-no-account-hint = “pillarbox account list” shows the accounts that are set up.
config-error-serialize = Could not write the settings: { $detail }

## Password and keyring errors (secret-)
secret-error-no-keyring = No keyring (Secret Service) is available on this computer to keep the password safely ({ $detail }).
secret-error-no-keyring-hint = Pillarbox never keeps passwords in plain files. Start a keyring (such as GNOME Keyring or KWallet), or use a password command that prints the password, for example --password-command "pass show email/bt".
secret-error-not-found = No password is saved for { $account }.
secret-error-not-found-hint = Enter the password again.
secret-error-denied = The keyring refused access to the password for { $account }: { $detail }
secret-error-denied-hint = Unlock your keyring, then try again.
secret-error-keyring = The keyring failed for { $account }: { $detail }
secret-error-keyring-hint = Check that your keyring is running and unlocked.
secret-error-command-spawn = The password command for { $account } could not be started: { $detail }
secret-error-command-failed = The password command for { $account } failed ({ $status }): { $stderr }
secret-error-command-timeout = The password command for { $account } did not finish within { $seconds } seconds.
secret-error-command-empty = The password command for { $account } printed no password.
secret-error-command-not-utf8 = The password command for { $account } printed text that is not UTF-8.
secret-error-command-hint = Run the command yourself in a terminal: it must print the password on its first line.

## Command line (cli-)
cli-error = Error: { $message }
cli-hint = Hint: { $hint }
cli-warning = Warning: { $message }
cli-no-home = No home folder could be found.
cli-no-home-hint = Set PILLARBOX_HOME to a folder for Pillarbox’s files.
cli-memory-keyring = Passwords are kept in memory only (PILLARBOX_KEYRING=memory) and will be forgotten when this command ends.
cli-invalid-email = “{ $email }” is not an email address.
cli-invalid-email-hint = Give the full address, for example ann@btinternet.com.
cli-invalid-endpoint = “{ $value }” is not a server name with an optional port (HOST or HOST:PORT).
cli-wrong-protocol-server = { $flag } does not apply to a { $protocol } account.
cli-wrong-protocol-server-hint = Use --imap for IMAP accounts and --pop for POP3 accounts, or choose the protocol with --protocol.
cli-ca-file-unreadable = The certificate file { $path } cannot be read: { $detail }
cli-password-missing = No password was given.
cli-password-missing-hint = Give it on standard input with --password-stdin, or name a command that prints it with --password-command.
cli-password-stdin-empty = Standard input held no password.
cli-password-stdin-failed = Could not read the password from standard input: { $detail }
cli-account-added = Added { $account } ({ $protocol }): incoming { $incoming }, outgoing { $outgoing }.
cli-account-replaced = Replaced { $account } ({ $protocol }): incoming { $incoming }, outgoing { $outgoing }.
cli-password-in-keyring = The password is in the system keyring.
cli-password-from-command = The password will come from the password command.
cli-provider-known = Settings for { $provider } from Pillarbox’s provider list.
cli-provider-guessed = { $domain } is not in Pillarbox’s provider list, so the server names are guesses: check them before use.
cli-no-accounts = No accounts are set up. Add one with: pillarbox account add --email ADDRESS
cli-account-line = { $account }  “{ $name }”  { $protocol }  in: { $incoming }  out: { $outgoing }
cli-account-removed = Removed { $account }. Its mail stays on this computer in { $path }
cli-account-password-deleted = Its password was deleted from the keyring.
cli-account-password-none = There was no password for it in the keyring.
cli-account-keyring-cleanup-failed = The account was removed, but its password could not be deleted from the keyring: { $message }
cli-paths-config = Settings file: { $path }
cli-paths-data = Data folder: { $path }
cli-paths-cache = Cache folder: { $path }
cli-paths-mail = Mail for { $account }: { $path }
cli-ui-unavailable = The Pillarbox window is not part of this build yet. Run “pillarbox --help” to see the commands.

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
send-cli-no-account = No account { $email } is set up. `pillarbox account list` shows the accounts.
send-cli-which-account = There are several accounts: say which with --account.
send-cli-busy = Another Pillarbox is sending this Outbox right now; it will send these messages.
