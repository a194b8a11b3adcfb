//! The app's components, one per file.

pub mod cap_strip;
pub mod drafts_drawer;
pub mod editor;
pub mod elements_panel;
pub mod findings_panel;
pub mod header;
pub mod highlight_layer;
pub mod message_bar;
pub mod print_preview;
pub mod settings_dialog;
pub mod stats_panel;
