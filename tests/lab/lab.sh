#!/usr/bin/env bash
# The Pillarbox test lab: a real Dovecot (IMAP, POP3, LMTP, SASL auth) and a separate real
# Postfix instance (SMTP submission), all on loopback, all state under one directory, so that
# several labs (parallel test runs, a benchmark) can run side by side.
#
#   lab.sh start DIR [IMAPS POP3S SMTPS IMAP POP3 SUBMISSION]   ports default to free ones
#   lab.sh stop DIR
#   lab.sh start-dovecot|stop-dovecot|start-postfix|stop-postfix DIR   (fault injection)
#   lab.sh env DIR                                               print the lab's KEY=VALUE lines
#   lab.sh seed DIR USER FOLDER N SEED [seed.py options...]      generated mail, indexed
#   lab.sh maildir DIR USER [FOLDER]                              print a folder's server Maildir
#
# Any address at btinternet.com, btopenworld.com or talk21.com logs in with the one lab password
# ($LAB_PASSWORD, default "pillarbox-lab-pw"). Mail for other domains is discarded, never relayed.
# SMTP refuses recipients named reject-*@ (550) and defers defer-*@ (450); senders reject-*@ (550).
# Must run as root (the servers drop privileges themselves); the mail user is "vmail".
set -euo pipefail

die() { echo "lab.sh: $*" >&2; exit 1; }
usage() { sed -n '6,12p' "$0" >&2; exit 2; }

