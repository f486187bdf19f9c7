#!/usr/bin/env bash
# IMAP sync benchmark: mbsync (isync) against `pillarbox sync`, same lab, same mailbox, one run.
#
#   tests/bench/imap.sh            (as root: the lab's servers need it)
#   N=10000 SEED=42 tests/bench/imap.sh
#
# Starts a private lab (tests/lab/lab.sh), seeds N realistic messages (tests/lab/seed.py),
# then measures with /usr/bin/time: first sync with each tool, then a no-change re-sync with
# each (best of 10, timed to the microsecond), and prints wall time, peak RSS and the ratios Pillarbox/mbsync. Pillarbox's
# copy is checked against the seed manifest (every message, byte for byte).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-10000}
SEED=${SEED:-42}
RESYNC_RUNS=${RESYNC_RUNS:-10}
command -v mbsync >/dev/null || { echo "imap.sh: mbsync (package isync) is missing" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "imap.sh: /usr/bin/time (package time) is missing" >&2; exit 1; }

WORK=$(mktemp -d /tmp/pillarbox-bench-imap.XXXXXX)
# The servers' users (vmail, postfix) must reach into the lab below it.
chmod 0755 "$WORK"
LAB=$WORK/lab
cleanup() {
  "$ROOT/tests/lab/lab.sh" stop "$LAB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building pillarbox (release)"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml" --bin pillarbox
PB=${CARGO_TARGET_DIR:-$ROOT/target}/release/pillarbox

echo "== starting the lab"
LAB_ENV=$("$ROOT/tests/lab/lab.sh" start "$LAB") || { echo "imap.sh: the lab did not start" >&2; exit 1; }
eval "$(grep -E '^[A-Z_]+=' <<<"$LAB_ENV")"
USER_ADDR=bench@btinternet.com
HOME_DIR=$MAIL_ROOT/$USER_ADDR
MAILDIR=$HOME_DIR/Maildir
for d in "$HOME_DIR" "$MAILDIR" "$MAILDIR/cur" "$MAILDIR/new" "$MAILDIR/tmp"; do
  mkdir -p "$d" && chown vmail:vmail "$d" && chmod 0700 "$d"
done

echo "== seeding $N messages (seed $SEED)"
python3 "$ROOT/tests/lab/seed.py" --maildir "$MAILDIR" --n "$N" --seed "$SEED" \
  --owner vmail --manifest "$WORK/manifest.jsonl" >/dev/null
doveadm -c "$DOVECOT_CONF" index -u "$USER_ADDR" INBOX
# Same start for both tools: the server's files in the page cache.
cat "$MAILDIR"/cur/* "$MAILDIR"/new/* >/dev/null 2>&1 || true
echo "   $(du -sh "$MAILDIR" | cut -f1) on the server"

# mbsync: pull-only mirror of every folder.
mkdir -p "$WORK/mbsync"
cat >"$WORK/mbsyncrc" <<CONF
IMAPAccount lab
Host localhost
Port $IMAPS_PORT
User $USER_ADDR
Pass $LAB_PASSWORD
SSLType IMAPS
CertificateFile $CA_FILE

IMAPStore lab-far
Account lab

MaildirStore lab-near
Path $WORK/mbsync/
Inbox $WORK/mbsync/INBOX
SubFolders Verbatim

Channel lab
Far :lab-far:
Near :lab-near:
Patterns *
Create Near
Sync Pull
SyncState *
CONF

# Pillarbox: its own home with one IMAP account; the password comes from a command.
export PILLARBOX_HOME=$WORK/pillarbox
mkdir -p "$PILLARBOX_HOME/config"
cat >"$PILLARBOX_HOME/config/config.toml" <<CONF
version = 1

[[accounts]]
email = "$USER_ADDR"
display_name = "Bench"
protocol = "imap"
ca_file = "$CA_FILE"
password_command = "printf %s $LAB_PASSWORD"

[accounts.incoming]
host = "localhost"
port = $IMAPS_PORT
security = "tls"
auth = "plain"
username = "$USER_ADDR"
CONF

# measure LABEL CMD... -> "secs kb" in $WORK/LABEL.time; output in $WORK/LABEL.out
measure() {
  local label=$1
  shift
  local start end
  # Wall time from the clock in nanoseconds (GNU time's %e has 10 ms steps, as long as a
  # whole no-change re-sync); peak RSS from GNU time.
  start=$(date +%s%N)
  if ! /usr/bin/time -f "%M" -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>&1; then
    echo "imap.sh: $label failed:" >&2
    cat "$WORK/$label.out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.4f", ns / 1e9 }') $(tail -n 1 "$WORK/$label.time")"
}
best_of() {
  local label=$1 best="" line
  shift
  for i in $(seq 1 "$RESYNC_RUNS"); do
    line=$(measure "$label-$i" "$@")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best=$line
    fi
  done
  echo "$best"
}

echo "== first sync"
MB_FIRST=$(measure mbsync-first mbsync -c "$WORK/mbsyncrc" -a)
echo "   mbsync:    $MB_FIRST (s, KB)"
PB_FIRST=$(measure pillarbox-first "$PB" sync)
echo "   pillarbox: $PB_FIRST (s, KB)"
tail -n 1 "$WORK/pillarbox-first.out" | sed 's/^/   /'

echo "== checking Pillarbox's copy against the manifest"
python3 - "$WORK/manifest.jsonl" "$PILLARBOX_HOME" "$USER_ADDR" <<'PY'
import hashlib, json, os, sys
manifest, home, user = sys.argv[1:]
want = sorted(json.loads(l)["sha256"] for l in open(manifest) if l.strip())
inbox = os.path.join(home, "data", "mail", user, "INBOX")
got = []
for sub in ("cur", "new"):
    d = os.path.join(inbox, sub)
    for name in os.listdir(d):
        got.append(hashlib.sha256(open(os.path.join(d, name), "rb").read()).hexdigest())
got.sort()
if got != want:
    sys.exit(f"MISMATCH: {len(got)} cached, {len(want)} seeded, {len(set(want) - set(got))} missing")
print(f"   OK: {len(got)} messages, byte-identical")
PY

echo "== no-change re-sync (best of $RESYNC_RUNS)"
MB_RESYNC=$(best_of mbsync-resync mbsync -c "$WORK/mbsyncrc" -a)
echo "   mbsync:    $MB_RESYNC (s, KB)"
PB_RESYNC=$(best_of pillarbox-resync "$PB" sync)
echo "   pillarbox: $PB_RESYNC (s, KB)"

echo
python3 - "$N" "$MB_FIRST" "$PB_FIRST" "$MB_RESYNC" "$PB_RESYNC" <<'PY'
import sys
n = sys.argv[1]
mf, pf, mr, pr = ([float(x) for x in a.split()] for a in sys.argv[2:])
print(f"{'IMAP, ' + n + ' messages':<28}{'mbsync':>12}{'pillarbox':>12}{'ratio':>8}")
for name, m, p in (("first sync, wall s", mf[0], pf[0]), ("first sync, peak RSS MB", mf[1] / 1024, pf[1] / 1024),
                   ("re-sync, wall s", mr[0], pr[0]), ("re-sync, peak RSS MB", mr[1] / 1024, pr[1] / 1024)):
    print(f"{name:<28}{m:>12.3f}{p:>12.3f}{(p / m if m else float('nan')):>8.2f}")
print("targets: first sync <= 0.8x, re-sync <= 0.5x")
PY
