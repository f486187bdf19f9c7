app-name = Pillarbox

## App shell (ui helper)
app-error-title = Pillarbox ne peut pas démarrer
app-error-home-hint = Définissez PILLARBOX_HOME sur un dossier où Pillarbox peut conserver ses fichiers, puis relancez-le.
app-error-window = Impossible d’ouvrir la fenêtre : { $error }
app-error-config-hint = Votre fichier de réglages a été laissé tel quel. Corrigez la ligne indiquée, ou mettez le fichier de côté pour repartir de zéro, puis rouvrez Pillarbox.
app-home-title = Votre messagerie
app-home-add-account = Configurer un autre compte
app-home-protocol-imap = IMAP : votre courrier reste synchronisé avec le webmail et vos autres appareils.
app-home-protocol-pop3 = POP3 : le courrier est téléchargé sur cet ordinateur.
app-home-server = { $kind } : { $endpoint } ({ $security })
app-home-mail-folder = Le courrier est conservé dans { $path }

## Setup wizard (ui helper)
wizard-title = Configurer votre messagerie
wizard-intro = Saisissez votre adresse et votre mot de passe. Pillarbox trouve les bons serveurs et vérifie que tout fonctionne avant d’enregistrer.
wizard-email-label = Adresse e-mail
wizard-email-placeholder = vous@btinternet.com
wizard-password-label = Mot de passe
wizard-password-placeholder = Le mot de passe de votre messagerie
wizard-password-help = Si votre compte utilise la validation en deux étapes, utilisez un mot de passe d’application.
wizard-name-label = Votre nom
wizard-name-placeholder = Tel que vos destinataires le verront
wizard-name-help = Affiché aux personnes à qui vous écrivez.
wizard-error-email-empty = Saisissez votre adresse e-mail.
wizard-error-email-invalid = Ceci ne ressemble pas à une adresse e-mail (par exemple, vous@btinternet.com).
wizard-error-password-empty = Saisissez votre mot de passe.
wizard-error-host-empty = Saisissez le nom du serveur.
wizard-error-port = Saisissez un numéro de port compris entre 1 et 65535.
wizard-guessed = Nous ne connaissons pas ce fournisseur : les noms des serveurs sont donc devinés. Vérifiez-les dans les réglages avancés.
wizard-advanced-show = ▸ Réglages avancés
wizard-advanced-hide = ▾ Réglages avancés
wizard-protocol-label = Comment le courrier doit-il arriver ?
wizard-protocol-imap = IMAP (recommandé)
wizard-protocol-imap-why = Garde le webmail et tous vos appareils synchronisés.
wizard-protocol-pop3 = POP3
wizard-protocol-pop3-why = Télécharge le courrier sur cet ordinateur et le supprime du serveur.
wizard-incoming-imap = Courrier entrant (IMAP)
wizard-incoming-pop3 = Courrier entrant (POP3)
wizard-outgoing-smtp = Courrier sortant (SMTP)
wizard-host-label = Serveur
wizard-host-placeholder = mail.example.com
wizard-port-label = Port
wizard-security-label = Sécurité
wizard-security-tls = SSL/TLS
wizard-security-starttls = STARTTLS
wizard-username-label = Nom d’utilisateur
wizard-ca-label = Fichier de certificat d’autorité (facultatif)
wizard-ca-placeholder = /chemin/vers/ca.pem
wizard-ca-help = Uniquement pour les serveurs privés dont le certificat est signé par votre propre autorité.
wizard-check-and-save = Vérifier et enregistrer
wizard-checking = Vérification de votre compte…
wizard-cancel = Annuler
wizard-check-server = { $kind } — { $endpoint }
wizard-step-running = { $step }…
wizard-step-passed = { $step } : terminé
wizard-step-failed = { $step } : échec
wizard-check-failed = La vérification a échoué. Vous pouvez corriger les réglages, ou enregistrer quand même (par exemple si vous êtes hors ligne).
wizard-check-failed-server = { $kind } — { $endpoint } : échec
wizard-save-anyway = Enregistrer quand même
wizard-back-to-edit = Revenir aux réglages
wizard-saving = Enregistrement…
wizard-saved = Enregistré.
wizard-password-command-label = Commande de mot de passe
wizard-password-command-placeholder = pass show email/btinternet
wizard-password-command-help = Une commande qui affiche votre mot de passe, exécutée chaque fois que Pillarbox en a besoin. Pillarbox n’écrit jamais votre mot de passe sur le disque.
wizard-save-with-command = Enregistrer avec cette commande
wizard-close = Revenir à mes comptes

## Settings file errors (config-)
config-error-io = Impossible de lire ou d’écrire { $path } : { $detail }
config-error-io-hint = Vérifiez que le dossier existe et que vous avez le droit d’y écrire.
config-error-corrupt = Le fichier de réglages { $path } est endommagé (ligne { $line }) : { $detail }
config-error-corrupt-hint = Pillarbox ne l’a pas modifié. Corrigez cette ligne, ou mettez le fichier de côté pour repartir avec les réglages par défaut.
config-error-too-new = Le fichier de réglages { $path } a été écrit par une version plus récente de Pillarbox (format { $found } ; celle-ci comprend jusqu’au format { $supported }).
config-error-too-new-hint = Mettez Pillarbox à jour pour utiliser ces réglages.
config-error-overwrite = Enregistrement annulé : { $path } n’a pas pu être lu, et l’enregistrement le remplacerait.
config-error-overwrite-hint = Corrigez le fichier ou mettez-le de côté d’abord ; Pillarbox n’écrase jamais des réglages qu’il n’a pas pu lire.
config-error-locked = Le fichier de réglages { $path } est en cours de modification par une autre fenêtre ou commande Pillarbox.
config-error-locked-hint = Réessayez dans un instant. Si aucun autre Pillarbox n’est en cours d’exécution, supprimez { $lock }.
config-error-duplicate = Le compte { $account } est déjà configuré.
config-error-duplicate-hint = Supprimez-le d’abord, ou remplacez-le (pillarbox account add --replace).
config-error-no-account = Il n’existe aucun compte { $account }.
config-error-no-account-hint = « pillarbox account list » affiche les comptes configurés.
config-error-serialize = Impossible d’écrire les réglages : { $detail }