[ $# -ge 2 ] || usage
CMD=$1 DIR=$2
shift 2
[ "$(id -u)" = 0 ] || die "must run as root (Dovecot and Postfix start as root and drop privileges)"

DOMAINS="btinternet.com btopenworld.com talk21.com"

# N distinct free TCP ports on loopback, chosen by the kernel (all bound at once so they differ).
free_ports() {
  python3 -c 'import socket,sys
socks=[socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1",0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

# The tail of every log the lab writes, for failures.
log_tail() {
  local f
  for f in "$DIR"/log/*.log; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 25 "$f" >&2
  done
}

pid_alive() { [ -s "$1" ] && kill -0 "$(tr -d ' \n' <"$1")" 2>/dev/null; }

# Stops a daemon by its pid file (never by process name: other labs may be running).
stop_pidfile() {
  local name=$1 file=$2 pid i
  [ -s "$file" ] || return 0
  pid=$(tr -d ' \n' <"$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "lab.sh: $name (pid $pid) ignored TERM, killing" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# Waits until every given [HOST:]PORT (host 127.0.0.1 by default) accepts a connection.
wait_ports() {
  local spec host port i
  for spec in "$@"; do
    host=127.0.0.1 port=$spec
    case $spec in *:*) host=${spec%:*} port=${spec##*:} ;; esac
    for i in $(seq 1 200); do
      if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then continue 2; fi
      sleep 0.05
    done
    log_tail
    die "nothing is listening on $host:$port after 10 s"
  done
}

load_env() {
  [ -s "$DIR/lab.env" ] || die "$DIR/lab.env is missing: was the lab started with 'lab.sh start $DIR'?"
  # shellcheck disable=SC1091
  . "$DIR/lab.env"
}

check_tools() {
  local missing="" t
  for t in dovecot doveadm postfix postconf openssl python3; do
    command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
  done
  [ -z "$missing" ] || die "missing programs:$missing. Run tests/run as root: it installs dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix openssl python3"
  for t in imap pop3 lmtp; do
    [ -x "/usr/lib/dovecot/$t" ] || die "/usr/lib/dovecot/$t is missing: install dovecot-${t}d (tests/run does it)"
  done
  getent passwd vmail >/dev/null || die "the mail user 'vmail' does not exist. Run tests/run as root (it creates it), or: groupadd -r vmail && useradd -r -g vmail -s /usr/sbin/nologin vmail"
  getent passwd postfix >/dev/null || die "the 'postfix' user is missing: reinstall the postfix package"
}

# P-256 keys: generated in milliseconds where RSA takes seconds on a busy machine.
make_tls() {
  local T=$DIR/tls
  mkdir -p "$T"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj "/CN=Pillarbox Lab Throwaway CA" \
    -keyout "$T/ca.key" -out "$T/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    >"$T/openssl.log" 2>&1 || { cat "$T/openssl.log" >&2; die "openssl could not make the lab CA"; }
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=mail.btinternet.com" \
    -keyout "$T/server.key" -out "$T/server.csr" >>"$T/openssl.log" 2>&1
  printf '%s\n' 'subjectAltName=DNS:mail.btinternet.com,DNS:localhost,IP:127.0.0.1,IP:127.0.0.2,IP:::1' \
    'basicConstraints=CA:FALSE' 'keyUsage=digitalSignature,keyEncipherment' \
    'extendedKeyUsage=serverAuth' >"$T/server.ext"
  openssl x509 -req -in "$T/server.csr" -CA "$T/ca.crt" -CAkey "$T/ca.key" -CAcreateserial \
    -days 30 -sha256 -extfile "$T/server.ext" -out "$T/server.crt" >>"$T/openssl.log" 2>&1 \
    || { cat "$T/openssl.log" >&2; die "openssl could not sign the lab server certificate"; }
  chmod 0644 "$T/ca.crt" "$T/server.crt"
  # Dovecot reads keys as root before dropping privileges; Postfix's smtpd reads them as root too.
  chmod 0600 "$T/ca.key" "$T/server.key"
}

# Whether "localhost" resolves to ::1 here: then the servers listen there too, so that clients
# that try ::1 first still connect.
localhost_has_ipv6() { getent ahosts localhost | grep -q '^::1'; }

write_dovecot_conf() {
  local listen=127.0.0.1
  if localhost_has_ipv6; then listen="127.0.0.1, ::1"; fi
  # Passwords are looked up by the address's domain: every lab domain has the one lab password,
  # any other domain is an unknown user.
  : >"$DIR/passdb"
  local d
  for d in $DOMAINS; do echo "$d:{PLAIN}$LAB_PASSWORD" >>"$DIR/passdb"; done
  chown root:dovecot "$DIR/passdb"
  chmod 0640 "$DIR/passdb"
  cat >"$DIR/dovecot.conf" <<CONF
# Pillarbox test lab: self-contained, reads nothing from /etc/dovecot.
instance_name = $INSTANCE-dovecot
base_dir = $DIR/run/dovecot
state_dir = $DIR/state/dovecot
protocols = imap pop3 lmtp
listen = $listen
log_path = $DIR/log/dovecot.log
info_log_path = $DIR/log/dovecot.log
ssl = required
ssl_cert = <$DIR/tls/server.crt
ssl_key = <$DIR/tls/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_username_format = %Lu
# Tests provoke wrong passwords on purpose; a real server's 2 s penalty would only slow them down.
auth_failure_delay = 0
first_valid_uid = 100
mail_location = maildir:~/Maildir
mail_privileged_group = vmail
pop3_uidl_format = %08Xu%08Xv
mail_max_userip_connections = 200
# IDLE hears of mail written straight into a Maildir (lab.seed) within a second even where
# inotify is missing (some sandboxes); a real server would poll every 30 s.
mailbox_idle_check_interval = 1 secs
default_process_limit = 200
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%d $DIR/passdb
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$DIR/mail/%u allow_all_users=yes
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = $STARTTLS_HOST
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = $STARTTLS_HOST
    port = $POP3_PORT
  }
  inet_listener pop3s {
    port = $POP3S_PORT
    ssl = yes
  }
}
service lmtp {
  unix_listener $DIR/run/dovecot-lmtp {
    mode = 0660
    user = postfix
    group = postfix
  }
}
service auth {
  unix_listener $DIR/run/dovecot-auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
protocol lmtp {
  postmaster_address = postmaster@btinternet.com
}
CONF
}

write_postfix_conf() {
  local P=$DIR/postfix
  mkdir -p "$P"
  local dom_re
  dom_re=$(echo "$DOMAINS" | sed 's/\./\\./g; s/ /|/g')
  echo "/@($dom_re)\$/ OK" >"$P/vmailbox.regexp"
  # Addresses that make the server refuse, for tests of SMTP error handling.
  cat >"$P/recipient_access.regexp" <<'MAP'
/^reject-[^@]*@/ REJECT 5.1.1 lab: no such mailbox
/^defer-[^@]*@/ DEFER 4.2.0 lab: mailbox busy, try again later
MAP
  cat >"$P/sender_access.regexp" <<'MAP'
/^reject-[^@]*@/ REJECT 5.7.1 lab: this sender is not allowed
MAP
  cat >"$P/main.cf" <<CONF
# Pillarbox test lab: a separate Postfix instance (postfix -c $P).
compatibility_level = 3.6
queue_directory = $DIR/postfix-spool
data_directory = $DIR/postfix-data
daemon_directory = /usr/lib/postfix/sbin
command_directory = /usr/sbin
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
mail_owner = postfix
setgid_group = postdrop
syslog_name = $INSTANCE-postfix
maillog_file = $DIR/log/postfix.log
maillog_file_prefixes = $DIR/log
myhostname = mail.btinternet.com
mydomain = btinternet.com
myorigin = btinternet.com
mydestination =
mynetworks = 127.0.0.0/8 [::1]/128
inet_interfaces = loopback-only
inet_protocols = $(localhost_has_ipv6 && echo all || echo ipv4)
alias_maps =
alias_database =
local_recipient_maps =
relayhost =
# Nothing leaves loopback: mail for any domain but the lab's is discarded, never relayed.
default_transport = discard:lab-no-outbound
relay_transport = discard:lab-no-outbound
biff = no
virtual_mailbox_domains = $DOMAINS
virtual_mailbox_maps = regexp:$P/vmailbox.regexp
virtual_transport = lmtp:unix:$DIR/run/dovecot-lmtp
smtpd_banner = \$myhostname ESMTP Pillarbox lab
smtpd_tls_cert_file = $DIR/tls/server.crt
smtpd_tls_key_file = $DIR/tls/server.key
smtpd_tls_security_level = encrypt
smtpd_tls_auth_only = yes
smtpd_tls_loglevel = 0
smtpd_sasl_type = dovecot
smtpd_sasl_path = $DIR/run/dovecot-auth
smtpd_sasl_auth_enable = yes
smtpd_sasl_security_options = noanonymous
smtpd_relay_restrictions = permit_sasl_authenticated, reject
access_map_reject_code = 550
smtpd_sender_restrictions = check_sender_access regexp:$P/sender_access.regexp
smtpd_recipient_restrictions = check_recipient_access regexp:$P/recipient_access.regexp,
  permit_sasl_authenticated, reject
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_error_sleep_time = 0
message_size_limit = 104857600
lmtp_destination_concurrency_limit = 20
CONF
  # The distribution's master.cf without its port-25 listener and without chroot (the lab's
  # paths live outside any chroot), plus the lab's two submission listeners.
  sed -e '/^smtp[[:space:]]\+inet/d' -e '/^#/d' -e '/^[[:space:]]*$/d' /usr/share/postfix/master.cf.dist \
    | awk 'BEGIN{OFS="  "} /^[a-z]/ && NF>=8 {$5="n"} {print}' >"$P/master.cf"
  grep -q '^postlog' "$P/master.cf" \
    || echo 'postlog   unix-dgram n  -       n       -       1       postlogd' >>"$P/master.cf"
  local addr addrs=127.0.0.1
  if localhost_has_ipv6; then addrs="127.0.0.1 [::1]"; fi
  for addr in $addrs; do
    cat >>"$P/master.cf" <<CONF
$addr:$SMTPS_PORT inet n - n - - smtpd
  -o syslog_name=$INSTANCE-postfix/submissions
  -o smtpd_tls_wrappermode=yes
$addr:$SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=$INSTANCE-postfix/submission
CONF
  done
}

start_dovecot() {
  load_env
  pid_alive "$DIR/run/dovecot/master.pid" && return 0
  dovecot -c "$DIR/dovecot.conf" </dev/null >>"$DIR/log/start.log" 2>&1 \
    || { tail -n 20 "$DIR/log/start.log" >&2; log_tail; die "dovecot did not start"; }
  # Dovecot makes every client of an address that failed to log in wait 2, 4, 8 then 15 s
  # (its "auth penalty", kept by anvil per IP). All lab clients share 127.0.0.1 and tests fail
  # logins on purpose, so one test would slow down all the others past their timeouts. With
  # this socket gone before the auth process first starts, Dovecot turns the penalty off; it
  # has no setting for that. (auth_failure_delay above still adds up to 0.5 s per failure.)
  rm -f "$DIR/run/dovecot/anvil-auth-penalty"
  wait_ports "$IMAPS_PORT" "$POP3S_PORT" "$STARTTLS_HOST:$IMAP_PORT" "$STARTTLS_HOST:$POP3_PORT"
}

start_postfix() {
  load_env
  pid_alive "$DIR/postfix-spool/pid/master.pid" && return 0
  if ! postfix -c "$DIR/postfix" start </dev/null >>"$DIR/log/start.log" 2>&1; then
    # Postfix logs start-up errors to syslog only; "check" (slow, so only now) prints them.
    postfix -c "$DIR/postfix" check >>"$DIR/log/start.log" 2>&1 || true
    tail -n 20 "$DIR/log/start.log" >&2
    log_tail
    die "postfix did not start"
  fi
  wait_ports "$SMTPS_PORT" "$SUBMISSION_PORT"
}

stop_dovecot() { stop_pidfile dovecot "$DIR/run/dovecot/master.pid"; }
stop_postfix() { stop_pidfile postfix "$DIR/postfix-spool/pid/master.pid"; }

print_env() { load_env; cat "$DIR/lab.env"; }

# The server-side Maildir of a folder: INBOX is the root, A/B is the Maildir++ folder .A.B
# (ASCII names only here; the Rust harness also handles modified UTF-7).
maildir_of() {
  local user=$1 folder=${2:-INBOX} root
  root="$DIR/mail/$(echo "$user" | tr 'A-Z' 'a-z')/Maildir"
  if [ "$(echo "$folder" | tr 'a-z' 'A-Z')" = INBOX ]; then echo "$root"; else echo "$root/.${folder//\//.}"; fi
}

seed() {
  [ $# -ge 4 ] || usage
  load_env
  local user folder=$2 n=$3 seed=$4 maildir manifest
  user=$(echo "$1" | tr 'A-Z' 'a-z')
  shift 4
  maildir=$(maildir_of "$user" "$folder")
  manifest="$DIR/manifests/$user-${folder//\//.}-$seed-$n.jsonl"
  # The user's home and Maildir root must exist, owned by the mail user, before a subfolder.
  install -d -o vmail -g vmail -m 0700 "$DIR/mail/$user" "$(maildir_of "$user" INBOX)"
  python3 "$(dirname "$0")/seed.py" --maildir "$maildir" --n "$n" --seed "$seed" \
    --owner vmail --manifest "$manifest" "$@"
  # A big seed is indexed once now rather than on the first client's login.
  doveadm -c "$DIR/dovecot.conf" index -u "$user" "$folder"
  echo "MANIFEST=$manifest"
  echo "MAILDIR=$maildir"
}

case $CMD in
start)
  check_tools
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  # Already running: new ports would not match the running servers; describe the lab as it is.
  if pid_alive "$DIR/run/dovecot/master.pid" || pid_alive "$DIR/postfix-spool/pid/master.pid"; then
    [ $# -eq 0 ] || die "a lab is already running in $DIR: stop it before choosing ports"
    start_dovecot
    start_postfix
    cat "$DIR/lab.env"
    echo "LAB_READY=1"
    exit 0
  fi
  # A "stop" that comes while we start (the test process died meanwhile) waits for us.
  echo $$ >"$DIR/start.pid"
  trap 'rm -f "$DIR/start.pid"' EXIT
  # Dovecot's mail processes (vmail) and Postfix (postfix) must reach into DIR.
  chmod 0755 "$DIR"
  mkdir -p "$DIR"/{log,run,state,mail,postfix-data,postfix-spool,manifests}
  chmod 0755 "$DIR/run"
  chown postfix:postfix "$DIR/postfix-data"
  chown vmail:vmail "$DIR/mail"
  chmod 0770 "$DIR/mail"
  if command -v runuser >/dev/null && ! runuser -u vmail -- test -x "$DIR/mail"; then
    die "the mail user vmail cannot reach $DIR (a parent folder is private?): put the lab under /tmp (TMPDIR=/tmp)"
  fi
  if [ $# -ge 6 ]; then
    IMAPS_PORT=$1 POP3S_PORT=$2 SMTPS_PORT=$3 IMAP_PORT=$4 POP3_PORT=$5 SUBMISSION_PORT=$6
  elif [ $# -eq 0 ]; then
    read -r IMAPS_PORT POP3S_PORT SMTPS_PORT IMAP_PORT POP3_PORT SUBMISSION_PORT <<<"$(free_ports 6)"
  else
    usage
  fi
  LAB_PASSWORD=${LAB_PASSWORD:-pillarbox-lab-pw}
  # Plain IMAP/POP3 listen on a second loopback address: Dovecot treats a connection whose two
  # ends share an address as secure and would accept a login without STARTTLS; from
  # 127.0.0.1 to 127.0.0.2 it refuses one, as a real server does.
  STARTTLS_HOST=127.0.0.2
  # Unique per lab so that instances never collide in logs or process titles.
  INSTANCE=pblab$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)
  cat >"$DIR/lab.env" <<ENV
LAB_DIR=$DIR
LAB_HOST=localhost
LAB_PASSWORD=$LAB_PASSWORD
IMAPS_PORT=$IMAPS_PORT
POP3S_PORT=$POP3S_PORT
SMTPS_PORT=$SMTPS_PORT
STARTTLS_HOST=$STARTTLS_HOST
IMAP_PORT=$IMAP_PORT
POP3_PORT=$POP3_PORT
SUBMISSION_PORT=$SUBMISSION_PORT
CA_FILE=$DIR/tls/ca.crt
DOVECOT_CONF=$DIR/dovecot.conf
POSTFIX_CONF=$DIR/postfix
MAIL_ROOT=$DIR/mail
INSTANCE=$INSTANCE
ENV
  # Fresh keys at every start (they take milliseconds): an old folder may hold a certificate
  # made before the lab's names changed.
  make_tls
  write_dovecot_conf
  write_postfix_conf
  start_dovecot
  start_postfix
  cat "$DIR/lab.env"
  echo "LAB_READY=1"
  ;;
stop)
  [ -d "$DIR" ] || exit 0
  for _ in $(seq 1 600); do pid_alive "$DIR/start.pid" || break; sleep 0.05; done
  stop_postfix
  stop_dovecot
  ;;
start-dovecot) start_dovecot ;;
stop-dovecot) stop_dovecot ;;
start-postfix) start_postfix ;;
stop-postfix) stop_postfix ;;
env) print_env ;;
seed) seed "$@" ;;
maildir) [ $# -ge 1 ] || usage; maildir_of "$@" ;;
*) usage ;;
esac
