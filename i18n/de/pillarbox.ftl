app-name = Pillarbox

## App shell (ui helper)
app-error-title = Pillarbox kann nicht starten
app-error-home-hint = Setzen Sie PILLARBOX_HOME auf einen Ordner, in dem Pillarbox seine Dateien ablegen darf, und starten Sie Pillarbox dann erneut.
app-error-window = Das Fenster konnte nicht geöffnet werden: { $error }
app-error-config-hint = Ihre Einstellungsdatei wurde unverändert gelassen. Korrigieren Sie die angezeigte Zeile oder legen Sie die Datei beiseite, um neu zu beginnen, und öffnen Sie Pillarbox dann erneut.
app-home-title = Ihre E-Mail
app-home-add-account = Weiteres Konto einrichten
app-home-protocol-imap = IMAP: Ihre E-Mails bleiben mit Webmail und Ihren anderen Geräten abgeglichen.
app-home-protocol-pop3 = POP3: E-Mails werden auf diesen Computer heruntergeladen.
app-home-server = { $kind }: { $endpoint } ({ $security })
app-home-mail-folder = E-Mails werden in { $path } gespeichert

## Setup wizard (ui helper)
wizard-title = E-Mail einrichten
wizard-intro = Geben Sie Ihre Adresse und Ihr Passwort ein. Pillarbox findet die richtigen Server und prüft vor dem Speichern, ob alles funktioniert.
wizard-email-label = E-Mail-Adresse
wizard-email-placeholder = sie@btinternet.com
wizard-password-label = Passwort
wizard-password-placeholder = Ihr E-Mail-Passwort
wizard-password-help = Wenn Ihr Konto die Bestätigung in zwei Schritten nutzt, verwenden Sie ein App-Passwort.
wizard-name-label = Ihr Name
wizard-name-placeholder = So, wie Empfänger ihn sehen
wizard-name-help = Wird den Personen angezeigt, denen Sie schreiben.
wizard-error-email-empty = Geben Sie Ihre E-Mail-Adresse ein.
wizard-error-email-invalid = Das sieht nicht wie eine E-Mail-Adresse aus (zum Beispiel sie@btinternet.com).
wizard-error-password-empty = Geben Sie Ihr Passwort ein.
wizard-error-host-empty = Geben Sie den Servernamen ein.
wizard-error-port = Geben Sie eine Portnummer zwischen 1 und 65535 ein.
wizard-guessed = Diesen Anbieter kennen wir nicht, daher sind die Servernamen geschätzt. Prüfen Sie sie in den erweiterten Einstellungen.
wizard-advanced-show = ▸ Erweiterte Einstellungen
wizard-advanced-hide = ▾ Erweiterte Einstellungen
wizard-protocol-label = Wie sollen E-Mails abgerufen werden?
wizard-protocol-imap = IMAP (empfohlen)
wizard-protocol-imap-why = Hält Webmail und alle Ihre Geräte auf demselben Stand.
wizard-protocol-pop3 = POP3
wizard-protocol-pop3-why = Lädt E-Mails auf diesen Computer herunter und löscht sie vom Server.
wizard-incoming-imap = Posteingang (IMAP)
wizard-incoming-pop3 = Posteingang (POP3)
wizard-outgoing-smtp = Postausgang (SMTP)
wizard-host-label = Server
wizard-host-placeholder = mail.example.com
wizard-port-label = Port
wizard-security-label = Sicherheit
wizard-security-tls = SSL/TLS
wizard-security-starttls = STARTTLS
wizard-username-label = Benutzername
wizard-ca-label = CA-Zertifikatsdatei (optional)
wizard-ca-placeholder = /pfad/zu/ca.pem
wizard-ca-help = Nur für private Server, deren Zertifikat von Ihrer eigenen Zertifizierungsstelle signiert ist.
wizard-check-and-save = Prüfen und speichern
wizard-checking = Ihr Konto wird geprüft …
wizard-cancel = Abbrechen
wizard-check-server = { $kind } – { $endpoint }
wizard-step-running = { $step } …
wizard-step-passed = { $step }: erledigt
wizard-step-failed = { $step }: fehlgeschlagen
wizard-check-failed = Die Prüfung war nicht erfolgreich. Sie können die Einstellungen korrigieren oder trotzdem speichern (zum Beispiel, wenn Sie offline sind).
wizard-check-failed-server = { $kind } – { $endpoint } fehlgeschlagen
wizard-save-anyway = Trotzdem speichern
wizard-back-to-edit = Zurück zum Bearbeiten
wizard-saving = Wird gespeichert …
wizard-saved = Gespeichert.
wizard-password-command-label = Passwort-Befehl
wizard-password-command-placeholder = pass show email/btinternet
wizard-password-command-help = Ein Befehl, der Ihr Passwort ausgibt und jedes Mal ausgeführt wird, wenn Pillarbox es braucht. Pillarbox schreibt Ihr Passwort nie auf die Festplatte.
wizard-save-with-command = Mit diesem Befehl speichern
wizard-close = Zurück zu meinen Konten

## Settings file errors (config-)
config-error-io = { $path } konnte nicht gelesen oder geschrieben werden: { $detail }
config-error-io-hint = Prüfen Sie, ob der Ordner existiert und ob Sie darin schreiben dürfen.
config-error-corrupt = Die Einstellungsdatei { $path } ist beschädigt (Zeile { $line }): { $detail }
config-error-corrupt-hint = Pillarbox hat sie nicht verändert. Korrigieren Sie diese Zeile oder legen Sie die Datei beiseite, um mit den Standardeinstellungen neu zu beginnen.
config-error-too-new = Die Einstellungsdatei { $path } wurde von einer neueren Pillarbox-Version geschrieben (Format { $found }; diese Version versteht bis Format { $supported }).
config-error-too-new-hint = Aktualisieren Sie Pillarbox, um diese Einstellungen zu verwenden.
config-error-overwrite = Nicht gespeichert: { $path } konnte nicht gelesen werden, und Speichern würde die Datei ersetzen.
config-error-overwrite-hint = Korrigieren Sie die Datei oder legen Sie sie zuerst beiseite; Pillarbox überschreibt niemals Einstellungen, die es nicht lesen konnte.
config-error-locked = Die Einstellungsdatei { $path } wird gerade von einem anderen Pillarbox-Fenster oder -Befehl geändert.
config-error-locked-hint = Versuchen Sie es gleich noch einmal. Wenn kein anderes Pillarbox läuft, löschen Sie { $lock }.
config-error-duplicate = Das Konto { $account } ist bereits eingerichtet.
config-error-duplicate-hint = Entfernen Sie es zuerst oder ersetzen Sie es (pillarbox account add --replace).
config-error-no-account = Es gibt kein Konto { $account }.
config-error-no-account-hint = „pillarbox account list“ zeigt die eingerichteten Konten.
config-error-serialize = Die Einstellungen konnten nicht geschrieben werden: { $detail }

