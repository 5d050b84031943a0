#!/bin/sh
# Builds the Windows program and the zip a coordinator copies to their PC.
#
#   scripts/windows-release.sh
#
# Writes dist/genomgang-<version>-windows-x86_64.zip, holding genomgang.exe, "LÄS MIG.txt"
# (the guide in Swedish), an empty input\ folder and genomgang.toml.exempel (the commented
# default settings), and dist/SHA256SUMS. dist/ is built, never committed.
#
# Needs the Rust target x86_64-pc-windows-gnu, the MinGW-w64 cross compiler, python3 (to
# write the zip with UTF-8 names) and sha256sum. A missing tool is named with the command
# that installs it; nothing is installed here. The .exe is built with the `dist` profile
# (Cargo.toml) in its own target folder, target/windows, so the Linux build is not thrown
# away; from scratch it takes about 10 minutes on two cores.
set -eu
cd "$(dirname "$0")/.."

. scripts/windows-tools.sh
need x86_64-w64-mingw32-objdump "apt-get install -y binutils-mingw-w64-x86-64"
need python3 "apt-get install -y python3"
need sha256sum "apt-get install -y coreutils"
check_tools

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
echo "Building genomgang $version for Windows ($target, profile dist)..."
start=$(date +%s)
build_exe
echo "Built in $(($(date +%s) - start)) s: $exe ($(stat -c %s "$exe") bytes)"

# The program may import only DLLs that Windows 10 and 11 have themselves: no MinGW runtime
# (libgcc_s, libwinpthread, libstdc++) and no Visual C++ runtime to install.
scripts/windows-imports.sh "$exe"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$exe" "$stage/genomgang.exe"
mkdir "$stage/input"
# Notepad reads UTF-8 with a byte-order mark and CR LF line ends on every Windows version.
to_windows_text() {
    printf '\357\273\277'
    sed 's/$/\r/' "$1"
}
to_windows_text "scripts/windows/LÄS MIG.txt" >"$stage/LÄS MIG.txt"
cargo run --quiet --locked -- config >"$stage/genomgang.toml.default"
to_windows_text "$stage/genomgang.toml.default" >"$stage/genomgang.toml.exempel"
rm "$stage/genomgang.toml.default"

mkdir -p dist
zipfile=dist/genomgang-$version-windows-x86_64.zip
rm -f "$zipfile"
# The names marked UTF-8 (so Explorer shows "LÄS MIG.txt", not "L├äS MIG.txt"), fixed
# times, a fixed order: the same build gives the same zip.
python3 - "$stage" "$zipfile" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in ["genomgang.exe", "LÄS MIG.txt", "genomgang.toml.exempel"]:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, name), "rb") as f:
            z.writestr(info, f.read())
    folder = zipfile.ZipInfo("input/", date_time=(2026, 1, 1, 0, 0, 0))
    folder.external_attr = (0o40755 << 16) | 0x10
    z.writestr(folder, b"")
PY
(cd dist && sha256sum "$(basename "$zipfile")" >SHA256SUMS)
echo "Wrote $zipfile ($(stat -c %s "$zipfile") bytes) and dist/SHA256SUMS"
