#!/bin/sh
# Renders the workbook to PDF with LibreOffice (headless) and every PDF page to PNG, so that
# anyone can look at each printed page. Not part of `cargo test`: it needs LibreOffice and
# poppler-utils (Debian/Ubuntu: apt-get install libreoffice-calc poppler-utils
# fonts-crosextra-carlito). Carlito has Calibri's metrics, so columns and charts come out as
# wide as in Excel; the private profile sets the Swedish locale (decimal comma), as the
# reader's Excel shows the numbers.
#
# Usage: tests/render/render-pages.sh [WORKBOOK] [OUT_DIR]
#   WORKBOOK defaults to the newest output/<Y>/ledningens-genomgang-<Y>.xlsx,
#   OUT_DIR to target/render-pages. Prints the pages written and exits non-zero when a
#   step fails or the PDF has no pages.
set -eu

workbook=${1:-$(ls -1 output/*/ledningens-genomgang-*.xlsx 2>/dev/null | sort | tail -n 1)}
out=${2:-target/render-pages}
if [ -z "$workbook" ] || [ ! -f "$workbook" ]; then
    echo "no workbook found; run 'cargo run --release' first or give its path" >&2
    exit 2
fi
for tool in soffice pdftoppm pdfinfo; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "$tool is missing: install libreoffice-calc and poppler-utils" >&2
        exit 2
    }
done

rm -rf "$out"
mkdir -p "$out"
# A private LibreOffice profile, so that a running office or an old profile cannot interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
XCU
if ! fc-list 2>/dev/null | grep -qi carlito; then
    echo "note: the Carlito font is missing (fonts-crosextra-carlito); widths will differ from Excel" >&2
fi
soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdf="$out/$(basename "${workbook%.xlsx}").pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
if [ "${pages:-0}" -lt 1 ]; then
    echo "the PDF has no pages" >&2
    exit 1
fi
pdftoppm -png -r 80 "$pdf" "$out/sida"
echo "$pdf: $pages pages"
ls -1 "$out"/sida-*.png