## Password and keyring errors (secret-)
secret-error-no-keyring = Auf diesem Computer ist kein Schlüsselbund (Secret Service) verfügbar, um das Passwort sicher aufzubewahren ({ $detail }).
secret-error-no-keyring-hint = Pillarbox speichert Passwörter nie in unverschlüsselten Dateien. Starten Sie einen Schlüsselbund (etwa GNOME Keyring oder KWallet) oder verwenden Sie einen Befehl, der das Passwort ausgibt, zum Beispiel --password-command "pass show email/bt".
secret-error-not-found = Für { $account } ist kein Passwort gespeichert.
secret-error-not-found-hint = Geben Sie das Passwort erneut ein.
secret-error-denied = Der Schlüsselbund hat den Zugriff auf das Passwort für { $account } verweigert: { $detail }
secret-error-denied-hint = Entsperren Sie Ihren Schlüsselbund und versuchen Sie es dann erneut.
secret-error-keyring = Der Schlüsselbund ist für { $account } fehlgeschlagen: { $detail }
secret-error-keyring-hint = Prüfen Sie, ob Ihr Schlüsselbund läuft und entsperrt ist.
secret-error-command-spawn = Der Passwort-Befehl für { $account } konnte nicht gestartet werden: { $detail }
secret-error-command-failed = Der Passwort-Befehl für { $account } ist fehlgeschlagen ({ $status }): { $stderr }
secret-error-command-timeout = Der Passwort-Befehl für { $account } wurde nicht innerhalb von { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } beendet.
secret-error-command-empty = Der Passwort-Befehl für { $account } hat kein Passwort ausgegeben.
secret-error-command-not-utf8 = Der Passwort-Befehl für { $account } hat Text ausgegeben, der kein UTF-8 ist.
secret-error-command-hint = Führen Sie den Befehl selbst in einem Terminal aus: Er muss das Passwort in seiner ersten Zeile ausgeben.

## Command line (cli-)
cli-error = Fehler: { $message }
cli-hint = Tipp: { $hint }
cli-warning = Warnung: { $message }
cli-no-home = Es wurde kein Benutzerordner gefunden.
cli-no-home-hint = Setzen Sie PILLARBOX_HOME auf einen Ordner für die Dateien von Pillarbox.
cli-memory-keyring = Passwörter werden nur im Arbeitsspeicher gehalten (PILLARBOX_KEYRING=memory) und nach Ende dieses Befehls vergessen.
cli-invalid-email = „{ $email }“ ist keine E-Mail-Adresse.
cli-invalid-email-hint = Geben Sie die vollständige Adresse an, zum Beispiel ann@btinternet.com.
cli-invalid-endpoint = „{ $value }“ ist kein Servername mit optionalem Port (HOST oder HOST:PORT).
cli-wrong-protocol-server = { $flag } gilt nicht für ein { $protocol }-Konto.
cli-wrong-protocol-server-hint = Verwenden Sie --imap für IMAP-Konten und --pop für POP3-Konten, oder wählen Sie das Protokoll mit --protocol.
cli-ca-file-unreadable = Die Zertifikatsdatei { $path } kann nicht gelesen werden: { $detail }
cli-password-missing = Es wurde kein Passwort angegeben.
cli-password-missing-hint = Übergeben Sie es mit --password-stdin über die Standardeingabe, oder nennen Sie mit --password-command einen Befehl, der es ausgibt.
cli-password-stdin-empty = Die Standardeingabe enthielt kein Passwort.
cli-password-stdin-failed = Das Passwort konnte nicht von der Standardeingabe gelesen werden: { $detail }
cli-account-added = { $account } hinzugefügt ({ $protocol }): eingehend { $incoming }, ausgehend { $outgoing }.
cli-account-replaced = { $account } ersetzt ({ $protocol }): eingehend { $incoming }, ausgehend { $outgoing }.
cli-password-in-keyring = Das Passwort liegt im Schlüsselbund des Systems.
cli-password-from-command = Das Passwort wird vom Passwort-Befehl geliefert.
cli-provider-known = Einstellungen für { $provider } aus der Anbieterliste von Pillarbox.
cli-provider-guessed = { $domain } steht nicht in der Anbieterliste von Pillarbox, daher sind die Servernamen geschätzt: Prüfen Sie sie vor der Verwendung.
cli-no-accounts = Es sind keine Konten eingerichtet. Fügen Sie eines hinzu mit: pillarbox account add --email ADRESSE
cli-account-line = { $account }  „{ $name }“  { $protocol }  ein: { $incoming }  aus: { $outgoing }
cli-account-removed = { $account } entfernt. Die E-Mails des Kontos bleiben auf diesem Computer in { $path }
cli-account-password-deleted = Das Passwort wurde aus dem Schlüsselbund gelöscht.
cli-account-password-none = Im Schlüsselbund war kein Passwort für dieses Konto gespeichert.
cli-account-keyring-cleanup-failed = Das Konto wurde entfernt, aber sein Passwort konnte nicht aus dem Schlüsselbund gelöscht werden: { $message }
cli-paths-config = Einstellungsdatei: { $path }
cli-paths-data = Datenordner: { $path }
cli-paths-cache = Cache-Ordner: { $path }
cli-paths-mail = E-Mails von { $account }: { $path }
## Local mail store and the list/show/reindex commands (store-)
store-error-no-message = Es gibt keine Nachricht mit der ID { $id }.
store-error-no-message-hint = „pillarbox list“ zeigt die ID jeder Nachricht.
store-error-index = Der Nachrichtenindex { $path } konnte nicht geöffnet werden: { $detail }
store-error-index-sql = Der Nachrichtenindex ist fehlgeschlagen: { $detail }
store-error-index-hint = Ihre Nachrichten sind in ihren Maildir-Ordnern sicher. Führen Sie „pillarbox reindex“ aus, um den Index daraus neu aufzubauen.
store-error-io = { $path } konnte nicht gelesen oder geschrieben werden: { $detail }
store-error-io-hint = Prüfen Sie, ob die Festplatte voll ist und ob Sie in diesen Ordner schreiben dürfen.
store-no-accounts = Es gibt noch keine lokalen E-Mails.
store-no-accounts-hint = Fügen Sie ein Konto hinzu und rufen Sie zuerst E-Mails ab, oder nennen Sie das Konto mit --account.
store-many-accounts = Mehrere Konten haben lokale E-Mails: { $accounts }
store-many-accounts-hint = Wählen Sie eines mit --account ADRESSE.
store-no-such-account = Für { $account } gibt es keine lokalen E-Mails.
store-no-such-account-hint = Prüfen Sie die Adresse oder rufen Sie zuerst E-Mails ab. Konten mit lokalen E-Mails: { $accounts }
store-empty-folder = Keine Nachrichten in { $folder }.
store-no-results = Keine Treffer für „{ $query }“.
store-col-id = ID
store-col-date = Datum
store-col-flags = Markierungen
store-col-from = Von
store-col-subject = Betreff
store-no-subject = (kein Betreff)
store-label-from = Von
store-label-to = An
store-label-cc = Kopie
store-label-date = Datum
store-label-subject = Betreff
store-label-folder = Ordner
store-label-attachments = Mit Anhängen
store-page-info = { $shown } von { $total ->
        [one] { $total } Nachricht
       *[other] { $total } Nachrichten
    } in { $folder } werden angezeigt ({ $unread } ungelesen).
