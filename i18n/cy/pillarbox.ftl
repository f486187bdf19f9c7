app-name = Pillarbox

## IMAP sync (sync-)
sync-error-network = Methu cyrraedd y gweinydd post: { $detail }. Gwiriwch eich cysylltiad â'r rhyngrwyd; bydd Pillarbox yn rhoi cynnig arall arni.
sync-error-login = Gwrthododd { $server } y cyfrinair ar gyfer { $user }. Gwiriwch y cyfrinair; os yw eich cyfrif yn defnyddio dilysu dau gam, crëwch gyfrinair ap a defnyddio hwnnw.
sync-error-timeout = Peidiodd { $server } ag ateb yn ystod { $step }. Bydd Pillarbox yn rhoi cynnig arall arni; os yw hyn yn digwydd o hyd, gwiriwch eich cysylltiad.
sync-error-lost = Collwyd y cysylltiad â { $server } yn ystod { $step }. Bydd Pillarbox yn rhoi cynnig arall arni.
sync-error-disk = Methu cadw post yn { $path }: { $detail }. Gwiriwch fod lle ar y ddisg a bod modd ysgrifennu i'r ffolder.
sync-error-other = Methodd y cysoni: { $detail }
sync-folder-line = { $folder }: { $total } neges, { $added } newydd, { $removed } wedi'u tynnu, { $flags } newid baner
sync-folder-unchanged = { $folder }: { $total } neges, dim newid
sync-folder-added = Ffolder newydd: { $folder }
sync-folder-removed = Ffolder wedi'i dynnu: { $folder }
sync-folder-renamed = Ffolder wedi'i ailenwi: { $from } → { $to }
sync-replayed = Anfonwyd { $count } newid lleol i'r gweinydd
sync-summary = Cysonwyd { $folders } ffolder: { $added } neges newydd, { $bytes } wedi'u llwytho i lawr, mewn { $secs } eiliad
sync-progress = { $folder }: { $done }/{ $total }
sync-not-imap = Cyfrif POP3 yw { $account }; mae'r gorchymyn hwn yn cysoni cyfrifon IMAP.
sync-no-account = Does dim cyfrif IMAP wedi'i osod. Ychwanegwch un gyda “pillarbox account add”.
sync-unknown-account = Does dim cyfrif { $account }.
sync-no-password = Dim cyfrinair ar gyfer { $account }: { $detail }
mailops-done = Wedi'i wneud: { $message }
mailops-queued = Wedi'i gadw yma; bydd y gweinydd yn cael ei ddiweddaru yn y cysoni nesaf ({ $detail }).
mailops-bad-flag = Newid baner anhysbys “{ $flag }”: defnyddiwch +seen, -seen, +flagged neu -flagged.
