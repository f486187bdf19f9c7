app-name = Pillarbox

## IMAP sync (sync-)
sync-error-network = Could not reach the mail server: { $detail }. Check your internet connection; Pillarbox will try again.
sync-error-login = { $server } refused the password for { $user }. Check the password; if your account uses two-step verification, create an app password and use that.
sync-error-timeout = { $server } stopped answering during { $step }. Pillarbox will try again; if this keeps happening, check your connection.
sync-error-lost = The connection to { $server } was lost during { $step }. Pillarbox will try again.
sync-error-disk = Mail could not be saved in { $path }: { $detail }. Check that the disk has free space and the folder can be written.
sync-error-other = Sync failed: { $detail }
sync-folder-line = { $folder }: { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }, { $added } new, { $removed } removed, { $flags ->
        [one] { $flags } flag change
       *[other] { $flags } flag changes
    }
sync-folder-unchanged = { $folder }: { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }, unchanged
sync-folder-added = New folder: { $folder }
sync-folder-removed = Folder removed: { $folder }
sync-folder-renamed = Folder renamed: { $from } → { $to }
sync-replayed = { $count ->
        [one] { $count } local change sent to the server
       *[other] { $count } local changes sent to the server
    }
sync-summary = Synced { $folders ->
        [one] { $folders } folder
       *[other] { $folders } folders
    }: { $added ->
        [one] { $added } new message
       *[other] { $added } new messages
    }, { $bytes } downloaded, in { $secs } s
sync-progress = { $folder }: { $done }/{ $total }
sync-not-imap = { $account } is a POP3 account; this command syncs IMAP accounts.
sync-no-any-account = No account is set up. Add one with “pillarbox account add”.
sync-no-account = No IMAP account is set up. Add one with “pillarbox account add”.
sync-unknown-account = There is no account { $account }.
mailops-done = Done: { $message }
mailops-queued = Saved here; the server will be updated at the next sync ({ $detail }).
mailops-bad-flag = Unknown flag change “{ $flag }”: use +seen, -seen, +flagged or -flagged.
## App shell (ui helper)
app-error-title = Pillarbox cannot start
app-error-home-hint = Set PILLARBOX_HOME to a folder where Pillarbox may keep its files, then start it again.
app-error-window = The window could not be opened: { $error }
app-error-config-hint = Your settings file was left exactly as it is. Fix the line shown, or move the file aside to start afresh, then open Pillarbox again.
app-home-title = Your email
app-home-add-account = Set up another account
app-home-protocol-imap = IMAP: your mail stays in sync with webmail and your other devices.
app-home-protocol-pop3 = POP3: mail is downloaded to this computer.
app-home-server = { $kind }: { $endpoint } ({ $security })
app-home-mail-folder = Mail is kept in { $path }

## Setup wizard (ui helper)
wizard-title = Set up your email
wizard-intro = Enter your address and password. Pillarbox finds the right servers and checks that everything works before saving.
wizard-email-label = Email address
wizard-email-placeholder = you@btinternet.com
wizard-password-label = Password
wizard-password-placeholder = Your email password
wizard-password-help = If your account uses two-step verification, use an app password.
wizard-name-label = Your name
wizard-name-placeholder = As recipients will see it
wizard-name-help = Shown to the people you write to.
wizard-error-email-empty = Enter your email address.
wizard-error-email-invalid = This does not look like an email address (for example, you@btinternet.com).
wizard-error-password-empty = Enter your password.
wizard-error-host-empty = Enter the server name.
wizard-error-port = Enter a port number between 1 and 65535.
wizard-guessed = We do not know this provider, so the server names are guesses. Check them in Advanced settings.
wizard-advanced-show = ▸ Advanced settings
wizard-advanced-hide = ▾ Advanced settings
wizard-protocol-label = How should mail come in?
wizard-protocol-imap = IMAP (recommended)
wizard-protocol-imap-why = Keeps webmail and all your devices in sync.
wizard-protocol-pop3 = POP3
wizard-protocol-pop3-why = Downloads mail to this computer and deletes it from the server.
wizard-incoming-imap = Incoming mail (IMAP)
wizard-incoming-pop3 = Incoming mail (POP3)
wizard-outgoing-smtp = Outgoing mail (SMTP)
wizard-host-label = Server
wizard-host-placeholder = mail.example.com
wizard-port-label = Port
wizard-security-label = Security
wizard-security-tls = SSL/TLS
wizard-security-starttls = STARTTLS
wizard-username-label = User name
wizard-ca-label = CA certificate file (optional)
wizard-ca-placeholder = /path/to/ca.pem
wizard-ca-help = Only for private servers whose certificate is signed by your own authority.
wizard-check-and-save = Check and save
wizard-checking = Checking your account…
wizard-cancel = Cancel
wizard-check-server = { $kind } — { $endpoint }
wizard-step-running = { $step }…
wizard-step-passed = { $step }: done
wizard-step-failed = { $step }: failed
wizard-check-failed = The check did not pass. You can correct the settings, or save anyway (for example, when you are offline).
wizard-check-failed-server = { $kind } — { $endpoint } failed
wizard-save-anyway = Save anyway
wizard-back-to-edit = Back to edit
wizard-saving = Saving…
wizard-saved = Saved.
wizard-password-command-label = Password command
wizard-password-command-placeholder = pass show email/btinternet
wizard-password-command-help = A command that prints your password, run each time Pillarbox needs it. Your password is never written to disk by Pillarbox.
wizard-save-with-command = Save with this command
wizard-close = Back to my accounts