store-folder-line = { $folder }: { $count ->
        [one] 1 Nachricht
       *[other] { $count } Nachrichten
    }, { $unread } ungelesen
store-reindexed = Index von { $account } aktualisiert: { $folders ->
        [one] 1 Ordner
       *[other] { $folders } Ordner
    }; { $added } hinzugefügt, { $updated } geändert, { $removed } entfernt, { $unchanged } unverändert.

## Command-line help (cli-about-<command>, cli-arg-<command>-<option>)
cli-help-usage = Aufruf:
cli-help-commands = Befehle
cli-help-options = Optionen
cli-help-arguments = Argumente
cli-about = Ein schnelles, sicheres E-Mail-Programm für BT Email und jeden IMAP/POP3/SMTP-Anbieter. Ohne Befehl gestartet, öffnet es das Fenster.
cli-about-help = Diese Hilfe oder die Hilfe zum angegebenen Befehl ausgeben
cli-arg-help = Hilfe ausgeben
cli-arg-version = Version ausgeben
cli-arg-lang = Sprache der Meldungen, etwa de, cy oder en-GB (Standard: die der Einstellungen, sonst die des Systems)
cli-about-account = Konten hinzufügen, auflisten und entfernen
cli-about-account-add = Ein Konto einrichten: Server aus der Anbieterliste, Passwort im Schlüsselbund
cli-arg-account-add-email = Die E-Mail-Adresse des Kontos
cli-arg-account-add-name = Ihr Name, wie Empfänger ihn sehen (Standard: aus der Adresse abgeleitet)
cli-arg-account-add-protocol = Wie E-Mails abgerufen werden (Standard: IMAP, oder POP3, wenn nur --pop angegeben ist)
cli-arg-account-add-imap = IMAP-Server statt dem des Anbieters
cli-arg-account-add-pop = POP3-Server statt dem des Anbieters
cli-arg-account-add-smtp = SMTP-Server statt dem des Anbieters
cli-arg-account-add-security = Verbindungssicherheit für alle Server des Kontos: tls (ab dem ersten Byte) oder starttls
cli-arg-account-add-ca_file = Zusätzliche vertrauenswürdige CA-Zertifikate (PEM) für einen privaten Server
cli-arg-account-add-password_stdin = Das Passwort von der Standardeingabe lesen (erste Zeile) und im Schlüsselbund des Systems speichern
cli-arg-account-add-password_command = Ein Befehl, der das Passwort ausgibt und bei Bedarf jedes Mal ausgeführt wird (z. B. "pass show bt")
cli-arg-account-add-replace = Das Konto ersetzen, wenn die Adresse bereits eingerichtet ist
cli-about-account-list = Die eingerichteten Konten auflisten
cli-about-account-remove = Ein Konto und sein gespeichertes Passwort entfernen (seine E-Mails bleiben auf der Festplatte)
cli-arg-account-remove-email = Die Adresse des zu entfernenden Kontos
cli-about-account-check = Schritt für Schritt prüfen, ob die Server eines Kontos erreichbar sind und das Passwort annehmen
cli-arg-account-check-address = Die Adresse des zu prüfenden Kontos
cli-arg-account-check-timeout = Sekunden, die auf jeden Schritt gewartet wird (Standard: 10 für die Namensauflösung, 15 für den Verbindungsaufbau, 30 pro Befehl)
cli-about-paths = Anzeigen, wo Pillarbox seine Einstellungen und E-Mails speichert

## Connection check (wizard and `pillarbox account check`) and network errors with hints

check-step-resolve = Server suchen
check-step-connect = Verbinden
check-step-tls = Sichere Verbindung und Zertifikat
check-step-greeting = Begrüßung des Servers
check-step-starttls = Wechsel zur Verschlüsselung (STARTTLS)
check-step-authenticate = Anmelden
check-step-connection = Verbindung

check-server-imap = Posteingang (IMAP)
check-server-pop3 = Posteingang (POP3)
check-server-smtp = Postausgang (SMTP)

check-security-tls = SSL/TLS
check-security-starttls = STARTTLS

check-outcome-passed = bestanden
check-outcome-failed = fehlgeschlagen
check-outcome-skipped = nicht ausgeführt

check-error-resolve = Der Servername { $host } wurde nicht gefunden (Schritt: { $step }).
check-hint-resolve = Prüfen Sie den Servernamen auf Tippfehler und ob dieser Computer mit dem Internet verbunden ist.

check-error-refused = { $endpoint } hat die Verbindung abgelehnt (Schritt: { $step }).
check-hint-refused = Prüfen Sie den Servernamen und die Portnummer. Möglicherweise blockiert auch eine Firewall oder ein Sicherheitsprogramm die Verbindung.

check-error-connect = Keine Verbindung zu { $endpoint } möglich (Schritt: { $step }): { $detail }
check-hint-connect = Prüfen Sie, ob dieser Computer mit dem Internet verbunden ist, und dann den Servernamen und die Portnummer. Möglicherweise blockiert eine Firewall die Verbindung.

