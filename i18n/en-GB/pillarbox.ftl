app-name = Pillarbox

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
check-cli-hint = Hint: { $hint }
check-cli-all-passed = Every server passed: { $email } is ready to use.
check-cli-some-failed = { $count ->
    [one] One server failed the check.
   *[other] { $count } servers failed the check.
}
check-cli-no-account = There is no account { $email }. See the list with: pillarbox account list
