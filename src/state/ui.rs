//! The screen's flags: which panels and dialogs are open, in one struct.

/// What is shown besides the editor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ui {
    /// 打印预览 instead of the editor (the editor stays mounted, hidden).
    pub preview: bool,
    pub settings_open: bool,
    pub drawer_open: bool,
    /// The snapshot of the open draft's history being read, by index.
    pub viewing: Option<usize>,
    /// A file is dragged over the editor.
    pub drag_over: bool,
    /// Another tab has the open draft open too.
    pub open_elsewhere: bool,
    /// Another tab saved the open draft: this tab has stopped writing it and asks what to keep.
    pub conflict: bool,
}

/// A change of [`Ui`] alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiAction {
    TogglePreview,
    /// The browser is about to print: what prints is the preview's pages.
    OpenPreview,
    ClosePreview,
    OpenSettings,
    CloseSettings,
    ToggleDrawer,
    CloseDrawer,
    View(Option<usize>),
    DragOver(bool),
    /// The user read the note that another tab has the draft open.
    AcknowledgeOpenElsewhere,
}

impl Ui {
    pub fn apply(&mut self, action: UiAction) {
        match action {
            UiAction::TogglePreview => self.preview = !self.preview,
            UiAction::OpenPreview => self.preview = true,
            UiAction::ClosePreview => self.preview = false,
            UiAction::OpenSettings => self.settings_open = true,
            UiAction::CloseSettings => self.settings_open = false,
            UiAction::ToggleDrawer => self.drawer_open = !self.drawer_open,
            UiAction::CloseDrawer => self.drawer_open = false,
            UiAction::View(index) => self.viewing = index,
            UiAction::DragOver(over) => self.drag_over = over,
            UiAction::AcknowledgeOpenElsewhere => self.open_elsewhere = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one flag.
    type Flag = fn(&Ui) -> bool;

    #[test]
    fn each_action_changes_its_own_flag() {
        let cases: &[(UiAction, Flag)] = &[
            (UiAction::TogglePreview, |ui| ui.preview),
            (UiAction::OpenPreview, |ui| ui.preview),
            (UiAction::OpenSettings, |ui| ui.settings_open),
            (UiAction::ToggleDrawer, |ui| ui.drawer_open),
            (UiAction::View(Some(2)), |ui| ui.viewing == Some(2)),
            (UiAction::DragOver(true), |ui| ui.drag_over),
        ];
        for (action, flag) in cases {
            let mut ui = Ui::default();
            ui.apply(*action);
            assert!(flag(&ui), "{action:?}");
            let others = Ui {
                preview: false,
                settings_open: false,
                drawer_open: false,
                viewing: None,
                drag_over: false,
                ..ui.clone()
            };
            assert_eq!(others, Ui::default(), "{action:?} changed another flag");
        }
        let mut ui = Ui {
            preview: true,
            settings_open: true,
            drawer_open: true,
            open_elsewhere: true,
            ..Ui::default()
        };
        for action in [
            UiAction::ClosePreview,
            UiAction::CloseSettings,
            UiAction::CloseDrawer,
            UiAction::AcknowledgeOpenElsewhere,
        ] {
            ui.apply(action);
        }
        assert_eq!(ui, Ui::default());
    }
}
