//! The web app of 简文: a Yew front end that renders what `jianwen-engine` computes.
//!
//! Data flow: the textarea's text → [`state::Draft`] (one reducer) → `jianwen_engine::analyze`
//! → components that only render the [`jianwen_engine::Analysis`]. The draft is mirrored to the
//! browser's local storage by [`storage`]; nothing ever leaves the machine.

pub mod app;
pub mod components;
pub mod editor_commands;
pub mod example;
pub mod layer_model;
pub mod preferences;
pub mod print_model;
pub mod state;
pub mod storage;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
