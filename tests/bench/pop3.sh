#!/usr/bin/env bash
# POP3 download-and-delete benchmark: getmail6 against Pillarbox, same lab, same mail.
#
#   tests/bench/pop3.sh [COUNT] [WORKDIR]     (default 10000 messages, /tmp/pillarbox-bench-pop3)
#
# Starts a private lab (tests/lab/lab.sh), seeds COUNT realistic messages, lets getmail6
# (as an unprivileged user: it refuses to deliver as root) download and delete them into a
# Maildir, reseeds the same messages, and does the same with Pillarbox's release build.
# Then a Pillarbox run of COUNT/10 messages shows whether memory grows with the count.
# Prints wall times, peak RSS and the ratio Pillarbox/getmail (target: <= 0.5).
# Both tools fsync every message before it is deleted. Must run as root (the lab).
# Not part of the test suite.
set -euo pipefail

COUNT=${1:-10000}
WORK=${2:-/tmp/pillarbox-bench-pop3}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
LAB="$REPO/tests/lab/lab.sh"
SEED=42
CLIENT_USER=pbbench
USER_ADDR=bench-pop3@btinternet.com

[ "$(id -u)" = 0 ] || { echo "run as root (the lab's servers need it)" >&2; exit 1; }
command -v getmail >/dev/null || { echo "getmail6 is needed: apt-get install getmail6" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }
id "$CLIENT_USER" >/dev/null 2>&1 || useradd -M -s /usr/sbin/nologin "$CLIENT_USER"

# PILLARBOX_BIN=path uses an existing binary (e.g. a debug build) instead of building.
if [ -n "${PILLARBOX_BIN:-}" ]; then
    PB=$PILLARBOX_BIN
else
    echo "building Pillarbox (release)..." >&2
    (cd "$REPO" && cargo build --release --bin pillarbox >&2)
    PB="$REPO/target/release/pillarbox"
fi

rm -rf "$WORK"
mkdir -p "$WORK"
chmod 0755 "$WORK"
trap '"$LAB" stop "$WORK/lab" >/dev/null 2>&1 || true' EXIT
"$LAB" start "$WORK/lab" >/dev/null
# shellcheck disable=SC1091
. "$WORK/lab/lab.env"
SERVER_MAILDIR=$("$LAB" maildir "$WORK/lab" "$USER_ADDR" INBOX)

seed() {
    "$LAB" seed "$WORK/lab" "$USER_ADDR" INBOX "$1" "$SEED" >/dev/null
    local n
    n=$(find "$SERVER_MAILDIR/new" "$SERVER_MAILDIR/cur" -type f | wc -l)
    [ "$n" = "$1" ] || { echo "seeding gave $n messages, not $1" >&2; exit 1; }
}
server_count() { find "$SERVER_MAILDIR/new" "$SERVER_MAILDIR/cur" -type f | wc -l; }
local_count() { find "$1/new" "$1/cur" -type f | wc -l; }
# Runs a command under GNU time; prints "seconds peak_kb".
timed() {
    local out="$WORK/time.$$"
    /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null
    tail -n 1 "$out"
}

# ---- getmail6
echo "seeding $COUNT messages..." >&2
seed "$COUNT"
GM="$WORK/getmail"
mkdir -p "$GM/state" "$GM/Maildir/new" "$GM/Maildir/cur" "$GM/Maildir/tmp"
cp "$CA_FILE" "$GM/ca.crt"
cat >"$GM/getmailrc" <<RC
[retriever]
type = SimplePOP3SSLRetriever
server = localhost
port = $POP3S_PORT
username = $USER_ADDR
password = $LAB_PASSWORD
ca_certs = $GM/ca.crt

[destination]
type = Maildir
path = $GM/Maildir/

[options]
delete = true
read_all = true
verbose = 0
message_log_syslog = false
RC
chown -R "$CLIENT_USER" "$GM"
echo "getmail6: download and delete..." >&2
# getmail6 forks a child per delivery and reaps it from a SIGCHLD handler; on a loaded
# machine that races and the process can hang for good. A watchdog stops it after 60 s
# without progress; the result is then marked and its rate extrapolated to COUNT.
GM_HUNG=0
/usr/bin/time -f "%e %M" -o "$WORK/time.getmail" \
    runuser -u "$CLIENT_USER" -- getmail --getmaildir="$GM/state" --rcfile="$GM/getmailrc" >/dev/null &
