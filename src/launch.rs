//! How the program was started: from a terminal, a script or a scheduled task (arguments as
//! given, never waiting), or by a double-click in Windows Explorer, without arguments.
//!
//! In: the process's arguments and console. Out: for a double-click, the folders beside the
//! program (`input\` read, `output\` written), plain words on what was read, written and
//! wrong, and a wait for Enter before the window closes, after an error too.
//!
//! Explorer is detected as the `mousetrap` package does it for Go programs: a program started
//! from Explorer gets a console of its own, so it is the only process attached to it, while a
//! program started from cmd.exe or PowerShell shares the console with the shell.
//! `GENOMGANG_DOUBLE_CLICK=1` (or `0`) says it outright, for tests on any platform.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Whether Explorer started the program (a double-click), so that it should read and write
/// beside itself and wait for Enter at the end.
pub fn double_clicked() -> bool {
    match std::env::var("GENOMGANG_DOUBLE_CLICK").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => std::env::args_os().len() == 1 && alone_on_console(),
    }
}

/// Windows: the process is the only one attached to its console.
#[cfg(windows)]
#[allow(unsafe_code)]
fn alone_on_console() -> bool {
    let mut ids = [0u32; 2];
    // SAFETY: `ids` is valid for writes of two u32s, and 2 is the count passed. The call
    // writes at most that many ids and returns how many processes share the console (0 on
    // failure, as when there is no console).
    let attached =
        unsafe { windows_sys::Win32::System::Console::GetConsoleProcessList(ids.as_mut_ptr(), 2) };
    attached == 1
}

/// Elsewhere a program is never started by a double-click into a console of its own.
#[cfg(not(windows))]
fn alone_on_console() -> bool {
    false
}

/// The folder the program lies in.
pub fn program_folder() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The `input` folder beside the program, when it holds at least one file; else it is made
/// (when missing) and the user is told what to put there, and `None` is returned.
pub fn input_beside_program(folder: &Path) -> Option<PathBuf> {
    let input = folder.join("input");
    let has_files = walkdir::WalkDir::new(&input)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.file_type().is_file());
    if has_files {
        return Some(input);
    }
    let made = std::fs::create_dir_all(&input).is_ok();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "Mappen input är tom{}: {}\n\
         Lägg exporterna där (incidenterna från IA, objektlistan, VoR, åtgärdsplanen, \
         mognadsmätningen och utbildningsexporten, för i år och förra året) och dubbelklicka \
         på genomgang.exe igen.\n\
         (The input folder is empty{}: put the exports there and double-click genomgang.exe again.)",
        if made { "" } else { " och kunde inte skapas" },
        input.display(),
        if made { "" } else { " and could not be made" },
    );
    None
}

/// Says where the report is and waits for Enter, so that the window stays open to be read.
pub fn wait_for_enter(code: u8, output: &Path) {
    let mut out = std::io::stdout().lock();
    let _ = match code {
        0 => writeln!(
            out,
            "\nKlart. Rapporten ligger i {}.\n(Done. The report is in that folder.)",
            output.display()
        ),
        1 => writeln!(
            out,
            "\nRapporten är skriven, men någon fil kunde inte läsas (se ovan och bladet Datakvalitet). Rapporten ligger i {}.\n(The report was written, but a file could not be read; see above.)",
            output.display()
        ),
        _ => writeln!(
            out,
            "\nIngen rapport skrevs; felet står ovan. En tidigare rapport är orörd.\n(No report was written; the error is above. An earlier report is untouched.)"
        ),
    };
    let _ = write!(
        out,
        "\nTryck på Enter för att stänga fönstret. (Press Enter to close this window.) "
    );
    let _ = out.flush();
    drop(out);
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
}