## Password and keyring errors (secret-)
secret-error-no-keyring = Aucun trousseau (Secret Service) n’est disponible sur cet ordinateur pour conserver le mot de passe en sécurité ({ $detail }).
secret-error-no-keyring-hint = Pillarbox ne conserve jamais de mots de passe dans des fichiers en clair. Démarrez un trousseau (comme GNOME Keyring ou KWallet), ou utilisez une commande qui affiche le mot de passe, par exemple --password-command "pass show email/bt".
secret-error-not-found = Aucun mot de passe n’est enregistré pour { $account }.
secret-error-not-found-hint = Saisissez de nouveau le mot de passe.
secret-error-denied = Le trousseau a refusé l’accès au mot de passe de { $account } : { $detail }
secret-error-denied-hint = Déverrouillez votre trousseau, puis réessayez.
secret-error-keyring = Le trousseau a échoué pour { $account } : { $detail }
secret-error-keyring-hint = Vérifiez que votre trousseau est démarré et déverrouillé.
secret-error-command-spawn = La commande de mot de passe de { $account } n’a pas pu être lancée : { $detail }
secret-error-command-failed = La commande de mot de passe de { $account } a échoué ({ $status }) : { $stderr }
secret-error-command-timeout = La commande de mot de passe de { $account } ne s’est pas terminée en moins de { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }.
secret-error-command-empty = La commande de mot de passe de { $account } n’a affiché aucun mot de passe.
secret-error-command-not-utf8 = La commande de mot de passe de { $account } a affiché un texte qui n’est pas en UTF-8.
secret-error-command-hint = Lancez la commande vous-même dans un terminal : elle doit afficher le mot de passe sur sa première ligne.

## Command line (cli-)
cli-error = Erreur : { $message }
cli-hint = Conseil : { $hint }
cli-warning = Avertissement : { $message }
cli-no-home = Aucun dossier personnel n’a été trouvé.
cli-no-home-hint = Définissez PILLARBOX_HOME sur un dossier destiné aux fichiers de Pillarbox.
cli-memory-keyring = Les mots de passe sont conservés en mémoire uniquement (PILLARBOX_KEYRING=memory) et seront oubliés à la fin de cette commande.
cli-invalid-email = « { $email } » n’est pas une adresse e-mail.
cli-invalid-email-hint = Indiquez l’adresse complète, par exemple ann@btinternet.com.
cli-invalid-endpoint = « { $value } » n’est pas un nom de serveur suivi éventuellement d’un port (HÔTE ou HÔTE:PORT).
cli-wrong-protocol-server = { $flag } ne s’applique pas à un compte { $protocol }.
cli-wrong-protocol-server-hint = Utilisez --imap pour les comptes IMAP et --pop pour les comptes POP3, ou choisissez le protocole avec --protocol.
cli-ca-file-unreadable = Le fichier de certificat { $path } est illisible : { $detail }
cli-password-missing = Aucun mot de passe n’a été fourni.
cli-password-missing-hint = Fournissez-le sur l’entrée standard avec --password-stdin, ou indiquez une commande qui l’affiche avec --password-command.
cli-password-stdin-empty = L’entrée standard ne contenait aucun mot de passe.
cli-password-stdin-failed = Impossible de lire le mot de passe sur l’entrée standard : { $detail }
cli-account-added = { $account } ajouté ({ $protocol }) : entrant { $incoming }, sortant { $outgoing }.
cli-account-replaced = { $account } remplacé ({ $protocol }) : entrant { $incoming }, sortant { $outgoing }.
cli-password-in-keyring = Le mot de passe est dans le trousseau du système.
cli-password-from-command = Le mot de passe sera fourni par la commande de mot de passe.
cli-provider-known = Réglages pour { $provider } issus de la liste de fournisseurs de Pillarbox.
cli-provider-guessed = { $domain } ne figure pas dans la liste de fournisseurs de Pillarbox : les noms des serveurs sont donc devinés. Vérifiez-les avant utilisation.
cli-no-accounts = Aucun compte n’est configuré. Ajoutez-en un avec : pillarbox account add --email ADRESSE
cli-account-line = { $account }  « { $name } »  { $protocol }  entrant : { $incoming }  sortant : { $outgoing }
cli-account-removed = { $account } supprimé. Son courrier reste sur cet ordinateur dans { $path }
cli-account-password-deleted = Son mot de passe a été supprimé du trousseau.
cli-account-password-none = Le trousseau ne contenait aucun mot de passe pour ce compte.
cli-account-keyring-cleanup-failed = Le compte a été supprimé, mais son mot de passe n’a pas pu être effacé du trousseau : { $message }
cli-paths-config = Fichier de réglages : { $path }
cli-paths-data = Dossier de données : { $path }
cli-paths-cache = Dossier de cache : { $path }
cli-paths-mail = Courrier de { $account } : { $path }
## Local mail store and the list/show/reindex commands (store-)
store-error-no-message = Aucun message ne porte l’identifiant { $id }.
store-error-no-message-hint = « pillarbox list » affiche l’identifiant de chaque message.
store-error-index = L’index des messages { $path } n’a pas pu être ouvert : { $detail }
store-error-index-sql = L’index des messages a échoué : { $detail }
store-error-index-hint = Vos messages sont en sécurité dans leurs dossiers Maildir. Lancez « pillarbox reindex » pour reconstruire l’index à partir d’eux.
store-error-io = Impossible de lire ou d’écrire { $path } : { $detail }
store-error-io-hint = Vérifiez que le disque n’est pas plein et que vous avez le droit d’écrire dans ce dossier.
store-no-accounts = Il n’y a pas encore de courrier local.
store-no-accounts-hint = Ajoutez un compte et relevez le courrier d’abord, ou indiquez le compte avec --account.
store-many-accounts = Plusieurs comptes ont du courrier local : { $accounts }
store-many-accounts-hint = Choisissez-en un avec --account ADRESSE.
store-no-such-account = Il n’y a pas de courrier local pour { $account }.
store-no-such-account-hint = Vérifiez l’adresse, ou relevez le courrier d’abord. Comptes ayant du courrier local : { $accounts }
store-empty-folder = Aucun message dans { $folder }.
store-no-results = Aucun résultat pour « { $query } ».
store-col-id = ID
store-col-date = Date
store-col-flags = Indicateurs
store-col-from = De
store-col-subject = Objet
store-no-subject = (sans objet)
store-label-from = De
store-label-to = À
store-label-cc = Cc
store-label-date = Date
store-label-subject = Objet
store-label-folder = Dossier
store-label-attachments = Contient des pièces jointes
store-page-info = { $shown } sur { $total ->
        [one] { $total } message
       *[other] { $total } messages
    } affichés dans { $folder } ({ $unread ->
        [one] { $unread } non lu
       *[other] { $unread } non lus
    }).
