//! The `.docx` importer on any WordprocessingML: the input is `document.xml`, `numbering.xml`
//! and `styles.xml` separated by NUL bytes (which XML never contains), packed into a valid zip
//! here so that every run reaches the XML readers instead of failing the zip checks. The text
//! it returns must analyse without panicking.

#![no_main]

use jianwen_engine::{analyze, Settings};
use jianwen_io::docx_to_text;
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const PARTS: [&str; 3] = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];

fn docx(parts: &[&[u8]]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, content) in PARTS.iter().zip(parts) {
        zip.start_file(*name, stored).expect("in-memory zip");
        zip.write_all(content).expect("in-memory zip");
    }
    zip.finish().expect("in-memory zip").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let parts: Vec<&[u8]> = data.splitn(PARTS.len(), |&b| b == 0).collect();
    if let Ok(text) = docx_to_text(&docx(&parts)) {
        analyze(&text, &Settings::default());
    }
});
