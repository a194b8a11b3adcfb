//! `.txt` import on any bytes: decoding never panics, text it returns has `\n` line ends only
//! and analyses without panicking.
//!
//! Text keeps every U+FEFF after the first byte-order mark it had (`EF BB BF EF BB BF` reads as
//! one U+FEFF through `normalize_text`): that is `regressions/txt/two-byte-order-marks`, replayed
//! by `tests/io_findings.rs`, so it is not asserted here, where it would stop every run.

#![no_main]

use jianwen_engine::{analyze, Settings};
use jianwen_io::{decode_text, normalize_text, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(Decoded::Text(text)) = decode_text(data) {
        assert!(!text.contains('\r'), "a CR survived decoding");
        analyze(&text, &Settings::default());
    }
    // What the browser's TextDecoder hands back for GB18030 goes through here.
    let decoded = String::from_utf8_lossy(data);
    assert!(
        !normalize_text(&decoded).contains('\r'),
        "a CR survived normalising"
    );
});
