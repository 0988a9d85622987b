#!/usr/bin/env bash
# Checks the report as a person would see it: generates the Aktau -> Sumgait report on the bundled
# data with the bundled plan, renders it in headless Chromium and fails on a blank or broken page.
#
#   Tools/check_report.sh                  # output in .build/report-check/
#   REPORT_DIR=/tmp/r REPORT_AS_OF=2026-06-30 REPORT_WINDOW=1400,6000 Tools/check_report.sh
#   Tools/check_report.sh --update-docs    # also refresh docs/report.png (whole page; needs Pillow)
#
# Checks: the HTML and every standalone SVG are well-formed XML; the HTML holds the four sections
# (map, straight line diagrams, schedule, figures) and no script but the JSON data block (which
# parses); the screenshot is not one colour, has drawing on most of the page, and shows the blue
# relief shading of the map (an SVG that does not render leaves the page white). Installs the Debian package `chromium` if it is missing.
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=${REPORT_DIR:-$root/.build/report-check}
as_of=${REPORT_AS_OF:-2026-02-24}
window=${REPORT_WINDOW:-1400,4000}
update_docs=false
if [ "${1:-}" = "--update-docs" ]; then
  update_docs=true
  window=${REPORT_WINDOW:-1400,6400}
elif [ $# -gt 0 ]; then
  echo "usage: Tools/check_report.sh [--update-docs]" >&2
  exit 2
fi

fail() {
  echo "check_report: FAIL: $*" >&2
  exit 1
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "check_report: installing chromium (apt-get)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

swift build --product caspian-link
binary=$(swift build --show-bin-path)/caspian-link

rm -rf "$out"
mkdir -p "$out"
"$binary" report --html "$out/report.html" --svg "$out/svg" --from Aktau --to Sumgait --as-of "$as_of" \
  --geodata Geodata --plan Geodata/plan.yaml

# Well-formed XML, four sections, nothing executable or fetched.
python3 - "$out" <<'EOF' || fail "the HTML or an SVG is not what it should be"
import pathlib, sys, xml.dom.minidom
out = pathlib.Path(sys.argv[1])
files = [out / "report.html"] + sorted((out / "svg").glob("*.svg"))
assert len(files) >= 4, f"expected the page, the map, the Gantt chart and a diagram; got {len(files)} files"
for f in files:
    try:
        xml.dom.minidom.parse(str(f))
    except Exception as e:
        sys.exit(f"{f}: not well-formed XML: {e}")
html = (out / "report.html").read_text(encoding="utf-8")
for section in ["map", "straight-line-diagrams", "schedule", "figures"]:
    assert f'<section id="{section}">' in html, f"section {section} missing"
assert html.count("<svg ") >= 4, "fewer than four figures in the page"
# The one script element is the JSON data block of the report's numbers (data, never run).
import json, re
scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S | re.I)
assert [a for a, _ in scripts] == [' type="application/json" id="report-data"'], "the page holds a script"
json.loads(scripts[0][1])
assert "https://" not in html, "the page refers to the network"
print(f"check_report: {len(files)} files well-formed; four sections present")
EOF

png="$out/report.png"
timeout 180 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-dev-shm-usage \
  --screenshot="$png" --window-size="$window" "file://$out/report.html" 2>"$out/chromium.log" ||
  fail "chromium could not render the page (see $out/chromium.log)"
[ -s "$png" ] || fail "chromium wrote no screenshot"

# The screenshot, decoded with the standard library only (PNG: zlib and the five row filters).
python3 - "$png" <<'EOF' || fail "the screenshot looks blank or broken"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and colour in (2, 6), f"unexpected PNG format (depth {depth}, colour type {colour})"
bpp = 3 if colour == 2 else 4
raw = zlib.decompress(idat)
stride = width * bpp
previous = bytearray(stride)
colours, drawn, blue, rows_with_drawing = set(), 0, 0, 0
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    previous = line
    if y % 4: continue
    row_drawn = 0
    for x in range(0, width, 4):
        r, g, bl = line[x * bpp:x * bpp + 3]
        colours.add((r, g, bl))
        if (r, g, bl) != (255, 255, 255):
            row_drawn += 1
        if bl > r + 60 and bl > g + 10:
            blue += 1
    drawn += row_drawn
    rows_with_drawing += row_drawn > 0
samples = (height // 4 + (height % 4 > 0)) * (width // 4 + (width % 4 > 0))
print(f"check_report: screenshot {width}x{height}: {len(colours)} colours, "
      f"{100 * drawn / samples:.1f}% drawn, {100 * blue / samples:.1f}% relief blue, "
      f"{100 * rows_with_drawing / (height // 4 + 1):.0f}% of rows with drawing")
assert len(colours) >= 64, "almost no colours: a blank or broken page"
assert drawn / samples >= 0.05, "the page is nearly empty"
assert blue / samples >= 0.01, "no blue relief shading: the map did not render"
assert rows_with_drawing / (height // 4 + 1) >= 0.5, "most of the page is empty"
EOF

if $update_docs; then
  # The whole page, cropped to what is drawn, at 85 % in 256 colours: well under 1 MB.
  python3 - "$png" "$root/docs/report.png" <<'EOF'
import sys
from PIL import Image
page = Image.open(sys.argv[1]).convert("RGB")
left, top, right, bottom = Image.eval(page, lambda v: 255 - v).getbbox()
page = page.crop((max(left - 20, 0), 0, min(right + 20, page.width), min(bottom + 30, page.height)))
page = page.resize((int(page.width * 0.85), int(page.height * 0.85)), Image.LANCZOS)
page.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(sys.argv[2], optimize=True)
print(f"check_report: wrote {sys.argv[2]} ({page.width}x{page.height})")
EOF
fi

echo "check_report: OK ($png)"
