//! Short labels matched ignoring case and spacing, interned once.
//!
//! In: texts (statuses, categories, departments, case numbers…). Out: [`Labels`], dense
//! indices with each label's first spelling, and [`label_key`], the one case-folding key the
//! program matches names by. A leaf module: ingest interns case numbers into it while reading,
//! and config, normalise and analyse look names up by its key.

/// Distinct labels (statuses, categories, departments, case numbers…), matched ignoring case
/// and runs of white space; the first spelling seen is kept (white space collapsed).
///
/// Built for millions of distinct case numbers: the names share one text buffer, and the
/// index (a `hashbrown` table) holds only each label's position, 4 bytes, rehashing the text
/// when it grows.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    text: String,
    ends: Vec<u32>,
    index: hashbrown::HashTable<u32>,
}

/// The label at an index, from the parts of [`Labels`] (so that the index can be borrowed
/// apart from the text).
fn name_in<'a>(text: &'a str, ends: &[u32], i: u32) -> &'a str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

impl Labels {
    /// The index of a label, adding it when new.
    pub fn intern(&mut self, text: &str) -> u32 {
        let hash = key_hash(text);
        let (names, ends) = (&self.text, &self.ends);
        if let Some(&i) = self
            .index
            .find(hash, |&i| same_key(name_in(names, ends, i), text))
        {
            return i;
        }
        let i = self.push(text);
        let (names, ends) = (&self.text, &self.ends);
        self.index
            .insert_unique(hash, i, |&j| key_hash(name_in(names, ends, j)));
        i
    }

    fn push(&mut self, text: &str) -> u32 {
        for (n, word) in text.split_whitespace().enumerate() {
            if n > 0 {
                self.text.push(' ');
            }
            self.text.push_str(word);
        }
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    /// The index of a label, if known.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Option<u32> {
        self.index
            .find(key_hash(text), |&i| same_key(self.name(i), text))
            .copied()
    }

    /// The label at an index.
    pub fn name(&self, i: u32) -> &str {
        name_in(&self.text, &self.ends, i)
    }

    /// All labels, by index.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len() as u32).map(|i| self.name(i))
    }

    /// How many labels there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// The characters labels are compared by: words joined by one space, lower case.
fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split_whitespace().enumerate().flat_map(|(n, word)| {
        (n > 0)
            .then_some(' ')
            .into_iter()
            .chain(word.chars().flat_map(char::to_lowercase))
    })
}

/// ASCII text with single spaces between words: its key is its trimmed, lower-cased bytes.
fn simple(text: &str) -> Option<&str> {
    let t = text.trim();
    let plain = t.is_ascii()
        && !t.contains("  ")
        && !t.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
    plain.then_some(t)
}

fn key_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fasthash::Fnv::default();
    if let Some(t) = simple(text) {
        // The same bytes the general path below feeds for ASCII text.
        for b in t.bytes() {
            h.write(&[b.to_ascii_lowercase()]);
        }
        return h.finish();
    }
    let mut buf = [0u8; 4];
    for c in key_chars(text) {
        h.write(c.encode_utf8(&mut buf).as_bytes());
    }
    h.finish()
}

fn same_key(a: &str, b: &str) -> bool {
    match (simple(a), simple(b)) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => key_chars(a).eq(key_chars(b)),
    }
}

/// The key labels, statuses, object names and risk ids are matched by: words joined by
/// one space, lower case. The one case-folding key of the program.
pub fn label_key(text: &str) -> String {
    key_chars(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_merge_case_and_spacing() {
        let mut l = Labels::default();
        let a = l.intern("Fel  mottagare");
        assert_eq!(l.intern("fel mottagare "), a);
        assert_eq!(l.name(a), "Fel mottagare");
        assert_eq!(l.find("FEL MOTTAGARE"), Some(a));
        assert_eq!(l.len(), 1);
        let b = l.intern("Ärende  Ett");
        assert_eq!(l.find("ärende ett"), Some(b));
        assert_eq!(l.intern("IA-2025-0001"), 2);
        assert_eq!(l.find(" ia-2025-0001"), Some(2));
        assert_eq!(
            l.iter().collect::<Vec<_>>(),
            ["Fel mottagare", "Ärende Ett", "IA-2025-0001"]
        );
    }
}
