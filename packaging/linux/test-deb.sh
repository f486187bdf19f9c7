#!/usr/bin/env bash
# Builds the .deb (or takes one as $1), unpacks it into a scratch root and checks what a
# user's machine would get: the files, the desktop entry, the AppStream data, and that
# the installed binary starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
deb=${1:-$(packaging/linux/build-deb.sh)}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }

dpkg-deb -I "$deb" >"$root/control.txt"
grep -q "^ Package: pillarbox$" "$root/control.txt" || fail "package name"
grep -q "^ Version: $(cargo pkgid | sed 's/.*[#@]//')$" "$root/control.txt" || fail "version"
grep -q "^ Depends: .*libxkbcommon-x11-0" "$root/control.txt" || fail "Depends lacks the X11 keyboard library"
dpkg-deb -x "$deb" "$root/fs"

app=$root/fs/usr/share/applications/org.pillarbox.Pillarbox.desktop
for f in usr/bin/pillarbox usr/share/applications/org.pillarbox.Pillarbox.desktop \
  usr/share/metainfo/org.pillarbox.Pillarbox.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/pillarbox.svg; do
  [ -e "$root/fs/$f" ] || fail "missing $f"
done
for size in 16 32 48 64 128 256 512; do
  [ -e "$root/fs/usr/share/icons/hicolor/${size}x${size}/apps/pillarbox.png" ] || fail "missing ${size}px icon"
done
[ ! -e "$root/fs/usr/share/applications/pillarbox.desktop" ] || fail "a second desktop entry"

desktop-file-validate "$app" || fail "desktop-file-validate"
grep -q "^MimeType=.*x-scheme-handler/mailto;" "$app" || fail "mailto handler"
grep -q "^MimeType=.*message/rfc822;" "$app" || fail "message/rfc822 (.eml) handler"
grep -q "^StartupWMClass=org.pillarbox.Pillarbox$" "$app" || fail "StartupWMClass"
grep -q "^Exec=pillarbox %u$" "$app" || fail "Exec"
appstreamcli validate --no-net "$root/fs/usr/share/metainfo/org.pillarbox.Pillarbox.metainfo.xml" \
  || fail "appstream"

version=$("$root/fs/usr/bin/pillarbox" --version) || fail "the installed binary does not start"
[[ $version == "pillarbox "* ]] || fail "unexpected --version output: $version"
if file "$root/fs/usr/bin/pillarbox" | grep -q "not stripped"; then fail "binary not stripped"; fi
echo "test-deb: OK: $(basename "$deb") ($(du -h "$deb" | cut -f1)), $version"
