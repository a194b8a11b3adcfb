//! Adapters to the browser: the only code that touches storage, files, the textarea's editing
//! commands and the page's failure screen. Everything else in the app is plain Rust over the
//! state and the engine's analysis.

pub mod editor_commands;
pub mod files;
pub mod panic_screen;
pub mod storage;
