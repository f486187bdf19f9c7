app-name = Pillarbox

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
