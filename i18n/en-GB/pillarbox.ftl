app-name = Pillarbox

## IMAP sync (sync-)
sync-error-network = Could not reach the mail server: { $detail }. Check your internet connection; Pillarbox will try again.
sync-error-login = { $server } refused the password for { $user }. Check the password; if your account uses two-step verification, create an app password and use that.
sync-error-timeout = { $server } stopped answering during { $step }. Pillarbox will try again; if this keeps happening, check your connection.
sync-error-lost = The connection to { $server } was lost during { $step }. Pillarbox will try again.
sync-error-disk = Mail could not be saved in { $path }: { $detail }. Check that the disk has free space and the folder can be written.
sync-error-other = Sync failed: { $detail }
sync-folder-line = { $folder }: { $total } messages, { $added } new, { $removed } removed, { $flags } flag changes
sync-folder-unchanged = { $folder }: { $total } messages, unchanged
sync-folder-added = New folder: { $folder }
sync-folder-removed = Folder removed: { $folder }
sync-folder-renamed = Folder renamed: { $from } → { $to }
sync-replayed = { $count } local changes sent to the server
sync-summary = Synced { $folders } folders: { $added } new messages, { $bytes } downloaded, in { $secs } s
sync-progress = { $folder }: { $done }/{ $total }
sync-not-imap = { $account } is a POP3 account; this command syncs IMAP accounts.
sync-no-account = No IMAP account is set up. Add one with “pillarbox account add”.
sync-unknown-account = There is no account { $account }.
sync-no-password = No password for { $account }: { $detail }
mailops-done = Done: { $message }
mailops-queued = Saved here; the server will be updated at the next sync ({ $detail }).
mailops-bad-flag = Unknown flag change “{ $flag }”: use +seen, -seen, +flagged or -flagged.
