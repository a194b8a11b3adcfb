//! The app's own hooks: behaviour several components share, each in one place.
//!
//! - [`use_composition`]: whether an IME composition is open in an element, and its end;
//! - [`use_escape`]: Esc closes what is on top, except while an IME is composing (there Esc
//!   cancels the composition);
//! - [`use_focus_return`]: focus goes back where it was when a panel or dialog opened;
//! - [`use_tab_presence`]: the other tabs' announcements about the open draft.

mod composition;
mod escape;
mod focus_return;
mod tab_presence;

pub use composition::use_composition;
pub use escape::use_escape;
pub use focus_return::use_focus_return;
pub use tab_presence::use_tab_presence;
