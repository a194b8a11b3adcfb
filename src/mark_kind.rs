//! What kind of finding a highlight or a group of the findings list shows: one of the phrase
//! checker's categories, or a format finding. Its string is the `data-category` hook and the
//! `mark-…` class.

use jianwen_engine::phrases::Category;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Phrase(Category),
    Format,
}

impl MarkKind {
    /// `hat|boot|intensifier|slogan|stock|format`, as the test hooks and the stylesheet name it.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::Phrase(category) => category.as_str(),
            MarkKind::Format => "format",
        }
    }

    /// The name the findings list gives its group.
    pub fn label(self) -> &'static str {
        match self {
            MarkKind::Phrase(category) => category.label(),
            MarkKind::Format => "格式",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_hook_name() {
        let mut names: Vec<&str> = Category::ALL
            .iter()
            .map(|&c| MarkKind::Phrase(c).as_str())
            .chain([MarkKind::Format.as_str()])
            .collect();
        assert_eq!(
            names,
            ["hat", "boot", "intensifier", "slogan", "stock", "format"]
        );
        names.dedup();
        assert_eq!(names.len(), 6);
        assert_eq!(MarkKind::Format.label(), "格式");
    }
}
