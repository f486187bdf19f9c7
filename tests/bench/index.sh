#!/usr/bin/env bash
# Envelope index benchmark: Pillarbox against notmuch on the same generated Maildir.
#
#   tests/bench/index.sh [COUNT] [WORKDIR]      (default 100000 messages, /tmp/pillarbox-bench)
#   PROFILE=dev tests/bench/index.sh ...        dev build (SQLite and mail-parser are optimised
#                                               there too; the rest of Pillarbox is not)
#   REUSE=1 ...                                 keep WORKDIR/inprocess.tsv from an earlier run
#
# 1. The Rust bench (tests/bench/index.rs) generates the Maildir, builds Pillarbox's index
#    from scratch and times count / pages / search-as-you-type in process.
# 2. The same operations through each tool's command line (process start included):
#    `pillarbox list` and `notmuch count/search`, after `notmuch new` indexes the same files.
# Prints one table with both and the ratio notmuch/pillarbox (above 1: Pillarbox faster).
# Needs notmuch (Debian package `notmuch`). Not part of the test suite.
set -euo pipefail

COUNT=${1:-100000}
WORK=${2:-/tmp/pillarbox-bench}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"

command -v notmuch >/dev/null || { echo "notmuch is needed: apt-get install notmuch" >&2; exit 1; }

PROFILE=${PROFILE:-release}
echo "building ($PROFILE)..." >&2
if [ "$PROFILE" = dev ]; then
    cargo build --benches --bench index --bin pillarbox >&2
    OUT="$REPO/target/debug"
else
    cargo bench --no-run --bench index >&2
    cargo build --release --bin pillarbox >&2
    OUT="$REPO/target/release"
fi
PB="$OUT/pillarbox"
BENCH=$(ls -t "$OUT"/deps/index-* | grep -v '\.d$' | head -1)

mkdir -p "$WORK"
INPROC="$WORK/inprocess.tsv"
if [ "${REUSE:-0}" != 1 ] || [ ! -s "$INPROC" ]; then
    "$BENCH" --bench --dir "$WORK" --count "$COUNT" > "$INPROC"
fi

HOME_DIR="$WORK/home"
MAILDIR="$HOME_DIR/data/mail/bench@btinternet.com"
export PILLARBOX_HOME="$HOME_DIR"
export NOTMUCH_CONFIG="$WORK/notmuch-config"
cat > "$NOTMUCH_CONFIG" <<EOF
[database]
path=$MAILDIR
[user]
name=Bench
primary_email=bench@btinternet.com
[new]
tags=unread;inbox;
ignore=tmp;
[search]
exclude_tags=
[maildir]
synchronize_flags=true
EOF
rm -rf "$MAILDIR/.notmuch"

now_ms() { date +%s%N; }
# Median wall time in ms of running "$@" N times (output discarded).
median_ms() {
    local runs=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        local t0; t0=$(now_ms)
        "$@" > /dev/null
        local t1; t1=$(now_ms)
        times+=( $(( (t1 - t0) / 1000 )) )
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1000}'
}

echo "notmuch new (indexing $COUNT messages)..." >&2
t0=$(now_ms); notmuch new --quiet; t1=$(now_ms)
NM_BUILD=$(awk -v d=$(( (t1 - t0) / 1000 )) 'BEGIN {printf "%.3f", d/1000}')

DEEP=$(( COUNT * 9 / 10 - 50 ))
declare -A PB_CLI NM_CLI
PB_CLI[count]=$(median_ms 5 "$PB" list --folders)
NM_CLI[count]=$(median_ms 5 notmuch count folder:INBOX)
PB_CLI[page_first]=$(median_ms 5 "$PB" list --limit 50)
NM_CLI[page_first]=$(median_ms 5 notmuch search --output=messages --sort=newest-first --limit=50 folder:INBOX)
PB_CLI[page_deep]=$(median_ms 5 "$PB" list --limit 50 --offset "$DEEP")
NM_CLI[page_deep]=$(median_ms 5 notmuch search --output=messages --sort=newest-first --offset="$DEEP" --limit=50 folder:INBOX)

# The as-you-type sequence; notmuch gets the same words as wildcard terms.
QUERIES=("m" "me" "mee" "meet" "meeting" "meeting c" "meeting ca" "meeting cardiff" "r" "re" "ref" "ref4242" "from:s" "from:si" "from:sian")
pb_search_total=0; nm_search_total=0; pb_worst=0; nm_worst=0
SEARCH_ROWS=""
for q in "${QUERIES[@]}"; do
    nmq=""
    for w in $q; do nmq="$nmq ${w}*"; done
    p=$(median_ms 3 "$PB" list --limit 50 --search "$q")
    n=$(median_ms 3 notmuch search --output=messages --sort=newest-first --limit=50 $nmq)
    SEARCH_ROWS+="$q\t$p\t$n\n"
    pb_search_total=$(awk -v a="$pb_search_total" -v b="$p" 'BEGIN {print a+b}')
    nm_search_total=$(awk -v a="$nm_search_total" -v b="$n" 'BEGIN {print a+b}')
    pb_worst=$(awk -v a="$pb_worst" -v b="$p" 'BEGIN {print (b>a)?b:a}')
    nm_worst=$(awk -v a="$nm_worst" -v b="$n" 'BEGIN {print (b>a)?b:a}')
done

inproc() { awk -F'\t' -v k="$1" '$1==k {print $2}' "$INPROC"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1fx", b/a; else print "-" }'; }

echo
echo "Envelope index benchmark: $COUNT messages, $PROFILE build, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), times in ms"
echo
printf '%-28s %14s %14s %14s %10s\n' "operation" "pb in-process" "pb command" "notmuch cmd" "nm/pb cmd"
row() { printf '%-28s %14s %14s %14s %10s\n' "$1" "$2" "$3" "$4" "$(ratio "$3" "$4")"; }
row "build index from Maildir" "$(inproc index_build)" "$(inproc index_build)" "$NM_BUILD"
row "count (+unread)" "$(inproc count)" "${PB_CLI[count]}" "${NM_CLI[count]}"
row "first page (50)" "$(inproc page_first)" "${PB_CLI[page_first]}" "${NM_CLI[page_first]}"
row "page at 90% (50)" "$(inproc page_deep)" "${PB_CLI[page_deep]}" "${NM_CLI[page_deep]}"
row "search as you type: worst" "$(inproc search_worst)" "$pb_worst" "$nm_worst"
n=${#QUERIES[@]}
row "search as you type: mean" "$(inproc search_mean)" \
    "$(awk -v t="$pb_search_total" -v n="$n" 'BEGIN {printf "%.3f", t/n}')" \
    "$(awk -v t="$nm_search_total" -v n="$n" 'BEGIN {printf "%.3f", t/n}')"
echo
echo "in process only:"
for k in open unread_count folders page_deep_cold page_last page_deep_by_from page_deep_by_subject refresh_nochange reindex_nochange set_flags_each; do
    printf '  %-26s %10s\n' "$k" "$(inproc "$k")"
done
echo
echo "per query (command line, ms): query / pillarbox / notmuch"
printf "$SEARCH_ROWS" | awk -F'\t' '{printf "  %-18s %10s %10s\n", $1, $2, $3}'
