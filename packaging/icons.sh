#!/usr/bin/env bash
# Makes every icon file the app and its installers use from assets/icons/jobs-console.svg:
#   src/main/resources/com/jobsconsole/icons/jobs-console-N.png  the window's icons (16 … 256 px)
#   packaging/linux/jobs-console.png                              the .deb/.rpm menu entry (512 px)
#   packaging/windows/jobs-console.ico                            the .exe and .msi (16 … 256 px)
#   packaging/macos/jobs-console.icns                             the .app and .dmg (16 … 1024 px)
# The outputs are committed, so a build needs none of this; run it again after changing the SVG.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg=$here/../assets/icons/jobs-console.svg
res=$here/../src/main/resources/com/jobsconsole/icons
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$res" "$here/linux" "$here/windows" "$here/macos"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w $size -h $size "$svg" -o "$work/$size.png"
done
for size in 16 24 32 48 64 128 256; do
  cp "$work/$size.png" "$res/jobs-console-$size.png"
done
cp "$work/512.png" "$here/linux/jobs-console.png"
python3 - "$work" "$here/windows/jobs-console.ico" "$here/macos/jobs-console.icns" <<'PY'
import struct, sys
work, ico, icns = sys.argv[1:4]
def png(size):
    with open(f"{work}/{size}.png", "rb") as f:
        return f.read()
# ICO with PNG entries (Windows Vista and later): a header, a directory, the images
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
out = struct.pack("<HHH", 0, 1, len(sizes))
for s, data in zip(sizes, images):
    out += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open(ico, "wb") as f:
    f.write(out + b"".join(images))
# ICNS with PNG chunks: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024
chunks = b""
for kind, s in [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
                (b"ic09", 512), (b"ic10", 1024)]:
    data = png(s)
    chunks += kind + struct.pack(">I", 8 + len(data)) + data
with open(icns, "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
ls -la "$res" "$here/linux/jobs-console.png" "$here/windows/jobs-console.ico" "$here/macos/jobs-console.icns"