store-folder-line = { $folder } : { $count ->
        [one] 1 message
       *[other] { $count } messages
    }, { $unread ->
        [one] { $unread } non lu
       *[other] { $unread } non lus
    }
store-reindexed = Index de { $account } mis à jour : { $folders ->
        [one] 1 dossier
       *[other] { $folders } dossiers
    } ; { $added } ajouté(s), { $updated } modifié(s), { $removed } supprimé(s), { $unchanged } inchangé(s).

## Command-line help (cli-about-<command>, cli-arg-<command>-<option>)
cli-help-usage = Utilisation :
cli-help-commands = Commandes
cli-help-options = Options
cli-help-arguments = Arguments
cli-about = Un client de messagerie rapide et sûr pour BT Email et tout fournisseur IMAP/POP3/SMTP. Lancez-le sans commande pour ouvrir la fenêtre.
cli-about-help = Afficher ce message ou l’aide de la commande indiquée
cli-arg-help = Afficher l’aide
cli-arg-version = Afficher la version
cli-arg-lang = Langue des messages, comme fr, cy ou en-GB (par défaut : celle des réglages, puis celle du système)
cli-about-account = Ajouter, lister et supprimer des comptes
cli-about-account-add = Configurer un compte : serveurs issus de la liste de fournisseurs, mot de passe dans le trousseau
cli-arg-account-add-email = L’adresse e-mail du compte
cli-arg-account-add-name = Votre nom tel que vos destinataires le voient (par défaut : tiré de l’adresse)
cli-arg-account-add-protocol = Comment le courrier arrive (par défaut : IMAP, ou POP3 si seul --pop est indiqué)
cli-arg-account-add-imap = Serveur IMAP à utiliser à la place de celui du fournisseur
cli-arg-account-add-pop = Serveur POP3 à utiliser à la place de celui du fournisseur
cli-arg-account-add-smtp = Serveur SMTP à utiliser à la place de celui du fournisseur
cli-arg-account-add-security = Sécurité de la connexion pour tous les serveurs du compte : tls (dès le premier octet) ou starttls
cli-arg-account-add-ca_file = Certificats d’autorité supplémentaires de confiance (PEM), pour un serveur privé
cli-arg-account-add-password_stdin = Lire le mot de passe sur l’entrée standard (première ligne) et le conserver dans le trousseau du système
cli-arg-account-add-password_command = Une commande qui affiche le mot de passe, exécutée chaque fois qu’il est nécessaire (par ex. "pass show bt")
cli-arg-account-add-replace = Remplacer le compte si l’adresse est déjà configurée
cli-about-account-list = Lister les comptes configurés
cli-about-account-remove = Supprimer un compte et son mot de passe enregistré (son courrier reste sur le disque)
cli-arg-account-remove-email = L’adresse du compte à supprimer
cli-about-account-check = Vérifier, étape par étape, que les serveurs d’un compte sont joignables et acceptent le mot de passe
cli-arg-account-check-address = L’adresse du compte à vérifier
cli-arg-account-check-timeout = Nombre de secondes d’attente pour chaque étape (par défaut : 10 pour la résolution, 15 pour la connexion, 30 par commande)
cli-about-paths = Afficher où Pillarbox conserve ses réglages et son courrier

## Connection check (wizard and `pillarbox account check`) and network errors with hints

check-step-resolve = Recherche du serveur
check-step-connect = Connexion
check-step-tls = Connexion sécurisée et certificat
check-step-greeting = Accueil du serveur
check-step-starttls = Passage au chiffrement (STARTTLS)
check-step-authenticate = Identification
check-step-connection = Connexion

check-server-imap = Courrier entrant (IMAP)
check-server-pop3 = Courrier entrant (POP3)
check-server-smtp = Courrier sortant (SMTP)

check-security-tls = SSL/TLS
check-security-starttls = STARTTLS

check-outcome-passed = réussi
check-outcome-failed = échec
check-outcome-skipped = non effectué

check-error-resolve = Le nom de serveur { $host } est introuvable (étape : { $step }).
check-hint-resolve = Vérifiez que le nom du serveur ne contient pas de faute de frappe, et que cet ordinateur est connecté à Internet.

check-error-refused = { $endpoint } a refusé la connexion (étape : { $step }).
check-hint-refused = Vérifiez le nom du serveur et le numéro de port. Un pare-feu ou un logiciel de sécurité bloque peut-être aussi la connexion.

check-error-connect = Impossible de se connecter à { $endpoint } (étape : { $step }) : { $detail }
check-hint-connect = Vérifiez que cet ordinateur est connecté à Internet, puis vérifiez le nom du serveur et le numéro de port. Un pare-feu bloque peut-être la connexion.