## Settings file errors (config-)
config-error-io = Could not read or write { $path }: { $detail }
config-error-io-hint = Check that the folder exists and that you may write to it.
config-error-corrupt = The settings file { $path } is damaged (line { $line }): { $detail }
config-error-corrupt-hint = Pillarbox has not changed it. Correct that line, or move the file aside to start again with default settings.
config-error-too-new = The settings file { $path } was written by a newer Pillarbox (format { $found }; this one understands up to { $supported }).
config-error-too-new-hint = Update Pillarbox to use these settings.
config-error-overwrite = Not saving: { $path } could not be read, and saving would replace it.
config-error-overwrite-hint = Correct the file or move it aside first; Pillarbox never overwrites settings it could not read.
config-error-locked = The settings file { $path } is being changed by another Pillarbox window or command.
config-error-locked-hint = Try again in a moment. If no other Pillarbox is running, delete { $lock }.
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
secret-error-command-timeout = The password command for { $account } did not finish within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
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
## Command-line help (cli-about-<command>, cli-arg-<command>-<option>)
cli-help-usage = Usage:
cli-help-commands = Commands
cli-help-options = Options
cli-help-arguments = Arguments
cli-about = A fast, safe mail client for BT Email and any IMAP/POP3/SMTP provider. Run without a command to open the window.
cli-about-help = Print this message or the help of the given command
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = Language for messages, such as cy or en-GB (default: the settings, then the system’s)
cli-about-account = Add, list and remove accounts
cli-about-account-add = Set up an account: servers from the provider list, the password in the keyring
cli-arg-account-add-email = The account’s email address
cli-arg-account-add-name = Your name as recipients see it (default: from the address)
cli-arg-account-add-protocol = How mail comes in (default: IMAP, or POP3 when only --pop is given)
cli-arg-account-add-imap = IMAP server instead of the provider’s
cli-arg-account-add-pop = POP3 server instead of the provider’s
cli-arg-account-add-smtp = SMTP server instead of the provider’s
cli-arg-account-add-security = Connection security for every server of the account: tls (from the first byte) or starttls
cli-arg-account-add-ca_file = Extra trusted CA certificates (PEM), for a private server
cli-arg-account-add-password_stdin = Read the password from standard input (first line) and keep it in the system keyring
cli-arg-account-add-password_command = A command that prints the password, run each time it is needed (e.g. "pass show bt")
cli-arg-account-add-replace = Replace the account if the address is already set up
cli-about-account-list = List the accounts that are set up
cli-about-account-remove = Remove an account and its saved password (its mail stays on disk)
cli-arg-account-remove-email = The address of the account to remove
cli-about-account-check = Check that an account's servers can be reached and accept the password, step by step
cli-arg-account-check-address = The address of the account to check
cli-arg-account-check-timeout = Seconds to wait for each step (default: 10 to look up, 15 to connect, 30 per command)
cli-about-paths = Show where Pillarbox keeps its settings and mail

## Main window (mailbox-, reader-, composer-, status-)
cli-arg-demo = Open the window on N made-up messages (default 300) in a temporary folder, with no network
mailbox-title-unread = Pillarbox – { $count ->
        [one] 1 unread message
       *[other] { $count } unread messages
    }
