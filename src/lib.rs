//! The web app of 简文: a Yew front end that renders what `jianwen-engine` computes.
//!
//! Data flow: the textarea's text → [`state::Draft`] (one reducer) → `jianwen_engine::analyze`
//! → components that only render the [`jianwen_engine::Analysis`]. The draft is mirrored to the
//! browser's local storage by [`storage`]; nothing ever leaves the machine.

pub mod app;
pub mod components;
pub mod drafts_model;
pub mod editor_commands;
pub mod example;
pub mod excerpt;
pub mod files;
pub mod layer_model;
pub mod panic_screen;
pub mod preferences;
pub mod print_model;
pub mod report;
pub mod state;
pub mod storage;

/// Mounts the app on `<body>`, with the panic screen ready.
pub fn start() {
    panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
