#!/bin/sh
# Runs the integration tests against the Windows program under wine.
#
#   scripts/windows-test.sh [cargo test arguments, e.g. a test name]
#
# Builds genomgang.exe as scripts/windows-release.sh does (profile dist, target/windows),
# builds the wine stand-in for ProcessPrng (tests/windows/processprng.c; wine 8 lacks it,
# Windows 10 and 11 have it) and the file-holding helper (tests/windows/hold_open.c) into a
# wine prefix of the tests' own (target/windows/wine), then runs `cargo test` with
# GENOMGANG_BIN pointing at the .exe and GENOMGANG_RUNNER=wine, so every test runs the
# Windows program. Tests that cannot hold on Windows say so and return early (CONTRIBUTING.md,
# "Windows"). Last, the demo and the fixture cases are run by both programs and their
# outputs compared byte for byte (tests/windows_parity.rs).
#
# Needs what windows-release.sh needs, and wine (apt-get install -y wine64). Nothing is
# installed here.
set -eu
cd "$(dirname "$0")/.."

. scripts/windows-tools.sh
need wine "apt-get install -y wine64"
check_tools

build_exe

# A wine prefix of the tests' own, with the stand-in DLL in its system folder.
export WINEPREFIX="$(pwd)/target/windows/wine"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree=;mshtml="
helpers=target/windows/helpers
mkdir -p "$helpers"
x86_64-w64-mingw32-gcc -shared -O2 -o "$helpers/bcryptprimitives.dll" \
    tests/windows/processprng.c tests/windows/processprng.def -lbcrypt
x86_64-w64-mingw32-gcc -O2 -municode -o "$helpers/hold_open.exe" tests/windows/hold_open.c
if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
    wineboot --init >/dev/null 2>&1 || true
    wineserver --wait || true
fi
cp "$helpers/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

# The program must start and say which build it is before the suite is worth running.
wine "$exe" --version

export GENOMGANG_BIN="$exe"
export GENOMGANG_RUNNER=wine
export GENOMGANG_HOLD_OPEN="$(pwd)/$helpers/hold_open.exe"
cargo test --locked --no-fail-fast --tests "$@"
# The tests that need the Windows program itself: paths, and the same bytes as on Linux.
if [ $# -eq 0 ]; then
    cargo test --locked --no-fail-fast --test integration -- --ignored windows_paths:: windows_parity::
fi
