#!/usr/bin/env bash
# UI smoke test (manual / CI with Xvfb): starts the real binary on a 300-message demo
# store under Xvfb with the software renderer, screenshots the screen and fails when the
# picture is blank. SCREENSHOT=assets/screenshots/main-window.png refreshes the README's picture.
#   tests/ui-smoke.sh [path/to/pillarbox]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/pillarbox}
[ -x "$bin" ] || cargo build --quiet
display=:$((90 + RANDOM % 100))
work=$(mktemp -d)
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
cleanup() { kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
app=
trap cleanup EXIT
sleep 1
DISPLAY=$display ICED_BACKEND=tiny-skia WGPU_BACKEND=gl LANG=en_GB.UTF-8 \
    "$bin" --lang en-GB --demo 300 >"$work/app.log" 2>&1 &
app=$!
# Give the window time to map and draw its first frames.
for _ in $(seq 1 30); do
    sleep 1
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: pillarbox exited"; exit 1; }
    colours=$(DISPLAY=$display import -window root -depth 8 "$work/shot.png" 2>/dev/null \
        && identify -format '%k' "$work/shot.png" || echo 0)
    [ "${colours:-0}" -gt 50 ] && break
done
echo "distinct colours: $colours"
if [ "${colours:-0}" -le 50 ]; then
    cat "$work/app.log"
    echo "FAIL: the screenshot looks blank"
    exit 1
fi
# Select the newest message (j) so the reader shows in the picture too.
if command -v xdotool >/dev/null; then
    win=$(DISPLAY=$display xdotool search --pid "$app" 2>/dev/null | tail -1 || true)
    if [ -n "$win" ]; then
        DISPLAY=$display xdotool windowfocus --sync "$win" 2>/dev/null || true
        DISPLAY=$display xdotool mousemove 700 300 key j 2>/dev/null || true
    fi
fi
sleep 2
kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: pillarbox exited"; exit 1; }
DISPLAY=$display import -window root -depth 8 "$work/shot.png"
# The README's screenshot is refreshed only on request, so a test run leaves the tree clean.
out=${SCREENSHOT:-$work/main-window.png}
convert "$work/shot.png" -resize 1000x -colors 128 "$out"
echo "ok: the window drew ($colours colours); screenshot: $out"
