/*
 * A stand-in bcryptprimitives.dll for wine 8, which lacks ProcessPrng: Rust's standard
 * library (1.78 and later) takes its random numbers from ProcessPrng, so without it
 * genomgang.exe stops at start-up under wine. Windows 10 and 11 have the function; this file
 * is only for running the tests under wine (scripts/windows-test.sh builds it and puts it
 * in the test's own wine prefix). It asks BCryptGenRandom for the bytes instead.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c \
 *            processprng.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