GM_PID=$!
GM_START=$(date +%s.%N); last=-1; last_change=$(date +%s); last_progress_at=$GM_START
while kill -0 "$GM_PID" 2>/dev/null; do
    sleep 2
    n=$(local_count "$GM/Maildir")
    if [ "$n" != "$last" ]; then last=$n; last_change=$(date +%s); last_progress_at=$(date +%s.%N); fi
    if [ $(( $(date +%s) - last_change )) -ge 60 ]; then
        GM_HUNG=1
        pkill -KILL -u "$CLIENT_USER" -f "getmail --getmaildir=$GM/state" || true
        break
    fi
done
wait "$GM_PID" 2>/dev/null || true
GM_LOCAL=$(local_count "$GM/Maildir")
GM_LEFT=$(server_count)
if [ "$GM_HUNG" = 1 ]; then
    # Seconds until its last delivery, scaled to COUNT messages.
    GM_SECS=$(echo "scale=2; ($last_progress_at - $GM_START) * $COUNT / $GM_LOCAL" | bc -l)
    # GNU time puts "Command terminated by signal" first; the figures are the last line.
    GM_KB=$(tail -n 1 "$WORK/time.getmail" | awk '{print $2}')
    [ -n "$GM_KB" ] || GM_KB=0
    echo "getmail6 hung after $GM_LOCAL messages; its time is extrapolated from its rate" >&2
    GM_LEFT="killed"
    doveadm -c "$DOVECOT_CONF" expunge -u "$USER_ADDR" mailbox INBOX all
else
    read -r GM_SECS GM_KB < <(tail -n 1 "$WORK/time.getmail")
fi

# ---- Pillarbox
echo "reseeding $COUNT messages..." >&2
seed "$COUNT"
PBHOME="$WORK/pillarbox"
echo "$LAB_PASSWORD" >"$WORK/password"
echo "Pillarbox: download and delete..." >&2
read -r PB_SECS PB_KB < <(timed env PILLARBOX_HOME="$PBHOME" "$PB" pop3-sync --email "$USER_ADDR" \
    --host localhost --port "$POP3S_PORT" --ca-file "$CA_FILE" <"$WORK/password")
PB_LOCAL=$(local_count "$PBHOME/data/mail/$USER_ADDR/INBOX")
PB_LEFT=$(server_count)

# ---- Pillarbox with a tenth of the messages: memory must not depend on the count.
SMALL=$(( COUNT / 10 ))
seed "$SMALL"
read -r PBS_SECS PBS_KB < <(timed env PILLARBOX_HOME="$WORK/pillarbox-small" "$PB" pop3-sync \
    --email "$USER_ADDR" --host localhost --port "$POP3S_PORT" --ca-file "$CA_FILE" <"$WORK/password")

echo
printf '%-34s %10s %12s %10s %12s\n' "tool" "messages" "wall (s)" "peak MB" "left on server"
GM_NAME="getmail6 $(getmail --version 2>&1 | awk '{print $2}')"
[ "$GM_HUNG" = 1 ] && GM_NAME="$GM_NAME (hung; extrapolated)"
printf '%-34s %10s %12s %10.1f %12s\n' "$GM_NAME" "$GM_LOCAL" "$GM_SECS" "$(echo "$GM_KB/1024" | bc -l)" "$GM_LEFT"
printf '%-34s %10s %12s %10.1f %12s\n' "pillarbox ($(basename "$(dirname "$PB")"))" "$PB_LOCAL" "$PB_SECS" "$(echo "$PB_KB/1024" | bc -l)" "$PB_LEFT"
printf '%-34s %10s %12s %10.1f %12s\n' "pillarbox, $SMALL messages" "$SMALL" "$PBS_SECS" "$(echo "$PBS_KB/1024" | bc -l)" "-"
echo
echo "time ratio pillarbox/getmail6: $(echo "scale=3; $PB_SECS / $GM_SECS" | bc -l) (target <= 0.5)"
echo "memory pillarbox $COUNT vs $SMALL messages: $(echo "scale=1; $PB_KB/1024" | bc -l) MB vs $(echo "scale=1; $PBS_KB/1024" | bc -l) MB"
ok=1
[ "$PB_LOCAL" = "$COUNT" ] && [ "$PB_LEFT" = 0 ] || { echo "Pillarbox did not move all $COUNT messages" >&2; ok=0; }
[ "$GM_HUNG" = 1 ] || { [ "$GM_LOCAL" = "$COUNT" ] && [ "$GM_LEFT" = 0 ]; } || { echo "getmail6 did not move all $COUNT messages" >&2; ok=0; }
[ $ok = 1 ]
