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

check-error-timeout = { $endpoint } did not answer within { $secs } seconds (step: { $step }).
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
