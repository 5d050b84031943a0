/*
 * Holds a file open the way Excel holds a workbook it has open: shared for reading and
 * writing, but not for deletion (no FILE_SHARE_DELETE), so that the file and its folder can
 * be neither removed nor renamed. With a second argument "lock" it also locks the whole
 * file (LockFileEx), as another genomgang run holds output\.genomgang.lock. Prints "held"
 * once the file is open (and locked), then waits until a line (or end of input) arrives on
 * standard input, and closes the file.
 *
 * Used by the Windows tests (tests/windows_paths.rs under scripts/windows-test.sh): a report
 * file held open must give exit code 2 and a message to close it, with the old report set
 * intact and no temporary folder left.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -municode -o hold_open.exe hold_open.c
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 2 && !(argc == 3 && wcscmp(argv[2], L"lock") == 0)) {
        fputs("usage: hold_open FILE [lock]\n", stderr);
        return 2;
    }
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "cannot open: error %lu\n", GetLastError());
        return 1;
    }
    if (argc == 3) {
        OVERLAPPED at = {0};
        if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD,
                        MAXDWORD, &at)) {
            fprintf(stderr, "cannot lock: error %lu\n", GetLastError());
            return 1;
        }
    }
    puts("held");
    fflush(stdout);
    char line[16];
    fgets(line, sizeof line, stdin);
    CloseHandle(h);
    return 0;
}
