//! The same bytes on every platform: the zip library writes the platform it runs on into
//! each central-directory entry of a zip package ("version made by": 0 on Windows, 3 on
//! Unix, and on Windows the MS-DOS folder attribute in a folder entry's low attribute
//! bytes), so a workbook or Word file made on Windows would differ from Linux's by those
//! bytes alone. The entries' attributes hold Unix file modes either way, so Unix (3) with
//! no MS-DOS attributes, as the zip library writes on Linux, is set everywhere.
//!
//! In: the bytes of a zip package (xlsx, docx). Out: the same bytes with every central
//! directory entry marked as made on Unix, its MS-DOS attributes zero. A package that cannot be walked (zip64, damaged)
//! is returned as it is.

/// Unix, in the high byte of "version made by".
const UNIX: u8 = 3;

/// The package with every central-directory entry marked as made on Unix.
pub fn made_on_unix(mut bytes: Vec<u8>) -> Vec<u8> {
    let u16_at = |b: &[u8], at: usize| b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]));
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    };
    // The end-of-central-directory record: at least 22 bytes from the end (after a comment).
    let Some(end) = (0..=bytes.len().saturating_sub(22))
        .rev()
        .take(22 + usize::from(u16::MAX))
        .find(|&at| bytes[at..].starts_with(b"PK\x05\x06"))
    else {
        return bytes;
    };
    let (Some(count), Some(offset)) = (u16_at(&bytes, end + 10), u32_at(&bytes, end + 16)) else {
        return bytes;
    };
    if offset == u32::MAX {
        return bytes;
    }
    let mut at = offset as usize;
    for _ in 0..count {
        if !bytes
            .get(at..)
            .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
        {
            break;
        }
        let (Some(name), Some(extra), Some(comment)) = (
            u16_at(&bytes, at + 28),
            u16_at(&bytes, at + 30),
            u16_at(&bytes, at + 32),
        ) else {
            break;
        };
        bytes[at + 5] = UNIX;
        // The low 16 bits of the external attributes: MS-DOS attributes, which a Unix
        // entry leaves zero (its mode is in the high 16 bits).
        bytes[at + 38] = 0;
        bytes[at + 39] = 0;
        at += 46 + usize::from(name) + usize::from(extra) + usize::from(comment);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn every_entry_is_marked_unix_and_nothing_else_changes() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for name in ["a.xml", "b/c.xml"] {
            zip.start_file(name, options).unwrap();
            zip.write_all(b"<x/>").unwrap();
        }
        let mut bytes = zip.finish().unwrap().into_inner();
        // As a Windows build writes it.
        let entries: Vec<usize> = (0..bytes.len() - 4)
            .filter(|&i| bytes[i..].starts_with(b"PK\x01\x02"))
            .collect();
        assert_eq!(entries.len(), 2);
        for &e in &entries {
            bytes[e + 5] = 0;
            bytes[e + 38] = 0x10;
        }
        let fixed = made_on_unix(bytes.clone());
        let changed: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] != fixed[i]).collect();
        let expected: Vec<usize> = entries.iter().flat_map(|e| [e + 5, e + 38]).collect();
        assert_eq!(changed, expected);
        assert!(entries.iter().all(|&e| fixed[e + 5] == UNIX));
        // Still a valid package.
        let mut read = zip::ZipArchive::new(std::io::Cursor::new(fixed)).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read.by_name("b/c.xml").unwrap().size(), 4);
        // Not a zip: as it was.
        assert_eq!(made_on_unix(b"not a zip".to_vec()), b"not a zip");
    }
}
