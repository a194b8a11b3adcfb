//! Any dropped file, whatever its bytes: `import_file` never panics, and any text it returns
//! analyses without panicking. Seeded with real and broken `.docx` files, random mutations
//! mostly exercise the zip container; `docx` fuzzes the XML inside.

#![no_main]

use jianwen_engine::{analyze, Settings};
use jianwen_io::{import_file, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(Decoded::Text(text)) = import_file(data) {
        analyze(&text, &Settings::default());
    }
});
