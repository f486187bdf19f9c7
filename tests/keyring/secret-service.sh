#!/usr/bin/env bash
# Manual check of the real OS keyring path on Linux (not part of the test suite: it needs
# gnome-keyring and dbus-run-session, which a headless CI box does not have).
#   apt-get install --no-install-recommends gnome-keyring dbus
#   cargo build && bash tests/keyring/secret-service.sh
# Runs a private session bus with an unlocked GNOME Keyring, adds an account with its password
# in the keyring, checks no file under PILLARBOX_HOME holds the password, removes it again.
set -euo pipefail
bin="${PILLARBOX_BIN:-$(dirname "$0")/../../target/debug/pillarbox}"
bin="$(realpath "$bin")"
home="$(mktemp -d)"
keyrings="$(mktemp -d)" # a fresh keyring collection, not the user's own
trap 'rm -rf "$home" "$keyrings"' EXIT

inner() {
    export XDG_DATA_HOME="$keyrings"
    echo -n "session-unlock" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    sleep 1
    export PILLARBOX_HOME="$home"
    local pw="real-keyring-$RANDOM-$RANDOM"
    echo "$pw" | "$bin" --lang en-GB account add --email keyring-check@btinternet.com --password-stdin
    if grep -rq -- "$pw" "$home"; then
        echo "FAIL: the password was written under PILLARBOX_HOME" >&2
        exit 1
    fi
    out="$("$bin" --lang en-GB account remove keyring-check@btinternet.com)"
    echo "$out"
    grep -q "Its password was deleted from the keyring." <<<"$out" || {
        echo "FAIL: the keyring did not hold the password" >&2
        exit 1
    }
    echo "OK: stored in and deleted from the Secret Service; nothing on disk"
}
export -f inner
export bin home keyrings
dbus-run-session -- bash -c inner
