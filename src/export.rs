//! What leaves the editor as a file: the HTML check report, and the quoting of findings' text
//! it shares with the findings list.

pub mod excerpt;
pub mod report;