mailbox-window-failed = The window could not open: { $error }
mailbox-demo-failed = The demo mailbox could not be made: { $error }
mailbox-new = New
mailbox-add-account = Add account
mailbox-delete = Delete
mailbox-read-unread = Read/unread
mailbox-flag = Flag
mailbox-archive = Archive
mailbox-move-to = Move to…
mailbox-moved = { $count ->
        [one] Moved 1 message to { $folder }.
       *[other] Moved { $count } messages to { $folder }.
    }
mailbox-threads = Threads
# How many messages a thread row of the list stands for.
mailbox-thread-count = { $count }
mailbox-sort-date = Date
mailbox-sort-sender = Sender
mailbox-sort-subject = Subject
mailbox-empty = No messages here.
mailbox-no-subject = (no subject)
mailbox-search-placeholder = Search all mail (press /)
mailbox-search-clear = Clear
mailbox-deleted = { $count ->
        [one] 1 message moved to Trash.
       *[other] { $count } messages moved to Trash.
    }
mailbox-folder-inbox = Inbox
mailbox-all-inboxes = All Inboxes
mailbox-folder-drafts = Drafts
mailbox-folder-sent = Sent
mailbox-folder-archive = Archive
mailbox-folder-junk = Junk
mailbox-folder-trash = Trash
mailbox-help-title = Keyboard shortcuts
mailbox-help-new = Write a new message
mailbox-help-reply = Reply
mailbox-help-reply-all = Reply to all
mailbox-help-forward = Forward
mailbox-help-delete = Move to Trash
mailbox-help-archive = Move to the Archive
mailbox-help-read = Mark read or unread
mailbox-help-flag = Flag or unflag
mailbox-help-next = Next message
mailbox-help-previous = Previous message
mailbox-help-search = Search
mailbox-help-sync = Check for new mail now
mailbox-help-help = Show or hide this help
layout-save-failed = Could not remember the pane sizes: { $error }
mailbox-help-close = Close

## Keyboard: the shortcut table (help overlay, tooltips) and the folder picker
keys-move-to = Move to a folder…
keys-select-all = Select every message
keys-open-attachment = Open the first attachment
keys-next-folder = Next folder
keys-previous-folder = Previous folder
keys-inbox = Go to the Inbox (All Inboxes)
keys-go-to-folder = Go to a folder…
keys-settings = Settings
keys-narrow-list = Narrow the message list
keys-widen-list = Widen the message list
keys-close = Close the help, a picker or the settings
keys-send = Send
keys-save-draft = Save as a draft
keys-attach = Attach files…
keys-close-composer = Close the message (asks when unsaved)
keys-group-messages = Messages
keys-group-navigation = Navigation
keys-group-composer = Writing a message
keys-group-view = Text size
keys-zoom-in = Larger text
keys-zoom-out = Smaller text
keys-zoom-reset = Text size of the system
keys-ctrl = Ctrl
keys-shift = Shift
keys-delete = Del
keys-enter = Enter
keys-escape = Esc
keys-tooltip = { $action } ({ $keys })
keys-picker-placeholder = Type to filter folders
keys-picker-none = No folder matches
keys-picker-hint = ↑ ↓ to choose, Enter to pick, Esc to close
keys-picker-in = { $folder } — { $account }
reader-nothing = Select a message to read it.
reader-missing = This message is no longer in the local store.
reader-reply = Reply
reader-reply-all = Reply all
reader-forward = Forward
reader-from = From
reader-to = To
reader-cc = Cc
reader-date = Date
reader-attachments = Attachments
reader-save = Save
reader-saved = Saved as { $path }
reader-save-failed = Could not save the attachment: { $error }
reader-save-as = Save as…
reader-save-as-title = Save the attachment
reader-saved-no-dialog = No file dialog is available here, so it was saved in your Downloads folder as { $path }
reader-open = Open
reader-opened = Opened a copy from { $path }
reader-open-failed = Could not open the attachment: { $error }
reader-open-risky = This attachment could run a program, so it is not opened. Save it and open it yourself if you trust the sender.
notify-one = { $sender } — { $subject }
notify-many = { $count ->
        [one] 1 new message
       *[other] { $count } new messages
    }
