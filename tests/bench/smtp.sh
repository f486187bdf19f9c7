#!/usr/bin/env bash
# Sending benchmark: N messages through the lab's real Postfix (implicit TLS) with msmtp (one
# process per message, as scripts and cron jobs use it) and with Pillarbox's outbox (one queue,
# one flush, one SMTP session), in one run on the same lab. Prints messages/second and ratios,
# after checking that every message arrived in the recipient's mailbox.
#
#   tests/bench/smtp.sh [N]        (default 1000; needs root for the lab, msmtp installed)
#   PILLARBOX_BIN=path tests/bench/smtp.sh   to time another build (default: the release build)
set -euo pipefail

N=${1:-1000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${PILLARBOX_BIN:-$ROOT/target/release/pillarbox}
WORK=$(mktemp -d /tmp/pillarbox-bench-smtp.XXXXXX)
chmod 755 "$WORK"
LAB=$WORK/lab

command -v msmtp >/dev/null || { echo "msmtp is missing: apt-get install msmtp" >&2; exit 1; }
if [ -z "${PILLARBOX_BIN:-}" ] && { [ ! -x "$BIN" ] || [ -n "$(find "$ROOT/src" -newer "$BIN" -name '*.rs' | head -1)" ]; }; then
  echo "[bench] building the release binary" >&2
  (cd "$ROOT" && cargo build --release --bin pillarbox >&2)
fi

cleanup() { "$ROOT/tests/lab/lab.sh" stop "$LAB" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "[bench] starting the lab" >&2
"$ROOT/tests/lab/lab.sh" start "$LAB" >"$WORK/lab.out"
# shellcheck disable=SC1091
. "$LAB/lab.env"

now() { date +%s.%N; }
count() { find "$MAIL_ROOT/$1/Maildir/new" "$MAIL_ROOT/$1/Maildir/cur" -type f 2>/dev/null | wc -l; }
wait_for() { # user n
  local i
  for i in $(seq 1 1200); do
    [ "$(count "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "[bench] $1 has $(count "$1") of $2 messages after 120 s" >&2
  exit 1
}

text() { # i
  for _ in $(seq 1 40); do printf 'The quick brown fox jumps over the lazy dog, message %s.\r\n' "$1"; done
}
eml() { # i from to
  printf 'From: Bench <%s>\r\nTo: <%s>\r\nSubject: bench message %s\r\nMessage-ID: <bench-%s-%s>\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' \
    "$2" "$3" "$1" "$1" "$2" "$(date -R)"
  cat "$WORK/msgs/$1.txt"
}

# ---------- msmtp: one process per message ----------
M_FROM=bench-msmtp@btinternet.com M_TO=bench-msmtp-rcpt@btopenworld.com
cat >"$WORK/msmtprc" <<EOF
defaults
tls on
tls_starttls off
tls_trust_file $CA_FILE
account lab
host localhost
port $SMTPS_PORT
auth plain
user $M_FROM
password $LAB_PASSWORD
from $M_FROM
account default : lab
EOF
chmod 600 "$WORK/msmtprc"
mkdir -p "$WORK/msgs"
for i in $(seq 1 "$N"); do text "$i" >"$WORK/msgs/$i.txt"; eml "$i" "$M_FROM" "$M_TO" >"$WORK/msgs/$i.eml"; done
echo "[bench] msmtp: $N messages" >&2
t0=$(now)
for i in $(seq 1 "$N"); do msmtp -C "$WORK/msmtprc" "$M_TO" <"$WORK/msgs/$i.eml"; done
t1=$(now)
wait_for "$M_TO" "$N"

# ---------- Pillarbox: queue N, then one flush ----------
P_FROM=bench-pillarbox@btinternet.com P_TO=bench-pillarbox-rcpt@btopenworld.com
HOME_P=$WORK/home
mkdir -p "$HOME_P/config"
write_config() { # from saves_sent
  cat >"$HOME_P/config/config.toml" <<EOF
version = 1
[[accounts]]
email = "$1"
display_name = "Bench"
protocol = "imap"
ca_file = "$CA_FILE"
password_command = "printf '%s' '$LAB_PASSWORD'"
server_saves_sent = $2
[accounts.incoming]
host = "localhost"
port = $IMAPS_PORT
username = "$1"
[accounts.outgoing]
host = "localhost"
port = $SMTPS_PORT
username = "$1"
EOF
}
write_config "$P_FROM" true
echo "[bench] pillarbox: queueing $N messages (one process each)" >&2
q0=$(now)
for i in $(seq 1 "$N"); do
  PILLARBOX_HOME=$HOME_P "$BIN" send --queue-only --to "$P_TO" --subject "bench message $i" \
    --body-file "$WORK/msgs/$i.txt" >/dev/null
done
q1=$(now)
echo "[bench] pillarbox: flushing the outbox" >&2
f0=$(now)
PILLARBOX_HOME=$HOME_P "$BIN" outbox flush >/dev/null
f1=$(now)
wait_for "$P_TO" "$N"

# ---------- Pillarbox with an IMAP Sent copy of each message (what a user's send does) ----------
S_FROM=bench-sentcopy@btinternet.com S_TO=bench-sentcopy-rcpt@btopenworld.com
rm -rf "$HOME_P"; mkdir -p "$HOME_P/config"
write_config "$S_FROM" false
for i in $(seq 1 "$N"); do
  PILLARBOX_HOME=$HOME_P "$BIN" send --queue-only --to "$S_TO" --subject "bench message $i" \
    --body-file "$WORK/msgs/$i.txt" >/dev/null
done
s0=$(now)
PILLARBOX_HOME=$HOME_P "$BIN" outbox flush >/dev/null
s1=$(now)
wait_for "$S_TO" "$N"
SENT_COPIES=$(find "$MAIL_ROOT/$S_FROM/Maildir/.Sent" -type f -path '*/cur/*' -o -type f -path '*/new/*' 2>/dev/null | grep -c '/.Sent/' || true)

python3 - "$N" "$t0" "$t1" "$q0" "$q1" "$f0" "$f1" "$s0" "$s1" "$SENT_COPIES" "$BIN" <<'EOF'
import sys
n = int(sys.argv[1])
t0, t1, q0, q1, f0, f1, s0, s1 = map(float, sys.argv[2:10])
copies = int(sys.argv[10])
msmtp = n / (t1 - t0)
flush = n / (f1 - f0)
queue = n / (q1 - q0)
e2e = n / ((q1 - q0) + (f1 - f0))
sent = n / (s1 - s0)
print(f"messages: {n} (all delivered, checked in each recipient's server Maildir); pillarbox binary: {sys.argv[11]}")
print(f"msmtp, one process per message:        {msmtp:8.1f} msg/s  ({t1 - t0:.2f} s)")
print(f"pillarbox outbox flush, one session:   {flush:8.1f} msg/s  ({f1 - f0:.2f} s)   ratio {flush / msmtp:.2f}x msmtp")
print(f"pillarbox queueing, one process each:  {queue:8.1f} msg/s  ({q1 - q0:.2f} s)")
print(f"pillarbox queue + flush end to end:    {e2e:8.1f} msg/s                ratio {e2e / msmtp:.2f}x msmtp")
print(f"pillarbox flush + IMAP Sent copies:    {sent:8.1f} msg/s  ({s1 - s0:.2f} s)   ratio {sent / msmtp:.2f}x msmtp, {copies} Sent copies")
EOF