check-error-timeout = { $endpoint } n’a pas répondu en moins de { $secs ->
        [one] { $secs } seconde
       *[other] { $secs } secondes
    } (étape : { $step }).
check-hint-timeout = Vérifiez le nom du serveur et le numéro de port, et qu’aucun pare-feu ne bloque la connexion. Si votre connexion à Internet est lente, réessayez.
check-hint-timeout-greeting = Le serveur a accepté la connexion mais n’a rien envoyé. Vérifiez que le port correspond à ce type de serveur et que le réglage de sécurité lui convient : SSL/TLS pour les ports 993, 995 et 465, STARTTLS pour les ports 143, 110 et 587.

check-error-cert-untrusted = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » a été émis par une autorité qui n’est pas reconnue.
check-hint-cert-untrusted = S’il s’agit d’un serveur privé, ajoutez le fichier de certificat de son autorité dans les réglages avancés. Sinon, quelqu’un intercepte peut-être la connexion : ne continuez pas sur ce réseau.
check-error-cert-name = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » n’est valable que pour { $names }, pas pour { $host }.
check-hint-cert-name = Utilisez un nom de serveur pour lequel le certificat est valable, par exemple { $first }.
check-hint-cert-name-none = Le certificat ne nomme aucun serveur. Vérifiez le nom du serveur, ou contactez votre fournisseur.
check-error-cert-expired = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » a expiré.
check-error-cert-not-yet-valid = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » n’est pas encore valable.
check-hint-cert-dates = Vérifiez que la date et l’heure de cet ordinateur sont exactes. Si c’est le cas, le certificat du serveur doit être renouvelé : contactez votre fournisseur.
check-error-cert-revoked = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » a été révoqué.
check-hint-cert-revoked = Ne continuez pas : contactez votre fournisseur.
check-error-cert-other = Le certificat de { $endpoint } a été refusé (étape : { $step }) : « { $subject } » : { $detail }
check-hint-cert-other = Vérifiez le nom du serveur, ou contactez votre fournisseur.

check-error-handshake = La connexion sécurisée à { $endpoint } a échoué (étape : { $step }) : { $detail }
check-hint-handshake = Vérifiez que le réglage de sécurité correspond au port : SSL/TLS pour les ports 993, 995 et 465, STARTTLS pour les ports 143, 110 et 587.

check-hint-handshake-plain = Le serveur a répondu sans chiffrement : ce port utilise donc probablement STARTTLS. Choisissez la sécurité STARTTLS, ou le port SSL/TLS du serveur (993 pour IMAP, 995 pour POP3, 465 pour SMTP).
check-error-no-starttls = { $endpoint } ne propose pas STARTTLS : Pillarbox n’enverra donc pas votre mot de passe sur une connexion non chiffrée (étape : { $step }).
check-hint-no-starttls = Choisissez la sécurité SSL/TLS avec le port SSL/TLS du serveur (993 pour IMAP, 995 pour POP3, 465 pour SMTP), ou demandez à votre fournisseur quels réglages utiliser.

check-error-protocol = { $endpoint } a donné une réponse inattendue (étape : { $step }) : { $detail }
check-hint-protocol = Vérifiez que le port correspond au bon type de serveur (IMAP, POP3 ou SMTP) et que le réglage de sécurité est correct.

check-error-io = La connexion à { $endpoint } a été perdue (étape : { $step }) : { $detail }
check-hint-io = Vérifiez votre connexion à Internet et réessayez. Si cela se produit à chaque fois, vérifiez le port et le réglage de sécurité.

check-error-ca-file = Le fichier de certificat d’autorité { $path } n’a pas pu être utilisé : { $detail }
check-hint-ca-file = Dans les réglages avancés, choisissez un fichier PEM contenant le certificat de l’autorité du serveur, ou videz le champ.

check-error-auth = { $endpoint } a refusé le nom d’utilisateur ou le mot de passe (étape : { $step }). Réponse du serveur : { $detail }
check-hint-auth = Vérifiez le mot de passe (la touche Verr. Maj est-elle activée ?) et que le nom d’utilisateur est bien votre adresse e-mail complète. Les comptes BT avec validation en deux étapes ont besoin d’un mot de passe d’application pour les logiciels de messagerie : créez-en un dans les réglages de sécurité de votre compte BT et utilisez-le ici à la place de votre mot de passe habituel.

check-error-no-auth-mechanism = { $endpoint } ne propose aucune méthode d’identification prise en charge par Pillarbox (étape : { $step } ; méthodes proposées par le serveur : { $offered }).
check-hint-no-auth-mechanism = Essayez l’autre méthode d’identification dans les réglages avancés. Certains serveurs n’autorisent l’identification que sur leur port SSL/TLS, ou après STARTTLS.

check-cli-checking = Vérification de { $email }…
check-cli-server = { $server } : { $endpoint } ({ $security })
check-cli-step = { $mark } { $step } : { $outcome } ({ $ms } ms)
check-cli-step-skipped = { $mark } { $step } : { $outcome }
check-cli-all-passed = Tous les serveurs ont réussi : { $email } est prêt à l’emploi.
check-cli-some-failed = { $count ->
    [one] Un serveur a échoué à la vérification.
   *[other] { $count } serveurs ont échoué à la vérification.
}
check-cli-no-account = Il n’existe aucun compte { $email }. Consultez la liste avec : pillarbox account list
## POP3 download (pop-)
pop-error-network = Impossible de joindre le serveur POP3 : { $detail }
pop-error-timeout = { $endpoint } n’a pas répondu en moins de { $secs ->
        [one] { $secs } seconde
       *[other] { $secs } secondes
    } ({ $step }).