notify-latest = The latest is from { $sender }.
notify-account = To { $account }
reader-unreadable = The message could not be read.
reader-no-downloads = There is no Downloads or home folder to save into.
reader-unnamed = (unnamed)
reader-links = Links in this message go to:
reader-thread = { $count ->
        [one] { $count } message in this conversation
       *[other] { $count } messages in this conversation
    }
composer-to = To
composer-from = From
composer-cc = Cc
composer-bcc = Bcc
composer-subject = Subject
composer-send = Send
composer-save-draft = Save draft
composer-close = Close
composer-discard = Discard
composer-keep-editing = Keep editing
composer-unsaved = This message has unsaved changes.
composer-attach = Attach
composer-attach-placeholder = Path of a file to attach
composer-no-such-file = There is no file at “{ $path }”.
composer-attach-failed = Could not read { $path }: { $error }
composer-browse = Attach…
composer-attach-title = Choose files to attach
composer-no-dialog = No file dialog is available here: type the file’s path or drop the file on the window.
composer-remove = Remove
composer-drop-hint = You can also drop files on this window to attach them.
composer-no-recipients = Add at least one recipient.
composer-bad-address = “{ $address }” is not an email address.
composer-quote-intro = On { $date }, { $sender } wrote:
composer-forward-header = ---------- Forwarded message ----------
composer-draft-saved = Draft saved.
composer-queued = Message is in the outbox.
status-offline = offline
status-online = online
status-syncing = syncing { $done } of { $total }
status-error = error: { $message }
status-retry = Retry
status-no-engine = mail sync is not available in this build
status-no-engine-hint = Your local mail is all here; new mail will arrive once sync is installed.
mailbox-settings = Settings
settings-title = Settings
settings-display-name = Your name
settings-interval = Check for mail every (minutes)
settings-leave-on-server = Leave a copy of messages on the server (POP3)
settings-theme = Theme
settings-theme-system = Like the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-language = Language
settings-language-system = Like the system
settings-text-size = Text size
settings-text-size-system = Like the system ({ $percent } %)
settings-text-size-percent = { $percent } %
settings-notifications = Show a notification when new mail arrives
settings-save = Save
settings-close = Close
settings-saved = Settings saved.
settings-accounts = Accounts
settings-editing = Settings for { $account }
settings-account-edit = Edit
settings-account-remove = Remove
settings-remove-confirm = Remove { $account } from Pillarbox? Its saved password is deleted too.
settings-remove-kept = The downloaded mail stays on this computer in { $path } unless you tick the box below.
settings-remove-delete-mail = Also delete the downloaded mail
settings-remove-yes = Remove the account
settings-remove-no = Keep it
settings-removed-kept = { $account } was removed. Its downloaded mail is still in { $path }.
settings-removed-deleted = { $account } and its downloaded mail were removed.
settings-remove-files-failed = Could not delete { $path }: { $error }
settings-bad-interval = The check interval must be a number of minutes from 1 to 1440.
settings-no-home = There is no settings folder to save into.
## Connection check (wizard and `pillarbox account check`) and network errors with hints

check-step-resolve = Looking up the server
check-step-connect = Connecting
check-step-tls = Secure connection and certificate
check-step-greeting = Server greeting
check-step-starttls = Switching to encryption (STARTTLS)
check-step-authenticate = Logging in
check-step-connection = Connection

check-server-imap = Incoming mail (IMAP)
check-server-pop3 = Incoming mail (POP3)
check-server-smtp = Outgoing mail (SMTP)

check-security-tls = SSL/TLS
check-security-starttls = STARTTLS

check-outcome-passed = passed
check-outcome-failed = failed
check-outcome-skipped = not run

check-error-resolve = The server name { $host } could not be found (step: { $step }).
check-hint-resolve = Check the server name for typing mistakes, and check that this computer is connected to the internet.

check-error-refused = { $endpoint } refused the connection (step: { $step }).
check-hint-refused = Check the server name and the port number. A firewall or security program may also be blocking the connection.

check-error-connect = Could not connect to { $endpoint } (step: { $step }): { $detail }
check-hint-connect = Check that this computer is connected to the internet, then check the server name and the port number. A firewall may be blocking the connection.

check-error-timeout = { $endpoint } did not answer within { $secs ->
        [one] { $secs } second
       *[other] { $secs } seconds
    } (step: { $step }).
