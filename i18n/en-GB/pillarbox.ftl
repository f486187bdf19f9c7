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
## Local mail store and the list/show/reindex commands (store-)
store-error-no-message = There is no message with id { $id }.
store-error-no-message-hint = “pillarbox list” shows each message’s id.
store-error-index = The message index { $path } could not be opened: { $detail }
store-error-index-sql = The message index failed: { $detail }
store-error-index-hint = Your messages are safe in their Maildir folders. Run “pillarbox reindex” to rebuild the index from them.
store-error-io = Could not read or write { $path }: { $detail }
store-error-io-hint = Check that the disk is not full and that you may write to this folder.
store-error = Error: { $message }
store-hint = Hint: { $hint }
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
store-page-info = Showing { $shown } of { $total } messages in { $folder } ({ $unread } unread).
store-folder-line = { $folder }: { $count ->
        [one] 1 message
       *[other] { $count } messages
    }, { $unread } unread
store-reindexed = Index of { $account } updated: { $folders ->
        [one] 1 folder
       *[other] { $folders } folders
    }; { $added } added, { $updated } changed, { $removed } removed, { $unchanged } unchanged.

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
mailbox-delete = Delete
mailbox-read-unread = Read/unread
mailbox-flag = Flag
mailbox-threads = Threads
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
mailbox-help-read = Mark read or unread
mailbox-help-flag = Flag or unflag
mailbox-help-next = Next message
mailbox-help-previous = Previous message
mailbox-help-search = Search
mailbox-help-sync = Check for new mail now
mailbox-help-help = Show or hide this help
mailbox-help-close = Close
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
reader-unreadable = The message could not be read.
reader-no-downloads = There is no Downloads or home folder to save into.
reader-unnamed = (unnamed)
reader-links = Links in this message go to:
reader-thread = { $count } messages in this conversation
composer-to = To
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