pop-error-auth = { $endpoint } n’a pas accepté l’adresse e-mail et le mot de passe : { $reply }
pop-error-refused = { $endpoint } a refusé { $step } : { $reply }
pop-error-protocol = { $endpoint } a envoyé une réponse que Pillarbox n’a pas comprise ({ $step }) : { $detail }
pop-error-connection = La connexion à { $endpoint } a été perdue ({ $step }) : { $detail }
pop-error-no-uidl-leave = { $endpoint } ne sait pas distinguer ses messages (pas d’UIDL) : il est donc impossible de laisser les messages sur le serveur.
pop-error-disk = Impossible d’enregistrer le courrier dans { $path } : { $detail }
pop-error-busy = Le courrier de { $account } est déjà en cours de téléchargement.
pop-hint-auth = Vérifiez votre mot de passe. Les comptes BT Email avec validation en deux étapes ont besoin d’un mot de passe d’application.
pop-hint-retry = Rien n’a été supprimé du serveur. Vérifiez votre connexion à Internet et réessayez.
pop-hint-no-uidl-leave = Désactivez « Laisser les messages sur le serveur » pour ce compte.
pop-hint-disk = Rien n’a été supprimé du serveur. Libérez de l’espace disque ou vérifiez les droits du dossier, puis réessayez.
pop-hint-busy = Attendez la fin de l’autre téléchargement.
pop-summary = { $account } : { $downloaded ->
        [one] { $downloaded } téléchargé
       *[other] { $downloaded } téléchargés
    }, { $deleted ->
        [one] { $deleted } supprimé
       *[other] { $deleted } supprimés
    } du serveur, { $kept ->
        [one] { $kept } laissé
       *[other] { $kept } laissés
    } sur le serveur.
pop-progress = Téléchargement de { $done } sur { $total }
pop-no-uidl-note = Ce serveur ne sait pas distinguer ses messages (pas d’UIDL) : chaque message est téléchargé, puis supprimé du serveur.
pop-no-password = Aucun mot de passe sur l’entrée standard.

## Sizes and dates (format-): see src/i18n/format.rs
format-decimal-separator = ,
format-size-bytes = { $count ->
        [one] { $count } octet
       *[other] { $count } octets
    }
format-size-kb = { $size } ko
format-size-mb = { $size } Mo
format-size-gb = { $size } Go
format-size-tb = { $size } To
format-month = { $month ->
        [1] janv.
        [2] févr.
        [3] mars
        [4] avr.
        [5] mai
        [6] juin
        [7] juil.
        [8] août
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] déc.
    }
format-time = { $hours }:{ $minutes }
format-date-yesterday = Hier
format-date-day-month = { $day } { $month }
format-date-year = { $day } { $month } { $year }
format-date-time = { $date }, { $time }

## Command-line help of the local mail commands (list, show, reindex)
cli-about-list = Lister les messages d’un dossier (ou y chercher, ou lister les dossiers)
cli-arg-list-account = L’adresse du compte ; nécessaire seulement si plusieurs comptes ont du courrier local
cli-arg-list-folder = Le dossier à lister, comme INBOX, Sent ou Archive/2024
cli-arg-list-limit = Nombre de messages à afficher
cli-arg-list-offset = Nombre de messages à sauter d’abord (pour paginer)
cli-arg-list-sort = Critère de tri
cli-arg-list-reverse = Inverser l’ordre (d’habitude du plus récent au plus ancien par date, de A à Z par expéditeur ou objet)
cli-arg-list-search = Seulement les messages contenant ces mots (débuts de mots ; from:, to:, subject: et body: limitent un mot à un champ). Les plus récents d’abord
cli-arg-list-all_folders = Avec --search : chercher dans tous les dossiers, pas seulement --folder
cli-arg-list-folders = Lister les dossiers avec leur nombre de messages au lieu des messages
cli-arg-list-json = Afficher du JSON pour les scripts
cli-about-show = Afficher un message : ses en-têtes et son texte, ou avec --raw ses octets exacts
cli-arg-show-id = L’identifiant du message, tel que « pillarbox list » l’affiche
cli-arg-show-account = L’adresse du compte ; nécessaire seulement si plusieurs comptes ont du courrier local
cli-arg-show-raw = Afficher le message enregistré exactement tel qu’il a été reçu, octet par octet
cli-about-reindex = Mettre l’index des messages en accord avec les dossiers Maildir sur le disque
cli-arg-reindex-account = Seulement ce compte (par défaut : tous les comptes ayant du courrier local)

## Logging (log-)
log-file-error = Impossible d’écrire le journal dans { $path } : { $detail }. Pillarbox continue sans lui.

## Sending: compose, outbox, SMTP
send-reply-attribution = Le { $date }, { $name } a écrit :
send-forward-header = ---------- Message transféré ----------
    De : { $from }
    Date : { $date }
    Objet : { $subject }
    À : { $to }
send-error-auth = Le serveur d’envoi a refusé votre nom d’utilisateur ou votre mot de passe ({ $detail }). Vérifiez le mot de passe ; les comptes BT avec validation en deux étapes ont besoin d’un mot de passe d’application. Votre message reste dans la boîte d’envoi.
send-error-recipient = Le serveur ne distribuera pas le message à { $recipient } ({ $detail }). Vérifiez l’adresse, puis renvoyez-le depuis la boîte d’envoi.
send-error-sender = Le serveur n’accepte pas de courrier provenant de votre adresse ({ $detail }). Vérifiez l’adresse e-mail du compte.
send-error-message = Le serveur a refusé le message ({ $detail }). Il est peut-être trop volumineux ; retirez des pièces jointes et renvoyez-le.
send-error-certificate = Le certificat du serveur d’envoi a été refusé ({ $detail }). Vérifiez le nom du serveur dans les réglages du compte.
send-error-temporary = Le message n’a pas pu être envoyé pour l’instant ({ $detail }). Il reste dans la boîte d’envoi et sera renvoyé automatiquement.
send-error-folder = La copie dans vos dossiers de courrier n’a pas pu être enregistrée ({ $detail }). Le message est conservé et l’enregistrement sera retenté.
send-state-queued = en attente
send-state-sending = envoi en cours
send-state-sent = envoyé
send-state-failed = échec
send-state-retrying = nouvel essai prévu
send-cli-queued = Mis en file d’attente : { $id }
send-cli-flushed = Envoyés : { $sent }, à réessayer : { $deferred }, en échec : { $failed }, restant dans la boîte d’envoi : { $remaining }
send-cli-outbox-empty = La boîte d’envoi est vide.
send-cli-outbox-failed = La boîte d’envoi n’a pas pu être lue ou écrite : { $detail }
send-cli-retried = { $count ->
        [one] { $count } message remis dans la file d’attente.
       *[other] { $count } messages remis dans la file d’attente.
    }
