app-name = Pillarbox

## POP3 download (pop-)
pop-error-network = Methu cyrraedd y gweinydd POP3: { $detail }
pop-error-timeout = Ni atebodd { $endpoint } o fewn { $secs } eiliad ({ $step }).
pop-error-auth = Ni dderbyniodd { $endpoint } y cyfeiriad e-bost a'r cyfrinair: { $reply }
pop-error-refused = Gwrthododd { $endpoint } { $step }: { $reply }
pop-error-protocol = Anfonodd { $endpoint } ateb nad oedd Pillarbox yn ei ddeall ({ $step }): { $detail }
pop-error-connection = Collwyd y cysylltiad â { $endpoint } ({ $step }): { $detail }
pop-error-starttls = { $endpoint }: nid yw POP3 gyda STARTTLS yn cael ei gefnogi.
pop-error-no-uidl-leave = Ni all { $endpoint } wahaniaethu rhwng ei negeseuon (dim UIDL), felly ni ellir gadael negeseuon ar y gweinydd.
pop-error-disk = Methu cadw post yn { $path }: { $detail }
pop-error-busy = Mae post { $account } eisoes yn cael ei lwytho i lawr.
pop-hint-auth = Gwiriwch eich cyfrinair. Mae angen cyfrinair ap ar gyfrifon BT Email sydd â dilysu dau gam.
pop-hint-retry = Ni ddilëwyd dim o'r gweinydd. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.
pop-hint-starttls = Dewiswch SSL/TLS ar borth 995 yng ngosodiadau'r cyfrif.
pop-hint-no-uidl-leave = Diffoddwch "Gadael negeseuon ar y gweinydd" ar gyfer y cyfrif hwn.
pop-hint-disk = Ni ddilëwyd dim o'r gweinydd. Rhyddhewch le ar y ddisg neu gwiriwch ganiatâd y ffolder, yna rhowch gynnig arall arni.
pop-hint-busy = Arhoswch i'r llwytho arall orffen.
pop-summary = { $account }: { $downloaded } wedi'u llwytho i lawr, { $deleted } wedi'u dileu o'r gweinydd, { $kept } wedi'u gadael ar y gweinydd.
pop-progress = Yn llwytho { $done } o { $total } i lawr
pop-no-uidl-note = Ni all y gweinydd hwn wahaniaethu rhwng ei negeseuon (dim UIDL): caiff pob neges ei llwytho i lawr, yna ei dileu o'r gweinydd.
