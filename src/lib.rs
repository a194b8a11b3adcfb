//! The web app of 简文: a Yew front end that renders what `jianwen-engine` computes.
//!
//! Data flow: the textarea's text → [`state::Action::Edit`] → the one reducer, [`state`], which
//! saves it through [`storage`] and analyses it with `jianwen_engine::Analyzer` → components
//! that render the [`jianwen_engine::Analysis`]. Nothing ever leaves the machine.

pub mod app;
pub mod browser;
pub mod components;
pub mod dom_offsets;
pub mod example;
pub mod export;
pub mod hooks;
pub mod mark_kind;
pub mod preferences;
pub mod problem;
pub mod same;
pub mod state;

/// Mounts the app on `<body>`, with the panic screen ready.
pub fn start() {
    browser::panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
