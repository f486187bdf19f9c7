#!/usr/bin/env bash
# Builds the Debian package. cargo-bundle makes the .deb (stripped release binary, hicolor
# icons); we then put in our own desktop entry (Email category, the mailto
# handler, StartupWMClass = the app id), the AppStream metadata and the scalable icon,
# which cargo-bundle has no settings for. Prints the path of the .deb.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if ! command -v cargo-bundle >/dev/null; then
  echo "build-deb: installing cargo-bundle (about 10 minutes, once)" >&2
  cargo install cargo-bundle --locked >&2
fi
cargo bundle --release --format deb >&2
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/root"
root="$work/root"
rm -f "$root/usr/share/applications/pillarbox.desktop"
install -Dm644 packaging/linux/org.pillarbox.Pillarbox.desktop \
  "$root/usr/share/applications/org.pillarbox.Pillarbox.desktop"
install -Dm644 packaging/linux/org.pillarbox.Pillarbox.metainfo.xml \
  "$root/usr/share/metainfo/org.pillarbox.Pillarbox.metainfo.xml"
install -Dm644 assets/icons/pillarbox.svg "$root/usr/share/icons/hicolor/scalable/apps/pillarbox.svg"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
dpkg-deb --root-owner-group --build "$root" "$deb" >&2
echo "$deb"
