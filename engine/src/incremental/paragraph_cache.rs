//! Results per paragraph text, kept from one call of [`Analyzer::analyze`](crate::Analyzer) to
//! the next.

use std::collections::HashMap;
use std::sync::Arc;

/// Values computed from a paragraph's text, found again by that text. Only the entries used by
/// the latest call are kept, so typing, which makes a new text for one paragraph at every
/// keystroke, never grows the cache beyond the paragraphs of the draft.
pub(super) struct ParagraphCache<V> {
    entries: HashMap<Box<str>, Entry<V>>,
    /// Counts the calls; entries remember the last one that used them.
    call: u64,
}

struct Entry<V> {
    /// Shared, so that the caller can hold the values of every paragraph while the cache takes
    /// in new ones.
    value: Arc<V>,
    used_in: u64,
}

impl<V> Default for ParagraphCache<V> {
    fn default() -> Self {
        ParagraphCache {
            entries: HashMap::new(),
            call: 0,
        }
    }
}

impl<V> ParagraphCache<V> {
    /// The value kept for `paragraph` if `is_current` accepts it, else the one `make` computes,
    /// which then replaces it.
    pub(super) fn get_or_make(
        &mut self,
        paragraph: &str,
        is_current: impl FnOnce(&V) -> bool,
        make: impl FnOnce() -> V,
    ) -> Arc<V> {
        let call = self.call;
        if let Some(entry) = self.entries.get_mut(paragraph) {
            if !is_current(&entry.value) {
                entry.value = Arc::new(make());
            }
            entry.used_in = call;
            return entry.value.clone();
        }
        let value = Arc::new(make());
        let entry = Entry {
            value: value.clone(),
            used_in: call,
        };
        self.entries.insert(paragraph.into(), entry);
        value
    }

    /// Ends a call: drops the entries it did not use.
    pub(super) fn end_call(&mut self) {
        let call = self.call;
        self.entries.retain(|_, entry| entry.used_in == call);
        self.call += 1;
    }

    /// Drops every entry, for values computed under other settings.
    pub(super) fn clear(&mut self) {
        self.entries.clear();
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}