check-error-timeout = { $endpoint } hat nicht innerhalb von { $secs ->
        [one] { $secs } Sekunde
       *[other] { $secs } Sekunden
    } geantwortet (Schritt: { $step }).
check-hint-timeout = Prüfen Sie den Servernamen und die Portnummer und ob eine Firewall die Verbindung blockiert. Wenn Ihre Internetverbindung langsam ist, versuchen Sie es erneut.
check-hint-timeout-greeting = Der Server hat die Verbindung angenommen, aber nichts gesendet. Prüfen Sie, ob der Port zu dieser Art von Server gehört und die Sicherheitseinstellung dazu passt: SSL/TLS für die Ports 993, 995 und 465, STARTTLS für die Ports 143, 110 und 587.

check-error-cert-untrusted = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“ wurde von einer nicht vertrauenswürdigen Stelle ausgestellt.
check-hint-cert-untrusted = Wenn es sich um einen privaten Server handelt, fügen Sie in den erweiterten Einstellungen die CA-Zertifikatsdatei hinzu. Andernfalls fängt möglicherweise jemand die Verbindung ab: Fahren Sie in diesem Netzwerk nicht fort.
check-error-cert-name = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“ gilt nur für { $names }, nicht für { $host }.
check-hint-cert-name = Verwenden Sie einen Servernamen, für den das Zertifikat gilt, etwa { $first }.
check-hint-cert-name-none = Das Zertifikat nennt keinen Server. Prüfen Sie den Servernamen oder wenden Sie sich an Ihren Anbieter.
check-error-cert-expired = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“ ist abgelaufen.
check-error-cert-not-yet-valid = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“ ist noch nicht gültig.
check-hint-cert-dates = Prüfen Sie, ob Datum und Uhrzeit dieses Computers stimmen. Wenn ja, muss das Zertifikat des Servers erneuert werden: Wenden Sie sich an Ihren Anbieter.
check-error-cert-revoked = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“ wurde widerrufen.
check-hint-cert-revoked = Fahren Sie nicht fort: Wenden Sie sich an Ihren Anbieter.
check-error-cert-other = Das Zertifikat von { $endpoint } wurde abgelehnt (Schritt: { $step }): „{ $subject }“: { $detail }
check-hint-cert-other = Prüfen Sie den Servernamen oder wenden Sie sich an Ihren Anbieter.

check-error-handshake = Die sichere Verbindung zu { $endpoint } ist fehlgeschlagen (Schritt: { $step }): { $detail }
check-hint-handshake = Prüfen Sie, ob die Sicherheitseinstellung zum Port passt: SSL/TLS für die Ports 993, 995 und 465, STARTTLS für die Ports 143, 110 und 587.

check-hint-handshake-plain = Der Server hat unverschlüsselt geantwortet, dieser Port verwendet also wahrscheinlich STARTTLS. Wählen Sie STARTTLS als Sicherheit oder den SSL/TLS-Port des Servers (993 für IMAP, 995 für POP3, 465 für SMTP).
check-error-no-starttls = { $endpoint } bietet kein STARTTLS an, daher sendet Pillarbox Ihr Passwort nicht über eine unverschlüsselte Verbindung (Schritt: { $step }).
check-hint-no-starttls = Wählen Sie SSL/TLS als Sicherheit mit dem SSL/TLS-Port des Servers (993 für IMAP, 995 für POP3, 465 für SMTP), oder fragen Sie Ihren Anbieter nach den richtigen Einstellungen.

check-error-protocol = { $endpoint } hat eine unerwartete Antwort gegeben (Schritt: { $step }): { $detail }
check-hint-protocol = Prüfen Sie, ob der Port zur richtigen Art von Server gehört (IMAP, POP3 oder SMTP) und ob die Sicherheitseinstellung stimmt.

check-error-io = Die Verbindung zu { $endpoint } wurde unterbrochen (Schritt: { $step }): { $detail }
check-hint-io = Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Wenn das jedes Mal passiert, prüfen Sie den Port und die Sicherheitseinstellung.

check-error-ca-file = Die CA-Zertifikatsdatei { $path } konnte nicht verwendet werden: { $detail }
check-hint-ca-file = Wählen Sie in den erweiterten Einstellungen eine PEM-Datei mit dem CA-Zertifikat des Servers, oder leeren Sie das Feld.

check-error-auth = { $endpoint } hat den Benutzernamen oder das Passwort abgelehnt (Schritt: { $step }). Antwort des Servers: { $detail }
check-hint-auth = Prüfen Sie das Passwort (ist die Feststelltaste aktiv?) und ob der Benutzername Ihre vollständige E-Mail-Adresse ist. BT-Konten mit Bestätigung in zwei Schritten benötigen für E-Mail-Programme ein App-Passwort: Erstellen Sie eines in den Sicherheitseinstellungen Ihres BT-Kontos und verwenden Sie es hier statt Ihres üblichen Passworts.

check-error-no-auth-mechanism = { $endpoint } bietet keine Anmeldemethode an, die Pillarbox unterstützt (Schritt: { $step }; der Server bietet: { $offered }).
check-hint-no-auth-mechanism = Versuchen Sie die andere Anmeldemethode in den erweiterten Einstellungen. Manche Server erlauben die Anmeldung nur auf ihrem SSL/TLS-Port oder nach STARTTLS.

check-cli-checking = { $email } wird geprüft …
check-cli-server = { $server }: { $endpoint } ({ $security })
check-cli-step = { $mark } { $step }: { $outcome } ({ $ms } ms)
check-cli-step-skipped = { $mark } { $step }: { $outcome }
check-cli-all-passed = Alle Server haben die Prüfung bestanden: { $email } ist einsatzbereit.
check-cli-some-failed = { $count ->
    [one] Ein Server hat die Prüfung nicht bestanden.
   *[other] { $count } Server haben die Prüfung nicht bestanden.
}
check-cli-no-account = Es gibt kein Konto { $email }. Die Liste zeigt: pillarbox account list
## POP3 download (pop-)
pop-error-network = Der POP3-Server ist nicht erreichbar: { $detail }
pop-error-timeout = { $endpoint } hat nicht innerhalb von { $secs ->
        [one] { $secs } Sekunde
       *[other] { $secs } Sekunden
    } geantwortet ({ $step }).
