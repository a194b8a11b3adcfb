//! The zip container of a `.docx`, written by hand: stored entries (no compression), a central
//! directory, the end record. That is all an Office package needs, and the `zip` crate's writer
//! (with the deflate compressor it links) would add about 30 KB gzipped to the app's first load
//! for files that are small anyway. Reading stays with the `zip` crate (`docx::docx_to_text`),
//! which checks what this writes.

/// A zip archive of `files` (name, content), stored.
///
/// # Panics
/// When an entry or the archive passes 4 GiB, which a text document cannot.
pub(crate) fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u32_of = |n: usize| u32::try_from(n).expect("a .docx is far below 4 GiB");
    for (name, content) in files {
        let offset = u32_of(out.len());
        let crc = crc32fast::hash(content);
        let size = u32_of(content.len());
        let name_len = u16::try_from(name.len()).expect("part names are short");
        // Local file header: version 2.0, bit 11 (names in UTF-8), method 0 (stored), a fixed
        // time (1980-01-01: the file's content, not its making, is what matters).
        let header = |signature: u32, central: bool| {
            let mut h = Vec::with_capacity(46 + name.len());
            h.extend(signature.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed to extract
            h.extend(0x0800u16.to_le_bytes()); // flags: UTF-8 names
            h.extend(0u16.to_le_bytes()); // stored
            h.extend(0u16.to_le_bytes()); // time
            h.extend(0x0021u16.to_le_bytes()); // date: 1980-01-01
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(name_len.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra field
            if central {
                h.extend(0u16.to_le_bytes()); // comment
                h.extend(0u16.to_le_bytes()); // disk
                h.extend(0u16.to_le_bytes()); // internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(content);
        central.extend(header(0x0201_4b50, true));
    }
    let directory_offset = u32_of(out.len());
    let directory_size = u32_of(central.len());
    let count = u16::try_from(files.len()).expect("a .docx has a few parts");
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // this disk
    out.extend(0u16.to_le_bytes()); // disk of the directory
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(directory_size.to_le_bytes());
    out.extend(directory_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_zip_crate_reads_back_every_entry() {
        let files: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/文档.xml", "公文𠮷😀".as_bytes()),
            ("empty", b""),
        ];
        let zip = stored_zip(&files);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        assert_eq!(archive.len(), 3);
        for (name, content) in files {
            let mut entry = archive.by_name(name).unwrap();
            let mut read = Vec::new();
            entry.read_to_end(&mut read).unwrap();
            assert_eq!(read, content, "{name}");
        }
    }
}
