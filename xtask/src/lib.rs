//! Pieces of the project's tooling that the end-to-end tests share with `cargo xtask`.

pub mod static_server;