pop-error-auth = { $endpoint } hat die E-Mail-Adresse und das Passwort nicht angenommen: { $reply }
pop-error-refused = { $endpoint } hat { $step } abgelehnt: { $reply }
pop-error-protocol = { $endpoint } hat eine Antwort gesendet, die Pillarbox nicht verstanden hat ({ $step }): { $detail }
pop-error-connection = Die Verbindung zu { $endpoint } wurde unterbrochen ({ $step }): { $detail }
pop-error-no-uidl-leave = { $endpoint } kann seine Nachrichten nicht unterscheiden (kein UIDL), daher können keine Nachrichten auf dem Server bleiben.
pop-error-disk = E-Mails konnten nicht in { $path } gespeichert werden: { $detail }
pop-error-busy = Die E-Mails von { $account } werden bereits heruntergeladen.
pop-hint-auth = Prüfen Sie Ihr Passwort. BT-Email-Konten mit Bestätigung in zwei Schritten benötigen ein App-Passwort.
pop-hint-retry = Es wurde nichts vom Server gelöscht. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
pop-hint-no-uidl-leave = Schalten Sie „Nachrichten auf dem Server lassen“ für dieses Konto aus.
pop-hint-disk = Es wurde nichts vom Server gelöscht. Geben Sie Speicherplatz frei oder prüfen Sie die Berechtigungen des Ordners, und versuchen Sie es dann erneut.
pop-hint-busy = Warten Sie, bis der andere Download abgeschlossen ist.
pop-summary = { $account }: { $downloaded } heruntergeladen, { $deleted } vom Server gelöscht, { $kept } auf dem Server gelassen.
pop-progress = Herunterladen: { $done } von { $total }
pop-no-uidl-note = Dieser Server kann seine Nachrichten nicht unterscheiden (kein UIDL): Jede Nachricht wird heruntergeladen und dann vom Server gelöscht.
pop-no-password = Kein Passwort auf der Standardeingabe.

## Sizes and dates (format-): see src/i18n/format.rs
format-decimal-separator = ,
format-size-bytes = { $count ->
        [one] { $count } Byte
       *[other] { $count } Bytes
    }
format-size-kb = { $size } kB
format-size-mb = { $size } MB
format-size-gb = { $size } GB
format-size-tb = { $size } TB
format-month = { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sept.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    }
format-time = { $hours }:{ $minutes }
format-date-yesterday = Gestern
format-date-day-month = { $day }. { $month }
format-date-year = { $day }. { $month } { $year }
format-date-time = { $date }, { $time }

## Command-line help of the local mail commands (list, show, reindex)
cli-about-list = Die Nachrichten eines Ordners auflisten (oder durchsuchen, oder die Ordner auflisten)
cli-arg-list-account = Die Adresse des Kontos; nur nötig, wenn mehrere Konten lokale E-Mails haben
cli-arg-list-folder = Der aufzulistende Ordner, etwa INBOX, Sent oder Archive/2024
cli-arg-list-limit = Wie viele Nachrichten angezeigt werden
cli-arg-list-offset = Wie viele Nachrichten zuerst übersprungen werden (zum Blättern)
cli-arg-list-sort = Wonach sortiert wird
cli-arg-list-reverse = Die Reihenfolge umkehren (normalerweise die neuesten zuerst nach Datum, A bis Z nach Absender oder Betreff)
cli-arg-list-search = Nur Nachrichten mit diesen Wörtern (Wortanfänge; from:, to:, subject: und body: beschränken ein Wort auf ein Feld). Die neuesten zuerst
cli-arg-list-all_folders = Mit --search: in allen Ordnern suchen, nicht nur in --folder
cli-arg-list-folders = Statt der Nachrichten die Ordner mit ihrer Nachrichtenzahl auflisten
cli-arg-list-json = JSON für Skripte ausgeben
cli-about-show = Eine Nachricht anzeigen: ihre Kopfzeilen und ihren Text, oder mit --raw ihre genauen Bytes
cli-arg-show-id = Die ID der Nachricht, wie „pillarbox list“ sie anzeigt
cli-arg-show-account = Die Adresse des Kontos; nur nötig, wenn mehrere Konten lokale E-Mails haben
cli-arg-show-raw = Die gespeicherte Nachricht genau so ausgeben, wie sie empfangen wurde, Byte für Byte
cli-about-reindex = Den Nachrichtenindex mit den Maildir-Ordnern auf der Festplatte abgleichen
cli-arg-reindex-account = Nur dieses Konto (Standard: alle Konten mit lokalen E-Mails)

## Logging (log-)
log-file-error = Die Protokolldatei in { $path } kann nicht geschrieben werden: { $detail }. Pillarbox arbeitet ohne sie weiter.

## Sending: compose, outbox, SMTP
send-reply-attribution = Am { $date } schrieb { $name }:
send-forward-header = ---------- Weitergeleitete Nachricht ----------
    Von: { $from }
    Datum: { $date }
    Betreff: { $subject }
    An: { $to }
send-error-auth = Der Postausgangsserver hat Ihren Benutzernamen oder Ihr Passwort abgelehnt ({ $detail }). Prüfen Sie das Passwort; BT-Konten mit Bestätigung in zwei Schritten benötigen ein App-Passwort. Ihre Nachricht bleibt im Postausgang.
send-error-recipient = Der Server stellt nicht an { $recipient } zu ({ $detail }). Prüfen Sie die Adresse und senden Sie die Nachricht dann erneut aus dem Postausgang.
send-error-sender = Der Server nimmt keine E-Mails von Ihrer Adresse an ({ $detail }). Prüfen Sie die E-Mail-Adresse des Kontos.
send-error-message = Der Server hat die Nachricht abgelehnt ({ $detail }). Vielleicht ist sie zu groß; entfernen Sie Anhänge und senden Sie sie erneut.
send-error-certificate = Das Zertifikat des Postausgangsservers wurde abgelehnt ({ $detail }). Prüfen Sie den Servernamen in den Kontoeinstellungen.
send-error-temporary = Die Nachricht konnte gerade nicht gesendet werden ({ $detail }). Sie bleibt im Postausgang und wird automatisch erneut gesendet.
send-error-folder = Die Kopie in Ihren E-Mail-Ordnern konnte nicht gespeichert werden ({ $detail }). Die Nachricht bleibt erhalten und wird erneut gespeichert.
send-state-queued = in der Warteschlange
send-state-sending = wird gesendet
send-state-sent = gesendet
send-state-failed = fehlgeschlagen
send-state-retrying = wartet auf neuen Versuch
send-cli-queued = In die Warteschlange gestellt: { $id }
send-cli-flushed = Gesendet: { $sent }, erneut zu versuchen: { $deferred }, fehlgeschlagen: { $failed }, im Postausgang verblieben: { $remaining }
send-cli-outbox-empty = Der Postausgang ist leer.
send-cli-outbox-failed = Der Postausgang konnte nicht gelesen oder geschrieben werden: { $detail }
send-cli-retried = { $count ->
        [one] { $count } Nachricht wieder in die Warteschlange gestellt.
       *[other] { $count } Nachrichten wieder in die Warteschlange gestellt.
    }
