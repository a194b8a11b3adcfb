//! Results per paragraph text, kept from one call of [`Analyzer::analyze`](crate::Analyzer) to
//! the next.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Values computed from a paragraph's text, found again by that text. Only the entries used by
/// the latest call are kept, so typing, which makes a new text for one paragraph at every
/// keystroke, never grows the cache beyond the paragraphs of the draft.
pub(super) struct ParagraphCache<V> {
    /// Per text, one entry for each value in use: paragraphs of the same text may need different
    /// values (format findings depend on the paragraph's role too).
    entries: HashMap<Box<str>, Vec<Entry<V>>, BuildHasherDefault<TextHasher>>,
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
            entries: HashMap::default(),
            call: 0,
        }
    }
}

impl<V> ParagraphCache<V> {
    /// A value kept for `paragraph` that `is_current` accepts, else the one `make` computes,
    /// which is kept from now on.
    pub(super) fn get_or_make(
        &mut self,
        paragraph: &str,
        is_current: impl Fn(&V) -> bool,
        make: impl FnOnce() -> V,
    ) -> Arc<V> {
        let call = self.call;
        let kept = match self.entries.get_mut(paragraph) {
            Some(kept) => kept,
            None => self.entries.entry(paragraph.into()).or_default(),
        };
        if let Some(entry) = kept.iter_mut().find(|e| is_current(&e.value)) {
            entry.used_in = call;
            return entry.value.clone();
        }
        let value = Arc::new(make());
        kept.push(Entry {
            value: value.clone(),
            used_in: call,
        });
        value
    }

    /// Ends a call: drops the entries it did not use.
    pub(super) fn end_call(&mut self) {
        let call = self.call;
        self.entries.retain(|_, kept| {
            kept.retain(|entry| entry.used_in == call);
            !kept.is_empty()
        });
        self.call += 1;
    }

    /// Drops every entry, for values computed under other settings.
    pub(super) fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }
}

/// Hashes paragraph texts eight bytes at a time, in the manner of rustc's FxHash. Every call
/// hashes every paragraph of the draft, and the standard SipHash made that a tenth of a
/// keystroke; its resistance to chosen collisions buys nothing here, where a collision costs a
/// string comparison and never a wrong result.
#[derive(Default)]
pub(super) struct TextHasher(u64);

impl TextHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(
                word.try_into().expect("chunks of 8 bytes"),
            ));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