send-cli-read-failed = { $path } n’a pas pu être lu : { $detail }
send-cli-no-account = Aucun compte { $email } n’est configuré. `pillarbox account list` affiche les comptes.
send-cli-which-account = Il y a plusieurs comptes : indiquez lequel avec --account.
send-cli-busy = Un autre Pillarbox est en train d’envoyer cette boîte d’envoi ; il enverra ces messages.
cli-about-send = Rédiger un message et l’envoyer (via la boîte d’envoi)
cli-arg-send-account = Le compte d’envoi (son adresse e-mail) ; le seul compte s’il est omis
cli-arg-send-to = Un destinataire ("Nom <a@b>" ou a@b) ; à répéter pour en ajouter
cli-arg-send-cc = Un destinataire en copie ; à répéter pour en ajouter
cli-arg-send-bcc = Un destinataire en copie cachée (jamais montré aux autres) ; à répéter pour en ajouter
cli-arg-send-subject = L’objet
cli-arg-send-body = Le texte du message (ou utilisez --body-file)
cli-arg-send-body_file = Un fichier contenant le texte du message
cli-arg-send-html_file = Un fichier contenant une version HTML du texte
cli-arg-send-attach = Un fichier à joindre ; à répéter pour en joindre plusieurs
cli-arg-send-queue_only = Seulement placer le message dans la boîte d’envoi ; un `outbox flush` ultérieur l’enverra
cli-about-outbox = Afficher la boîte d’envoi, envoyer ce qui y attend, ou réessayer les messages en échec
cli-arg-outbox-account = Le compte dont la boîte d’envoi est utilisée (son adresse e-mail)
cli-about-outbox-flush = Envoyer tout ce qui est prêt, sur une seule connexion
cli-arg-outbox-flush-account = Le compte dont la boîte d’envoi est envoyée (son adresse e-mail) ; tous les comptes s’il est omis
cli-arg-outbox-flush-now = Envoyer aussi les messages qui attendent l’heure de leur nouvel essai
cli-about-outbox-retry = Remettre les messages en échec dans la file d’attente
cli-arg-outbox-retry-account = Le compte dont les messages en échec sont réessayés (son adresse e-mail)

## IMAP sync (sync-)
sync-error-network = Impossible de joindre le serveur de courrier : { $detail }. Vérifiez votre connexion à Internet ; Pillarbox réessaiera.
sync-error-login = { $server } a refusé le mot de passe de { $user }. Vérifiez le mot de passe ; si votre compte utilise la validation en deux étapes, créez un mot de passe d’application et utilisez-le.
sync-error-timeout = { $server } a cessé de répondre pendant { $step }. Pillarbox réessaiera ; si cela se reproduit, vérifiez votre connexion.
sync-error-lost = La connexion à { $server } a été perdue pendant { $step }. Pillarbox réessaiera.
sync-error-disk = Le courrier n’a pas pu être enregistré dans { $path } : { $detail }. Vérifiez qu’il reste de la place sur le disque et que le dossier est accessible en écriture.
sync-error-other = La synchronisation a échoué : { $detail }
sync-folder-line = { $folder } : { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }, { $added ->
        [one] { $added } nouveau
       *[other] { $added } nouveaux
    }, { $removed ->
        [one] { $removed } supprimé
       *[other] { $removed } supprimés
    }, { $flags ->
        [one] { $flags } changement d’indicateur
       *[other] { $flags } changements d’indicateurs
    }
sync-folder-unchanged = { $folder } : { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }, inchangé
sync-folder-added = Nouveau dossier : { $folder }
sync-folder-removed = Dossier supprimé : { $folder }
sync-folder-renamed = Dossier renommé : { $from } → { $to }
sync-replayed = { $count ->
        [one] { $count } modification locale envoyée au serveur
       *[other] { $count } modifications locales envoyées au serveur
    }
sync-summary = { $folders ->
        [one] { $folders } dossier synchronisé
       *[other] { $folders } dossiers synchronisés
    } : { $added ->
        [one] { $added } nouveau message
       *[other] { $added } nouveaux messages
    }, { $bytes } téléchargés, en { $secs } s
sync-progress = { $folder } : { $done }/{ $total }
sync-not-imap = { $account } est un compte POP3 ; cette commande synchronise les comptes IMAP.
sync-no-any-account = Aucun compte n’est configuré. Ajoutez-en un avec « pillarbox account add ».
sync-no-account = Aucun compte IMAP n’est configuré. Ajoutez-en un avec « pillarbox account add ».
sync-unknown-account = Il n’existe aucun compte { $account }.
mailops-done = Terminé : { $message }
mailops-queued = Enregistré ici ; le serveur sera mis à jour à la prochaine synchronisation ({ $detail }).
mailops-bad-flag = Changement d’indicateur inconnu « { $flag } » : utilisez +seen, -seen, +flagged ou -flagged.