send-cli-read-failed = { $path } konnte nicht gelesen werden: { $detail }
send-cli-no-account = Es ist kein Konto { $email } eingerichtet. `pillarbox account list` zeigt die Konten.
send-cli-which-account = Es gibt mehrere Konten: Wählen Sie eines mit --account.
send-cli-busy = Ein anderes Pillarbox sendet diesen Postausgang gerade; es sendet auch diese Nachrichten.
cli-about-send = Eine Nachricht schreiben und senden (über den Postausgang)
cli-arg-send-account = Das Konto, von dem gesendet wird (seine E-Mail-Adresse); ohne Angabe das einzige Konto
cli-arg-send-to = Ein Empfänger ("Name <a@b>" oder a@b); für weitere wiederholen
cli-arg-send-cc = Ein Kopie-Empfänger; für weitere wiederholen
cli-arg-send-bcc = Ein Blindkopie-Empfänger (den anderen nie angezeigt); für weitere wiederholen
cli-arg-send-subject = Der Betreff
cli-arg-send-body = Der Text der Nachricht (oder --body-file verwenden)
cli-arg-send-body_file = Eine Datei mit dem Text der Nachricht
cli-arg-send-html_file = Eine Datei mit einer HTML-Fassung des Texts
cli-arg-send-attach = Eine Datei als Anhang; für weitere wiederholen
cli-arg-send-queue_only = Die Nachricht nur in den Postausgang legen; ein späteres `outbox flush` sendet sie
cli-about-outbox = Den Postausgang anzeigen, Wartendes senden oder fehlgeschlagene Nachrichten erneut versuchen
cli-arg-outbox-account = Das Konto, dessen Postausgang verwendet wird (seine E-Mail-Adresse)
cli-about-outbox-flush = Alles Fällige über eine einzige Verbindung senden
cli-arg-outbox-flush-account = Das Konto, dessen Postausgang gesendet wird (seine E-Mail-Adresse); ohne Angabe alle Konten
cli-arg-outbox-flush-now = Auch Nachrichten senden, die auf ihren nächsten Versuch warten
cli-about-outbox-retry = Fehlgeschlagene Nachrichten wieder in die Warteschlange stellen
cli-arg-outbox-retry-account = Das Konto, dessen fehlgeschlagene Nachrichten erneut versucht werden (seine E-Mail-Adresse)

## IMAP sync (sync-)
sync-error-network = Der E-Mail-Server ist nicht erreichbar: { $detail }. Prüfen Sie Ihre Internetverbindung; Pillarbox versucht es erneut.
sync-error-login = { $server } hat das Passwort für { $user } abgelehnt. Prüfen Sie das Passwort; wenn Ihr Konto die Bestätigung in zwei Schritten nutzt, erstellen Sie ein App-Passwort und verwenden Sie dieses.
sync-error-timeout = { $server } hat während { $step } nicht mehr geantwortet. Pillarbox versucht es erneut; wenn das öfter passiert, prüfen Sie Ihre Verbindung.
sync-error-lost = Die Verbindung zu { $server } wurde während { $step } unterbrochen. Pillarbox versucht es erneut.
sync-error-disk = E-Mails konnten nicht in { $path } gespeichert werden: { $detail }. Prüfen Sie, ob auf der Festplatte Platz frei ist und der Ordner beschreibbar ist.
sync-error-other = Abgleich fehlgeschlagen: { $detail }
sync-folder-line = { $folder }: { $total ->
        [one] { $total } Nachricht
       *[other] { $total } Nachrichten
    }, { $added } neu, { $removed } entfernt, { $flags ->
        [one] { $flags } Markierung geändert
       *[other] { $flags } Markierungen geändert
    }
sync-folder-unchanged = { $folder }: { $total ->
        [one] { $total } Nachricht
       *[other] { $total } Nachrichten
    }, unverändert
sync-folder-added = Neuer Ordner: { $folder }
sync-folder-removed = Ordner entfernt: { $folder }
sync-folder-renamed = Ordner umbenannt: { $from } → { $to }
sync-replayed = { $count ->
        [one] { $count } lokale Änderung an den Server übertragen
       *[other] { $count } lokale Änderungen an den Server übertragen
    }
sync-summary = { $folders ->
        [one] { $folders } Ordner
       *[other] { $folders } Ordner
    } abgeglichen: { $added ->
        [one] { $added } neue Nachricht
       *[other] { $added } neue Nachrichten
    }, { $bytes } heruntergeladen, in { $secs } s
sync-progress = { $folder }: { $done }/{ $total }
sync-not-imap = { $account } ist ein POP3-Konto; dieser Befehl gleicht IMAP-Konten ab.
sync-no-any-account = Es ist kein Konto eingerichtet. Fügen Sie eines mit „pillarbox account add“ hinzu.
sync-no-account = Es ist kein IMAP-Konto eingerichtet. Fügen Sie eines mit „pillarbox account add“ hinzu.
sync-unknown-account = Es gibt kein Konto { $account }.
mailops-done = Erledigt: { $message }
mailops-queued = Hier gespeichert; der Server wird beim nächsten Abgleich aktualisiert ({ $detail }).
mailops-bad-flag = Unbekannte Markierungsänderung „{ $flag }“: Verwenden Sie +seen, -seen, +flagged oder -flagged.