check-hint-timeout = Check the server name and the port number, and that no firewall is blocking the connection. If your internet connection is slow, try again.
check-hint-timeout-greeting = The server accepted the connection but said nothing. Check that the port belongs to this kind of server and that the security setting matches it: SSL/TLS for ports 993, 995 and 465, STARTTLS for ports 143, 110 and 587.

check-error-cert-untrusted = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }” was issued by an authority that is not trusted.
check-hint-cert-untrusted = If this is a private server, add its CA certificate file in the advanced settings. Otherwise someone may be intercepting the connection: do not continue on this network.
check-error-cert-name = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }” is valid only for { $names }, not for { $host }.
check-hint-cert-name = Use a server name that the certificate is valid for, such as { $first }.
check-hint-cert-name-none = The certificate names no server. Check the server name, or contact your provider.
check-error-cert-expired = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }” has expired.
check-error-cert-not-yet-valid = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }” is not valid yet.
check-hint-cert-dates = Check that this computer's date and time are correct. If they are, the server's certificate needs renewing: contact your provider.
check-error-cert-revoked = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }” has been revoked.
check-hint-cert-revoked = Do not continue: contact your provider.
check-error-cert-other = The certificate of { $endpoint } was refused (step: { $step }): “{ $subject }”: { $detail }
check-hint-cert-other = Check the server name, or contact your provider.

check-error-handshake = The secure connection to { $endpoint } failed (step: { $step }): { $detail }
check-hint-handshake = Check that the security setting matches the port: SSL/TLS for ports 993, 995 and 465, STARTTLS for ports 143, 110 and 587.

check-hint-handshake-plain = The server answered without encryption, so this port probably uses STARTTLS. Choose STARTTLS security, or the server's SSL/TLS port (993 for IMAP, 995 for POP3, 465 for SMTP).
check-error-no-starttls = { $endpoint } does not offer STARTTLS, so Pillarbox will not send your password over an unencrypted connection (step: { $step }).
check-hint-no-starttls = Choose SSL/TLS security with the server's SSL/TLS port (993 for IMAP, 995 for POP3, 465 for SMTP), or ask your provider which settings to use.

check-error-protocol = { $endpoint } gave an unexpected answer (step: { $step }): { $detail }
check-hint-protocol = Check that the port belongs to the right kind of server (IMAP, POP3 or SMTP) and that the security setting is right.

check-error-io = The connection to { $endpoint } was lost (step: { $step }): { $detail }
check-hint-io = Check your internet connection and try again. If this happens every time, check the port and the security setting.

check-error-ca-file = The CA certificate file { $path } could not be used: { $detail }
check-hint-ca-file = In the advanced settings, choose a PEM file that holds the server's CA certificate, or clear the field.

check-error-auth = { $endpoint } refused the user name or password (step: { $step }). The server said: { $detail }
check-hint-auth = Check the password (is Caps Lock on?) and that the user name is your full email address. BT accounts with two-step verification need an app password for mail programs: create one in your BT account's security settings and use it here instead of your usual password.

check-error-no-auth-mechanism = { $endpoint } offers no way to log in that Pillarbox supports (step: { $step }; the server offers: { $offered }).
check-hint-no-auth-mechanism = Try the other login method in the advanced settings. Some servers only allow logging in on their SSL/TLS port, or after STARTTLS.

check-cli-checking = Checking { $email }…
check-cli-server = { $server }: { $endpoint } ({ $security })
check-cli-step = { $mark } { $step }: { $outcome } ({ $ms } ms)
check-cli-step-skipped = { $mark } { $step }: { $outcome }
check-cli-all-passed = Every server passed: { $email } is ready to use.
check-cli-some-failed = { $count ->
    [one] One server failed the check.
   *[other] { $count } servers failed the check.
}
check-cli-no-account = There is no account { $email }. See the list with: pillarbox account list
## POP3 download (pop-)
pop-error-network = Could not reach the POP3 server: { $detail }
pop-error-timeout = { $endpoint } did not answer within { $secs ->
        [one] { $secs } second
       *[other] { $secs } seconds
    } ({ $step }).
