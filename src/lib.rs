//! The web app of 简文: a Yew front end that renders what `jianwen-engine` computes.
//!
//! Data flow: the textarea's text → [`state::Action::Edit`] → the one reducer, [`state`], which
//! saves it through [`storage`] and analyses it with `jianwen_engine::Analyzer` → components
//! that render the [`jianwen_engine::Analysis`]. Nothing ever leaves the machine.

pub mod app;
pub mod components;
pub mod dom_offsets;
pub mod drafts_model;
pub mod editor_commands;
pub mod example;
pub mod excerpt;
pub mod files;
pub mod hooks;
pub mod layer_model;
pub mod mark_kind;
pub mod panic_screen;
pub mod preferences;
pub mod print_model;
pub mod problem;
pub mod report;
pub mod same;
pub mod state;
pub mod storage;

/// Mounts the app on `<body>`, with the panic screen ready.
pub fn start() {
    panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