## Command-line help of the IMAP commands (sync, flag, move, delete)
cli-about-sync = Neue E-Mails abrufen: IMAP-Konten mit dem lokalen Zwischenspeicher abgleichen, POP3-Konten herunterladen
cli-arg-sync-account = Nur für dieses Konto abrufen (seine E-Mail-Adresse)
cli-arg-sync-folder = Nur diesen Ordner abgleichen (IMAP-Konten)
cli-about-flag = Eine Nachricht als gelesen oder ungelesen, markiert oder nicht markiert kennzeichnen (Änderungen wie +seen -seen +flagged -flagged)
cli-arg-flag-id = Die Nachricht als ORDNER:UID (siehe „pillarbox list“)
cli-arg-flag-changes = Die Änderungen: +seen, -seen, +flagged, -flagged
cli-arg-flag-account = Das Konto, zu dem die Nachricht gehört (seine E-Mail-Adresse)
cli-about-move = Eine Nachricht in einen anderen Ordner verschieben
cli-arg-move-id = Die Nachricht als ORDNER:UID (siehe „pillarbox list“)
cli-arg-move-folder = Der Zielordner
cli-arg-move-account = Das Konto, zu dem die Nachricht gehört (seine E-Mail-Adresse)
cli-about-delete = Eine Nachricht löschen (in den Papierkorb, oder endgültig, wenn sie schon dort ist)
cli-arg-delete-id = Die Nachricht als ORDNER:UID (siehe „pillarbox list“)
cli-arg-delete-account = Das Konto, zu dem die Nachricht gehört (seine E-Mail-Adresse)

## Main window (mailbox-, reader-, composer-, status-)
cli-arg-demo = Das Fenster mit N erfundenen Nachrichten (Standard 300) in einem temporären Ordner öffnen, ohne Netzwerk
mailbox-title-unread = Pillarbox – { $count ->
        [one] 1 ungelesene Nachricht
       *[other] { $count } ungelesene Nachrichten
    }
mailbox-window-failed = Das Fenster konnte nicht geöffnet werden: { $error }
mailbox-demo-failed = Das Demo-Postfach konnte nicht angelegt werden: { $error }
mailbox-new = Neu
mailbox-add-account = Konto hinzufügen
mailbox-delete = Löschen
mailbox-read-unread = Gelesen/ungelesen
mailbox-flag = Markieren
mailbox-archive = Archivieren
mailbox-move-to = Verschieben nach…
mailbox-moved = { $count ->
        [one] 1 Nachricht nach { $folder } verschoben.
       *[other] { $count } Nachrichten nach { $folder } verschoben.
    }
mailbox-threads = Unterhaltungen
# How many messages a thread row of the list stands for.
mailbox-thread-count = { $count }
mailbox-sort-date = Datum
mailbox-sort-sender = Absender
mailbox-sort-subject = Betreff
mailbox-empty = Hier sind keine Nachrichten.
mailbox-no-subject = (kein Betreff)
mailbox-search-placeholder = Alle E-Mails durchsuchen (Taste /)
mailbox-search-clear = Leeren
mailbox-deleted = { $count ->
        [one] 1 Nachricht in den Papierkorb verschoben.
       *[other] { $count } Nachrichten in den Papierkorb verschoben.
    }
mailbox-folder-inbox = Posteingang
mailbox-all-inboxes = Alle Posteingänge
mailbox-folder-drafts = Entwürfe
mailbox-folder-sent = Gesendet
mailbox-folder-archive = Archiv
mailbox-folder-junk = Spam
mailbox-folder-trash = Papierkorb
mailbox-help-title = Tastenkürzel
mailbox-help-new = Neue Nachricht schreiben
mailbox-help-reply = Antworten
mailbox-help-reply-all = Allen antworten
mailbox-help-forward = Weiterleiten
mailbox-help-delete = In den Papierkorb verschieben
mailbox-help-archive = Ins Archiv verschieben
mailbox-help-read = Als gelesen oder ungelesen markieren
mailbox-help-flag = Markierung setzen oder entfernen
mailbox-help-next = Nächste Nachricht
mailbox-help-previous = Vorherige Nachricht
mailbox-help-search = Suchen
mailbox-help-sync = Jetzt nach neuen E-Mails sehen
mailbox-help-help = Diese Hilfe ein- oder ausblenden
layout-save-failed = Die Größe der Bereiche konnte nicht gespeichert werden: { $error }
mailbox-help-close = Schließen

## Tastatur: die Tabelle der Tastenkürzel (Hilfe, Tooltips) und die Ordnerauswahl
keys-move-to = In einen Ordner verschieben…
keys-select-all = Alle Nachrichten auswählen
keys-open-attachment = Ersten Anhang öffnen
keys-next-folder = Nächster Ordner
keys-previous-folder = Vorheriger Ordner
keys-inbox = Zum Posteingang (alle Posteingänge)
keys-go-to-folder = Zu einem Ordner gehen…
keys-settings = Einstellungen
keys-narrow-list = Nachrichtenliste schmaler machen
keys-widen-list = Nachrichtenliste breiter machen
keys-close = Hilfe, Auswahl oder Einstellungen schließen
keys-send = Senden
keys-save-draft = Als Entwurf speichern
keys-attach = Dateien anhängen…
keys-close-composer = Nachricht schließen (fragt, wenn nicht gespeichert)
keys-group-messages = Nachrichten
keys-group-navigation = Navigation
keys-group-composer = Nachricht schreiben
keys-group-view = Textgröße
keys-zoom-in = Größerer Text
keys-zoom-out = Kleinerer Text
keys-zoom-reset = Textgröße des Systems
keys-ctrl = Strg
keys-shift = Umschalt
keys-delete = Entf
keys-enter = Eingabe
keys-escape = Esc
keys-tooltip = { $action } ({ $keys })
keys-picker-placeholder = Tippen, um Ordner zu filtern
keys-picker-none = Kein Ordner passt
keys-picker-hint = ↑ ↓ zum Wählen, Eingabe zum Übernehmen, Esc zum Schließen
keys-picker-in = { $folder } — { $account }
reader-nothing = Wählen Sie eine Nachricht aus, um sie zu lesen.
reader-missing = Diese Nachricht ist nicht mehr im lokalen Speicher.
reader-reply = Antworten
reader-reply-all = Allen antworten
reader-forward = Weiterleiten
reader-from = Von
reader-to = An
reader-cc = Kopie
reader-date = Datum
reader-attachments = Anhänge
reader-save = Speichern
reader-saved = Gespeichert als { $path }
reader-save-failed = Der Anhang konnte nicht gespeichert werden: { $error }
reader-save-as = Speichern unter…
reader-save-as-title = Anhang speichern
reader-saved-no-dialog = Hier ist kein Dateidialog verfügbar, daher wurde der Anhang in Ihrem Download-Ordner gespeichert als { $path }
reader-open = Öffnen
reader-opened = Eine Kopie aus { $path } wurde geöffnet
reader-open-failed = Der Anhang konnte nicht geöffnet werden: { $error }
reader-open-risky = Dieser Anhang könnte ein Programm starten und wird daher nicht geöffnet. Speichern Sie ihn und öffnen Sie ihn selbst, wenn Sie dem Absender vertrauen.
notify-one = { $sender } — { $subject }
notify-many = { $count ->
        [one] 1 neue Nachricht
       *[other] { $count } neue Nachrichten
    }
