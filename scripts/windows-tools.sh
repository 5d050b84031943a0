# Sourced by windows-release.sh and windows-test.sh: checks the tools a Windows build needs,
# names each one missing with the command that installs it, and builds genomgang.exe with
# the dist profile. Installs nothing.
#
#   need TOOL "INSTALL COMMAND"   ...   then: check_tools (exits 2 when any is missing)
#   build_exe                          sets $exe to the built program's path

missing=0
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "missing: $1. Install it with: $2" >&2
        missing=1
    fi
}

target=x86_64-pc-windows-gnu

check_tools() {
    need cargo "the Rust toolchain from https://rustup.rs"
    need rustup "the Rust toolchain from https://rustup.rs"
    need x86_64-w64-mingw32-gcc "apt-get install -y gcc-mingw-w64-x86-64"
    if command -v rustup >/dev/null 2>&1 &&
        ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
        echo "missing: the Rust target $target. Install it with: rustup target add $target" >&2
        missing=1
    fi
    [ "$missing" -eq 0 ] || exit 2
}

build_exe() {
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        cargo build --profile dist --target "$target" --target-dir target/windows --locked
    exe=$(pwd)/target/windows/$target/dist/genomgang.exe
}
