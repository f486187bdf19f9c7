#!/usr/bin/env bash
# How long does it take to learn whether an account works?
#
# Pillarbox: `pillarbox account check ADDR` (IMAP and SMTP checked at the same time, every step
# including the login, then a clean logout/QUIT; the time includes starting the program, reading
# the config and running the password command).
# Reference: curl, the usual scripted check, once per server, one after the other and both at
# once: `curl imaps://HOST:PORT/` (login, LIST, logout) and `curl smtps://HOST:PORT -X NOOP`
# (EHLO, AUTH, NOOP, QUIT), each trusting the lab's CA.
#
#   tests/bench/check.sh [RUNS]      (default 20; run as root: the lab starts its own servers)
#   PILLARBOX_BIN=target/debug/pillarbox tests/bench/check.sh   to skip the release build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-20}
cd "$ROOT"

if [ -z "${PILLARBOX_BIN:-}" ]; then
  cargo build --release --quiet
  PILLARBOX_BIN=$ROOT/target/release/pillarbox
fi

LAB=$(mktemp -d /tmp/pillarbox-bench-check.XXXXXX)
HOME_DIR=$(mktemp -d /tmp/pillarbox-bench-home.XXXXXX)
cleanup() {
  bash tests/lab/lab.sh stop "$LAB" >/dev/null 2>&1 || true
  rm -rf "$LAB" "$HOME_DIR"
}
trap cleanup EXIT

eval "$(bash tests/lab/lab.sh start "$LAB" | grep -E '^[A-Z_0-9]+=')"
USER_ADDR=bench-check@btinternet.com

export PILLARBOX_HOME=$HOME_DIR
"$PILLARBOX_BIN" --lang en-GB account add --email "$USER_ADDR" \
  --imap "localhost:$IMAPS_PORT" --smtp "localhost:$SMTPS_PORT" --ca-file "$CA_FILE" \
  --password-command "printf '%s' '$LAB_PASSWORD'" >/dev/null

pillarbox_check() { "$PILLARBOX_BIN" --lang en-GB account check "$USER_ADDR" >/dev/null; }
curl_imap() {
  curl -sS --max-time 30 --cacert "$CA_FILE" -u "$USER_ADDR:$LAB_PASSWORD" \
    "imaps://localhost:$IMAPS_PORT/" >/dev/null
}
curl_smtp() {
  curl -sS --max-time 30 --cacert "$CA_FILE" -u "$USER_ADDR:$LAB_PASSWORD" \
    "smtps://localhost:$SMTPS_PORT" -X NOOP >/dev/null
}
curl_sequential() { curl_imap && curl_smtp; }
curl_parallel() {
  curl_imap & local imap=$!
  curl_smtp & local smtp=$!
  wait "$imap" && wait "$smtp"
}

# Median wall time of RUNS runs of a function, in milliseconds; fails if any run fails.
median_ms() {
  local fn=$1 i start end
  local times=()
  "$fn" # warm-up (page cache, first login creates the mailbox)
  for i in $(seq 1 "$RUNS"); do
    start=$(date +%s%N)
    "$fn" || { echo "$fn failed on run $i" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

pb=$(median_ms pillarbox_check)
seq_ms=$(median_ms curl_sequential)
par_ms=$(median_ms curl_parallel)

echo "account check, IMAP + SMTP with login, median of $RUNS runs (binary: $PILLARBOX_BIN)"
printf '  pillarbox account check     %8s ms\n' "$pb"
printf '  curl imaps + smtps, serial  %8s ms   ratio %s\n' "$seq_ms" "$(awk "BEGIN {printf \"%.2f\", $pb / $seq_ms}")"
printf '  curl imaps + smtps, at once %8s ms   ratio %s\n' "$par_ms" "$(awk "BEGIN {printf \"%.2f\", $pb / $par_ms}")"
echo "  (ratio = pillarbox / curl; below 1 means Pillarbox is faster)"