notify-latest = Die neueste ist von { $sender }.
notify-account = An { $account }
reader-unreadable = Die Nachricht konnte nicht gelesen werden.
reader-no-downloads = Es gibt weder einen Download- noch einen Benutzerordner zum Speichern.
reader-unnamed = (ohne Namen)
reader-links = Links in dieser Nachricht führen zu:
reader-thread = { $count ->
        [one] { $count } Nachricht in dieser Unterhaltung
       *[other] { $count } Nachrichten in dieser Unterhaltung
    }
composer-to = An
composer-from = Von
composer-cc = Kopie
composer-bcc = Blindkopie
composer-subject = Betreff
composer-send = Senden
composer-save-draft = Entwurf speichern
composer-close = Schließen
composer-discard = Verwerfen
composer-keep-editing = Weiter bearbeiten
composer-unsaved = Diese Nachricht hat ungespeicherte Änderungen.
composer-attach = Anhängen
composer-attach-placeholder = Pfad einer anzuhängenden Datei
composer-no-such-file = Unter „{ $path }“ gibt es keine Datei.
composer-attach-failed = { $path } konnte nicht gelesen werden: { $error }
composer-browse = Anhängen…
composer-attach-title = Dateien zum Anhängen auswählen
composer-no-dialog = Hier ist kein Dateidialog verfügbar: Geben Sie den Pfad der Datei ein oder ziehen Sie die Datei auf das Fenster.
composer-remove = Entfernen
composer-drop-hint = Sie können Dateien auch auf dieses Fenster ziehen, um sie anzuhängen.
composer-no-recipients = Fügen Sie mindestens einen Empfänger hinzu.
composer-bad-address = „{ $address }“ ist keine E-Mail-Adresse.
composer-quote-intro = Am { $date } schrieb { $sender }:
composer-forward-header = ---------- Weitergeleitete Nachricht ----------
composer-draft-saved = Entwurf gespeichert.
composer-queued = Die Nachricht liegt im Postausgang.
status-offline = offline
status-online = online
status-syncing = Abgleich { $done } von { $total }
status-error = Fehler: { $message }
status-retry = Erneut versuchen
status-no-engine = Der E-Mail-Abgleich ist in dieser Version nicht verfügbar
status-no-engine-hint = Ihre lokalen E-Mails sind alle da; neue E-Mails kommen, sobald der Abgleich installiert ist.
mailbox-settings = Einstellungen
settings-title = Einstellungen
settings-display-name = Ihr Name
settings-interval = Nach E-Mails sehen alle (Minuten)
settings-leave-on-server = Eine Kopie der Nachrichten auf dem Server lassen (POP3)
settings-theme = Design
settings-theme-system = Wie das System
settings-theme-light = Hell
settings-theme-dark = Dunkel
settings-language = Sprache
settings-language-system = Wie das System
settings-text-size = Textgröße
settings-text-size-system = Wie das System ({ $percent } %)
settings-text-size-percent = { $percent } %
settings-notifications = Bei neuen E-Mails eine Benachrichtigung anzeigen
settings-save = Speichern
settings-close = Schließen
settings-saved = Einstellungen gespeichert.
settings-accounts = Konten
settings-editing = Einstellungen für { $account }
settings-account-edit = Bearbeiten
settings-account-remove = Entfernen
settings-remove-confirm = { $account } aus Pillarbox entfernen? Das gespeicherte Passwort wird ebenfalls gelöscht.
settings-remove-kept = Die heruntergeladenen Nachrichten bleiben auf diesem Computer in { $path }, es sei denn, Sie setzen unten das Häkchen.
settings-remove-delete-mail = Auch die heruntergeladenen Nachrichten löschen
settings-remove-yes = Konto entfernen
settings-remove-no = Behalten
settings-removed-kept = { $account } wurde entfernt. Die heruntergeladenen Nachrichten liegen weiterhin in { $path }.
settings-removed-deleted = { $account } und die heruntergeladenen Nachrichten wurden entfernt.
settings-remove-files-failed = { $path } konnte nicht gelöscht werden: { $error }
settings-bad-interval = Das Abrufintervall muss eine Minutenzahl zwischen 1 und 1440 sein.
settings-no-home = Es gibt keinen Einstellungsordner zum Speichern.
cli-not-mailto = „{ $link }“ ist weder ein mailto:-Link noch eine Nachrichtendatei noch ein Befehl. Führen Sie „pillarbox --help“ aus, um die Befehle zu sehen.
cli-about-open = Eine gespeicherte Nachricht (.eml-Datei) schreibgeschützt in einem Fenster öffnen
cli-arg-open-file = Die Nachrichtendatei
eml-error-read = Die Nachrichtendatei { $file } konnte nicht gelesen werden: { $detail }
eml-error-empty = Die Nachrichtendatei { $file } ist leer.
eml-error-too-large = Die Datei { $file } ist zu groß, um eine E-Mail zu sein.
eml-error-not-message = Die Datei { $file } ist keine E-Mail (sie hat keine Kopfzeilen wie From, Date oder Subject).
viewer-title = { $subject } – Pillarbox

## Main window worker (wire)
wire-sent = { $count ->
    [one] 1 Nachricht gesendet
   *[other] { $count } Nachrichten gesendet
}
wire-send-failed = Senden fehlgeschlagen: { $detail }
wire-queue-failed = Die Nachricht konnte nicht in den Postausgang gelegt werden: { $detail }
wire-error-internal = Im Hintergrund ist ein Fehler aufgetreten: { $detail }
wire-hint-retry = Pillarbox versucht es erneut; klicken Sie auf „Erneut versuchen“, um es sofort zu versuchen.
wire-hint-settings = Prüfen Sie die Einstellungen und das Passwort des Kontos und klicken Sie dann auf „Erneut versuchen“.