## Command-line help of the IMAP commands (sync, flag, move, delete)
cli-about-sync = Relever le courrier : synchroniser les comptes IMAP avec le cache local, télécharger les comptes POP3
cli-arg-sync-account = Relever seulement pour ce compte (son adresse e-mail)
cli-arg-sync-folder = Synchroniser seulement ce dossier (comptes IMAP)
cli-about-flag = Marquer un message comme lu ou non lu, suivi ou non (changements comme +seen -seen +flagged -flagged)
cli-arg-flag-id = Le message, sous la forme DOSSIER:UID (voir « pillarbox list »)
cli-arg-flag-changes = Les changements : +seen, -seen, +flagged, -flagged
cli-arg-flag-account = Le compte auquel appartient le message (son adresse e-mail)
cli-about-move = Déplacer un message vers un autre dossier
cli-arg-move-id = Le message, sous la forme DOSSIER:UID (voir « pillarbox list »)
cli-arg-move-folder = Le dossier de destination
cli-arg-move-account = Le compte auquel appartient le message (son adresse e-mail)
cli-about-delete = Supprimer un message (dans la corbeille, ou définitivement s’il y est déjà)
cli-arg-delete-id = Le message, sous la forme DOSSIER:UID (voir « pillarbox list »)
cli-arg-delete-account = Le compte auquel appartient le message (son adresse e-mail)

## Main window (mailbox-, reader-, composer-, status-)
cli-arg-demo = Ouvrir la fenêtre sur N messages inventés (300 par défaut) dans un dossier temporaire, sans réseau
mailbox-title-unread = Pillarbox – { $count ->
        [one] 1 message non lu
       *[other] { $count } messages non lus
    }
mailbox-window-failed = La fenêtre n’a pas pu s’ouvrir : { $error }
mailbox-demo-failed = La boîte de démonstration n’a pas pu être créée : { $error }
mailbox-new = Nouveau
mailbox-add-account = Ajouter un compte
mailbox-delete = Supprimer
mailbox-read-unread = Lu/non lu
mailbox-flag = Suivre
mailbox-archive = Archiver
mailbox-move-to = Déplacer vers…
mailbox-moved = { $count ->
        [one] 1 message déplacé vers { $folder }.
       *[other] { $count } messages déplacés vers { $folder }.
    }
mailbox-threads = Conversations
# How many messages a thread row of the list stands for.
mailbox-thread-count = { $count }
mailbox-sort-date = Date
mailbox-sort-sender = Expéditeur
mailbox-sort-subject = Objet
mailbox-empty = Aucun message ici.
mailbox-no-subject = (sans objet)
mailbox-search-placeholder = Rechercher dans tout le courrier (touche /)
mailbox-search-clear = Effacer
mailbox-deleted = { $count ->
        [one] 1 message déplacé dans la corbeille.
       *[other] { $count } messages déplacés dans la corbeille.
    }
mailbox-folder-inbox = Boîte de réception
mailbox-all-inboxes = Toutes les boîtes de réception
mailbox-folder-drafts = Brouillons
mailbox-folder-sent = Envoyés
mailbox-folder-archive = Archives
mailbox-folder-junk = Indésirables
mailbox-folder-trash = Corbeille
mailbox-help-title = Raccourcis clavier
mailbox-help-new = Écrire un nouveau message
mailbox-help-reply = Répondre
mailbox-help-reply-all = Répondre à tous
mailbox-help-forward = Transférer
mailbox-help-delete = Mettre à la corbeille
mailbox-help-archive = Déplacer dans les archives
mailbox-help-read = Marquer comme lu ou non lu
mailbox-help-flag = Suivre ou ne plus suivre
mailbox-help-next = Message suivant
mailbox-help-previous = Message précédent
mailbox-help-search = Rechercher
mailbox-help-sync = Relever le courrier maintenant
mailbox-help-help = Afficher ou masquer cette aide
layout-save-failed = Impossible de mémoriser la taille des panneaux : { $error }
mailbox-help-close = Fermer

## Clavier : la table des raccourcis (aide, infobulles) et le sélecteur de dossier
keys-move-to = Déplacer vers un dossier…
keys-select-all = Sélectionner tous les messages
keys-open-attachment = Ouvrir la première pièce jointe
keys-next-folder = Dossier suivant
keys-previous-folder = Dossier précédent
keys-inbox = Aller à la boîte de réception (toutes les boîtes)
keys-go-to-folder = Aller à un dossier…
keys-settings = Paramètres
keys-narrow-list = Rétrécir la liste des messages
keys-widen-list = Élargir la liste des messages
keys-close = Fermer l’aide, un sélecteur ou les paramètres
keys-send = Envoyer
keys-save-draft = Enregistrer comme brouillon
keys-attach = Joindre des fichiers…
keys-close-composer = Fermer le message (demande s’il n’est pas enregistré)
keys-group-messages = Messages
keys-group-navigation = Navigation
keys-group-composer = Rédaction
keys-group-view = Taille du texte
keys-zoom-in = Texte plus grand
keys-zoom-out = Texte plus petit
keys-zoom-reset = Taille du texte du système
keys-ctrl = Ctrl
keys-shift = Maj
keys-delete = Suppr
keys-enter = Entrée
keys-escape = Échap
keys-tooltip = { $action } ({ $keys })
keys-picker-placeholder = Tapez pour filtrer les dossiers
keys-picker-none = Aucun dossier ne correspond
keys-picker-hint = ↑ ↓ pour choisir, Entrée pour valider, Échap pour fermer
keys-picker-in = { $folder } — { $account }
reader-nothing = Sélectionnez un message pour le lire.
reader-missing = Ce message n’est plus dans le stockage local.
reader-reply = Répondre
reader-reply-all = Répondre à tous
reader-forward = Transférer
reader-from = De
reader-to = À
reader-cc = Cc
reader-date = Date
reader-attachments = Pièces jointes
reader-save = Enregistrer
reader-saved = Enregistré sous { $path }
reader-save-failed = Impossible d’enregistrer la pièce jointe : { $error }
reader-save-as = Enregistrer sous…
reader-save-as-title = Enregistrer la pièce jointe
reader-saved-no-dialog = Aucune boîte de dialogue de fichiers n’est disponible ici : la pièce jointe a été enregistrée dans votre dossier Téléchargements sous { $path }
reader-open = Ouvrir
reader-opened = Copie ouverte depuis { $path }
reader-open-failed = Impossible d’ouvrir la pièce jointe : { $error }
reader-open-risky = Cette pièce jointe pourrait lancer un programme : elle n’est donc pas ouverte. Enregistrez-la et ouvrez-la vous-même si vous faites confiance à l’expéditeur.
notify-one = { $sender } — { $subject }
notify-many = { $count ->
        [one] 1 nouveau message
       *[other] { $count } nouveaux messages
    }
