#!/usr/bin/env bash
# Makes the font the PDF sheets embed (crates/tailplan-io/fonts/): Liberation Sans 2 (SIL OFL
# 1.1, metrics compatible with Arial, which the sheets' text widths are estimated for), regular
# and bold, subset to the characters sheets write and renamed "Tailplan Sans": the OFL keeps
# the Reserved Font Name "Liberation" (and Google's "Arimo") for the unmodified fonts, and a
# subset is a modified version. The committed files are what the build and the tests use; this
# script (Debian's fonts-liberation2 package and pip's fonttools) is only needed to remake them.
#   bash scripts/font-subset.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=crates/tailplan-io/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=2.1.5-1
(cd "$work" && apt-get download "fonts-liberation2=$version" >/dev/null && dpkg -x fonts-liberation2_*.deb root)
src="$work/root/usr/share/fonts/truetype/liberation2"
python3 -c 'import fontTools' 2>/dev/null || pip install --quiet 'fonttools==4.*'

# Basic Latin, Latin-1, Latin Extended-A, Greek, general punctuation (dashes, quotes, bullet,
# ellipsis, per mille), super- and subscripts, the euro sign, letterlike symbols, arrows, the
# mathematical operators sheets write (minus, ≈, ≠, ≤, ≥, ∞), geometric shapes.
unicodes="U+0020-007E,U+00A0-017F,U+0370-03FF,U+2010-205E,U+2070-209F,U+20AC,U+2100-2122,\
U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FFFD"

for style in Regular Bold; do
  python3 -m fontTools.subset "$src/LiberationSans-$style.ttf" \
    --unicodes="$unicodes" --layout-features='kern,liga' --no-hinting \
    --name-IDs='*' --name-languages='*' --output-file="$work/$style.ttf"
  python3 - "$work/$style.ttf" "$out/TailplanSans-$style.ttf" "$style" <<'PY'
import sys
from fontTools.ttLib import TTFont
src, dst, style = sys.argv[1:]
f = TTFont(src)
name = f["name"]
family = "Tailplan Sans"
for rec in list(name.names):
    if rec.nameID in (1, 16):
        name.setName(family, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 4:
        name.setName(f"{family} {style}" if style != "Regular" else family, 4, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 6:
        name.setName(f"TailplanSans-{style}", 6, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 3:
        name.setName(f"Tailplan Sans {style}: subset of Liberation Sans 2.1.5", 3, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 17:
        name.setName(style, 17, rec.platformID, rec.platEncID, rec.langID)
# No timestamps of the run in the file: the same bytes each time.
f["head"].modified = f["head"].created
f.save(dst, reorderTables=True)
PY
done
# The licence next to the fonts, as Debian's package states it.
sed -n '/^Files: \*$/,/^Files: debian/p' "$work/root/usr/share/doc/fonts-liberation2/copyright" |
  sed '$d' | sed 's/^ \.$//; s/^ //' >"$out/OFL.txt"
ls -l "$out"