pop-error-auth = { $endpoint } did not accept the email address and password: { $reply }
pop-error-refused = { $endpoint } refused { $step }: { $reply }
pop-error-protocol = { $endpoint } sent a reply Pillarbox did not understand ({ $step }): { $detail }
pop-error-connection = The connection to { $endpoint } was lost ({ $step }): { $detail }
pop-error-no-uidl-leave = { $endpoint } cannot tell its messages apart (no UIDL), so messages cannot be left on the server.
pop-error-disk = Could not save mail to { $path }: { $detail }
pop-error-busy = Mail for { $account } is already being downloaded.
pop-hint-auth = Check your password. BT Email accounts with two-step verification need an app password.
pop-hint-retry = Nothing was deleted from the server. Check your internet connection and try again.
pop-hint-no-uidl-leave = Turn off "Leave messages on the server" for this account.
pop-hint-disk = Nothing was deleted from the server. Free some disk space or check the folder's permissions, then try again.
pop-hint-busy = Wait for the other download to finish.
pop-summary = { $account }: { $downloaded } downloaded, { $deleted } deleted from the server, { $kept } left on the server.
pop-progress = Downloading { $done } of { $total }
pop-no-uidl-note = This server cannot tell its messages apart (no UIDL): each message is downloaded, then deleted from the server.
pop-no-password = No password on standard input.

## Local mail store and the list/show/reindex commands (store-)
store-error-no-message = There is no message with id { $id }.
store-error-no-message-hint = “pillarbox list” shows each message’s id.
store-error-index = The message index { $path } could not be opened: { $detail }
store-error-index-sql = The message index failed: { $detail }
store-error-index-hint = Your messages are safe in their Maildir folders. Run “pillarbox reindex” to rebuild the index from them.
store-error-io = Could not read or write { $path }: { $detail }
store-error-io-hint = Check that the disk is not full and that you may write to this folder.
store-no-accounts = There is no local mail yet.
store-no-accounts-hint = Add an account and check for mail first, or name the account with --account.
store-many-accounts = Several accounts have local mail: { $accounts }
store-many-accounts-hint = Choose one with --account ADDRESS.
store-no-such-account = There is no local mail for { $account }.
store-no-such-account-hint = Check the address, or check for mail first. Accounts with local mail: { $accounts }
store-empty-folder = No messages in { $folder }.
store-no-results = Nothing matches “{ $query }”.
store-col-id = ID
store-col-date = Date
store-col-flags = Flags
store-col-from = From
store-col-subject = Subject
store-no-subject = (no subject)
store-label-from = From
store-label-to = To
store-label-cc = Cc
store-label-date = Date
store-label-subject = Subject
store-label-folder = Folder
store-label-attachments = Has attachments
store-page-info = Showing { $shown } of { $total ->
        [one] { $total } message
       *[other] { $total } messages
    } in { $folder } ({ $unread } unread).
store-folder-line = { $folder }: { $count ->
        [one] 1 message
       *[other] { $count } messages
    }, { $unread } unread
store-reindexed = Index of { $account } updated: { $folders ->
        [one] 1 folder
       *[other] { $folders } folders
    }; { $added } added, { $updated } changed, { $removed } removed, { $unchanged } unchanged.
cli-about-list = List the messages of a folder, search them, or list the folders
cli-arg-list-account = The account’s address; needed only when several accounts have local mail
cli-arg-list-folder = The folder to list, such as INBOX, Sent or Archive/2024
cli-arg-list-limit = How many messages to show
cli-arg-list-offset = How many messages to skip first (for paging)
cli-arg-list-sort = What to sort by
cli-arg-list-reverse = Reverse the order (normally newest first by date, A to Z by sender or subject)
cli-arg-list-search = Only messages matching these words (word beginnings; from:, to:, subject: and body: narrow a word to one field), newest first
cli-arg-list-all_folders = With --search: look in every folder, not only --folder
cli-arg-list-folders = List the folders with their message counts instead of messages
cli-arg-list-json = Print JSON for scripts
cli-about-show = Show one message: its headers and text, or with --raw its exact bytes
cli-arg-show-id = The message’s id, as “pillarbox list” shows it
cli-arg-show-account = The account’s address; needed only when several accounts have local mail
cli-arg-show-raw = Print the stored message exactly as received, byte for byte
cli-about-reindex = Bring the message index in line with the Maildir folders on disk
cli-arg-reindex-account = Only this account (default: every account with local mail)

## Command-line help (cli-about-<command>, cli-arg-<command>-<option>)
## POP3 download (pop-)

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
send-cli-retried = { $count ->
        [one] { $count } message put back in the queue.
       *[other] { $count } messages put back in the queue.
    }