notify-latest = Le plus récent vient de { $sender }.
notify-account = Pour { $account }
reader-unreadable = Le message n’a pas pu être lu.
reader-no-downloads = Il n’y a ni dossier Téléchargements ni dossier personnel où enregistrer.
reader-unnamed = (sans nom)
reader-links = Les liens de ce message mènent à :
reader-thread = { $count ->
        [one] { $count } message dans cette conversation
       *[other] { $count } messages dans cette conversation
    }
composer-to = À
composer-from = De
composer-cc = Cc
composer-bcc = Cci
composer-subject = Objet
composer-send = Envoyer
composer-save-draft = Enregistrer le brouillon
composer-close = Fermer
composer-discard = Abandonner
composer-keep-editing = Continuer la rédaction
composer-unsaved = Ce message contient des modifications non enregistrées.
composer-attach = Joindre
composer-attach-placeholder = Chemin d’un fichier à joindre
composer-no-such-file = Il n’y a aucun fichier à l’emplacement « { $path } ».
composer-attach-failed = Impossible de lire { $path } : { $error }
composer-browse = Joindre…
composer-attach-title = Choisir les fichiers à joindre
composer-no-dialog = Aucune boîte de dialogue de fichiers n’est disponible ici : saisissez le chemin du fichier ou déposez-le sur la fenêtre.
composer-remove = Retirer
composer-drop-hint = Vous pouvez aussi déposer des fichiers sur cette fenêtre pour les joindre.
composer-no-recipients = Ajoutez au moins un destinataire.
composer-bad-address = « { $address } » n’est pas une adresse e-mail.
composer-quote-intro = Le { $date }, { $sender } a écrit :
composer-forward-header = ---------- Message transféré ----------
composer-draft-saved = Brouillon enregistré.
composer-queued = Le message est dans la boîte d’envoi.
status-offline = hors ligne
status-online = en ligne
status-syncing = synchronisation { $done } sur { $total }
status-error = erreur : { $message }
status-retry = Réessayer
status-no-engine = la synchronisation n’est pas disponible dans cette version
status-no-engine-hint = Tout votre courrier local est ici ; le nouveau courrier arrivera une fois la synchronisation installée.
mailbox-settings = Réglages
settings-title = Réglages
settings-display-name = Votre nom
settings-interval = Relever le courrier toutes les (minutes)
settings-leave-on-server = Laisser une copie des messages sur le serveur (POP3)
settings-theme = Thème
settings-theme-system = Comme le système
settings-theme-light = Clair
settings-theme-dark = Sombre
settings-language = Langue
settings-language-system = Comme le système
settings-text-size = Taille du texte
settings-text-size-system = Comme le système ({ $percent } %)
settings-text-size-percent = { $percent } %
settings-notifications = Afficher une notification à l’arrivée de nouveau courrier
settings-save = Enregistrer
settings-close = Fermer
settings-saved = Réglages enregistrés.
settings-accounts = Comptes
settings-editing = Réglages de { $account }
settings-account-edit = Modifier
settings-account-remove = Supprimer
settings-remove-confirm = Supprimer { $account } de Pillarbox ? Son mot de passe enregistré sera aussi effacé.
settings-remove-kept = Le courrier téléchargé reste sur cet ordinateur dans { $path }, sauf si vous cochez la case ci-dessous.
settings-remove-delete-mail = Effacer aussi le courrier téléchargé
settings-remove-yes = Supprimer le compte
settings-remove-no = Le garder
settings-removed-kept = { $account } a été supprimé. Son courrier téléchargé est toujours dans { $path }.
settings-removed-deleted = { $account } et son courrier téléchargé ont été supprimés.
settings-remove-files-failed = Impossible d’effacer { $path } : { $error }
settings-bad-interval = L’intervalle de relève doit être un nombre de minutes entre 1 et 1440.
settings-no-home = Il n’y a aucun dossier de réglages où enregistrer.
cli-not-mailto = « { $link } » n’est ni un lien mailto:, ni un fichier de message, ni une commande. Lancez « pillarbox --help » pour voir les commandes.
cli-about-open = Ouvrir un message enregistré (fichier .eml) dans une fenêtre, en lecture seule
cli-arg-open-file = Le fichier du message
eml-error-read = Impossible de lire le fichier de message { $file } : { $detail }
eml-error-empty = Le fichier de message { $file } est vide.
eml-error-too-large = Le fichier { $file } est trop volumineux pour être un e-mail.
eml-error-not-message = Le fichier { $file } n’est pas un e-mail (il n’a aucun en-tête de courrier comme From, Date ou Subject).
viewer-title = { $subject } – Pillarbox

## Main window worker (wire)
wire-sent = { $count ->
    [one] 1 message envoyé
   *[other] { $count } messages envoyés
}
wire-send-failed = L’envoi a échoué : { $detail }
wire-queue-failed = Le message n’a pas pu être placé dans la boîte d’envoi : { $detail }
wire-error-internal = Un problème est survenu en arrière-plan : { $detail }
wire-hint-retry = Pillarbox réessaiera ; cliquez sur Réessayer pour réessayer tout de suite.
wire-hint-settings = Vérifiez les réglages et le mot de passe du compte, puis cliquez sur Réessayer.
