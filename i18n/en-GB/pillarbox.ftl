app-name = Pillarbox

## POP3 download (pop-)
pop-error-network = Could not reach the POP3 server: { $detail }
pop-error-timeout = { $endpoint } did not answer within { $secs } seconds ({ $step }).
pop-error-auth = { $endpoint } did not accept the email address and password: { $reply }
pop-error-refused = { $endpoint } refused { $step }: { $reply }
pop-error-protocol = { $endpoint } sent a reply Pillarbox did not understand ({ $step }): { $detail }
pop-error-connection = The connection to { $endpoint } was lost ({ $step }): { $detail }
pop-error-starttls = { $endpoint }: POP3 with STARTTLS is not supported.
pop-error-no-uidl-leave = { $endpoint } cannot tell its messages apart (no UIDL), so messages cannot be left on the server.
pop-error-disk = Could not save mail to { $path }: { $detail }
pop-error-busy = Mail for { $account } is already being downloaded.
pop-hint-auth = Check your password. BT Email accounts with two-step verification need an app password.
pop-hint-retry = Nothing was deleted from the server. Check your internet connection and try again.
pop-hint-starttls = Choose SSL/TLS on port 995 in the account settings.
pop-hint-no-uidl-leave = Turn off "Leave messages on the server" for this account.
pop-hint-disk = Nothing was deleted from the server. Free some disk space or check the folder's permissions, then try again.
pop-hint-busy = Wait for the other download to finish.
pop-summary = { $account }: { $downloaded } downloaded, { $deleted } deleted from the server, { $kept } left on the server.
pop-progress = Downloading { $done } of { $total }
pop-no-uidl-note = This server cannot tell its messages apart (no UIDL): each message is downloaded, then deleted from the server.