send-cli-read-failed = { $path } could not be read: { $detail }
send-cli-no-account = No account { $email } is set up. `pillarbox account list` shows the accounts.
send-cli-which-account = There are several accounts: say which with --account.
send-cli-busy = Another Pillarbox is sending this Outbox right now; it will send these messages.
cli-about-send = Write a message and send it (through the Outbox)
cli-arg-send-account = The account to send from (its email address); the only account when omitted
cli-arg-send-to = A recipient ("Name <a@b>" or a@b); repeat for more
cli-arg-send-cc = A copy recipient; repeat for more
cli-arg-send-bcc = A hidden copy recipient (never shown to the others); repeat for more
cli-arg-send-subject = The subject
cli-arg-send-body = The text of the message (or use --body-file)
cli-arg-send-body_file = A file holding the text of the message
cli-arg-send-html_file = A file holding an HTML version of the text
cli-arg-send-attach = A file to attach; repeat for more
cli-arg-send-queue_only = Only put the message in the Outbox; a later `outbox flush` sends it
cli-about-outbox = Show the Outbox, send what is waiting in it, or retry failed messages
cli-arg-outbox-account = The account whose Outbox to use (its email address)
cli-about-outbox-flush = Send everything that is due, over one connection
cli-arg-outbox-flush-now = Also send messages waiting for their retry time
cli-about-outbox-retry = Put failed messages back in the queue

## Main window worker (wire)
wire-sent = { $count ->
    [one] 1 message sent
   *[other] { $count } messages sent
}
wire-send-failed = Sending failed: { $detail }
wire-queue-failed = The message could not be put in the outbox: { $detail }
wire-error-internal = Something went wrong in the background: { $detail }
wire-hint-retry = Pillarbox will try again; press Retry to try now.
wire-hint-settings = Check the account's settings and password, then press Retry.
## Command-line help for fetching and changing mail
cli-arg-outbox-flush-account = The account whose Outbox to send (its email address); every account when omitted
cli-arg-outbox-retry-account = The account whose failed messages to try again (its email address)
cli-about-sync = Fetch new mail: sync IMAP accounts into the local cache, download POP3 accounts
cli-arg-sync-account = Fetch only for this account (its email address)
cli-arg-sync-folder = Sync only this folder (IMAP accounts)
cli-about-flag = Mark a message read or unread, flagged or not (changes such as +seen -seen +flagged -flagged)
cli-arg-flag-id = The message, as FOLDER:UID (see “pillarbox list”)
cli-arg-flag-changes = The changes: +seen, -seen, +flagged, -flagged
cli-arg-flag-account = The account the message belongs to (its email address)
cli-about-move = Move a message to another folder
cli-arg-move-id = The message, as FOLDER:UID (see “pillarbox list”)
cli-arg-move-folder = The folder to move it to
cli-arg-move-account = The account the message belongs to (its email address)
cli-about-delete = Delete a message (into the Trash, or for good when it is already there)
cli-arg-delete-id = The message, as FOLDER:UID (see “pillarbox list”)
cli-arg-delete-account = The account the message belongs to (its email address)
cli-not-mailto = “{ $link }” is not a mailto: link, a message file or a command. Run “pillarbox --help” for the commands.
cli-about-open = Open a saved message (an .eml file) in a window, read-only
cli-arg-open-file = The message file
eml-error-read = Could not read the message file { $file }: { $detail }
eml-error-empty = The message file { $file } is empty.
eml-error-too-large = The file { $file } is too large to be an email message.
eml-error-not-message = The file { $file } is not an email message (it has no mail headers such as From, Date or Subject).
viewer-title = { $subject } – Pillarbox

## Sizes and dates (format-): see src/i18n/format.rs
format-decimal-separator = .
format-size-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
format-size-kb = { $size } kB
format-size-mb = { $size } MB
format-size-gb = { $size } GB
format-size-tb = { $size } TB
format-month = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
format-time = { $hours }:{ $minutes }
format-date-yesterday = Yesterday
format-date-day-month = { $day } { $month }
format-date-year = { $day } { $month } { $year }
format-date-time = { $date }, { $time }

## Logging (log-)
log-file-error = Cannot write the log file in { $path }: { $detail }. Pillarbox carries on without it.
