#!/bin/sh
# Lists the DLLs a Windows program imports and fails on any that is not part of Windows 10
# and 11 itself (a MinGW runtime such as libgcc_s or libwinpthread, a Visual C++ runtime).
#
#   scripts/windows-imports.sh genomgang.exe
set -eu
exe=$1
command -v x86_64-w64-mingw32-objdump >/dev/null 2>&1 || {
    echo "missing: x86_64-w64-mingw32-objdump. Install it with: apt-get install -y binutils-mingw-w64-x86-64" >&2
    exit 2
}
imports=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -u)
bad=0
for dll in $imports; do
    case $(echo "$dll" | tr '[:upper:]' '[:lower:]') in
    kernel32.dll | kernelbase.dll | ntdll.dll | advapi32.dll | user32.dll | gdi32.dll | \
        shell32.dll | ole32.dll | oleaut32.dll | ws2_32.dll | userenv.dll | bcrypt.dll | \
        bcryptprimitives.dll | crypt32.dll | secur32.dll | ncrypt.dll | msvcrt.dll | \
        ucrtbase.dll | shlwapi.dll | version.dll | dbghelp.dll | propsys.dll | \
        combase.dll | pdh.dll | powrprof.dll | psapi.dll | iphlpapi.dll | netapi32.dll | \
        winmm.dll | setupapi.dll | cfgmgr32.dll | rpcrt4.dll | sechost.dll | mswsock.dll | \
        dnsapi.dll | normaliz.dll | wintrust.dll | comctl32.dll | api-ms-win-*.dll)
        echo "  Windows: $dll"
        ;;
    *)
        echo "  NOT PART OF WINDOWS: $dll" >&2
        bad=1
        ;;
    esac
done
if [ "$bad" -ne 0 ]; then
    echo "$exe imports a DLL that Windows does not have; link it statically (see Cargo.toml's dist profile)." >&2
    exit 1
fi
echo "$exe imports only Windows' own DLLs."
