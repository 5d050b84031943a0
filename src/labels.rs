//! Short labels matched ignoring case and spacing, interned once.
//!
//! In: texts (statuses, categories, departments, case numbers…). Out: [`Labels`], dense
//! indices with each label's first spelling, and [`label_key`], the one case-folding key the
//! program matches names by. A leaf module: ingest interns case numbers into it while reading,
//! and config, normalise and analyse look names up by its key.

/// Distinct labels (statuses, categories, departments, case numbers…), matched ignoring case
/// and runs of white space; the first spelling seen is kept (white space collapsed).
///
/// Built for millions of distinct case numbers: the names share one text buffer, the index
/// (a `hashbrown` table) holds only each label's position, 4 bytes, and each label's key hash
/// is kept beside its end (4 bytes, spread to the table's 64 bits by [`spread`]), so that
/// growing the index, or merging one file's labels into the run's ([`Labels::merge`]), never
/// hashes a text again.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    text: String,
    ends: Vec<u32>,
    hashes: Vec<u32>,
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
        self.intern_hashed(text, key_hash(text))
    }

    /// [`Labels::intern`] with the text's key hash already known.
    fn intern_hashed(&mut self, text: &str, hash: u32) -> u32 {
        if self.hashes.len() != self.ends.len() {
            self.rebuild_index();
        }
        let (names, ends, hashes) = (&self.text, &self.ends, &self.hashes);
        if let Some(&i) = self.index.find(spread(hash), |&i| {
            hashes[i as usize] == hash && same_key(name_in(names, ends, i), text)
        }) {
            return i;
        }
        let i = self.push(text);
        self.hashes.push(hash);
        let hashes = &self.hashes;
        self.index
            .insert_unique(spread(hash), i, |&j| spread(hashes[j as usize]));
        i
    }

    /// Adds every label of `other` (one file's, say) to these; returns each one's index
    /// here, by its index there. Into empty labels, `other` is taken as it is.
    pub fn merge(&mut self, other: Labels) -> Vec<u32> {
        if self.is_empty() {
            *self = other;
            return (0..self.len() as u32).collect();
        }
        self.index
            .reserve(other.len(), |&j| spread(self.hashes[j as usize]));
        (0..other.len() as u32)
            .map(|i| self.intern_hashed(other.name(i), other.hashes[i as usize]))
            .collect()
    }

    /// Frees the index and the kept hashes (for ten million case numbers, about 120 MB),
    /// keeping the names; for labels that are only looked up by index from now on. Interning
    /// again rebuilds them.
    pub fn keep_only_names(&mut self) {
        self.index = hashbrown::HashTable::new();
        self.hashes = Vec::new();
    }

    fn rebuild_index(&mut self) {
        let hashes: Vec<u32> = self.iter().map(key_hash).collect();
        let mut index = hashbrown::HashTable::with_capacity(hashes.len());
        for (i, h) in hashes.iter().enumerate() {
            index.insert_unique(spread(*h), i as u32, |&j| spread(hashes[j as usize]));
        }
        self.hashes = hashes;
        self.index = index;
    }

    fn push(&mut self, text: &str) -> u32 {
        if let Some(t) = simple(text) {
            self.text.push_str(t);
        } else {
            for (n, word) in text.split_whitespace().enumerate() {
                if n > 0 {
                    self.text.push(' ');
                }
                self.text.push_str(word);
            }
        }
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    /// The index of a label, if known.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Option<u32> {
        self.index
            .find(spread(key_hash(text)), |&i| same_key(self.name(i), text))
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
/// One pass over the bytes; any white space other than a single space (a tab, a line break,
/// a vertical tab) sends the text down the general path, as `split_whitespace` would split it.
fn simple(text: &str) -> Option<&str> {
    let t = text.trim();
    let mut previous = 0u8;
    for &b in t.as_bytes() {
        if !b.is_ascii() || (9..=13).contains(&b) || (b == b' ' && previous == b' ') {
            return None;
        }
        previous = b;
    }
    Some(t)
}

/// A label's key hash: FNV-1a of its key's bytes, folded to 32 bits (kept per label).
fn key_hash(text: &str) -> u32 {
    use std::hash::Hasher;
    let mut h = crate::fasthash::Fnv::default();
    if let Some(t) = simple(text) {
        // The same bytes the general path below feeds for ASCII text.
        for b in t.bytes() {
            h.write(&[b.to_ascii_lowercase()]);
        }
        return fold(h.finish());
    }
    let mut buf = [0u8; 4];
    for c in key_chars(text) {
        h.write(c.encode_utf8(&mut buf).as_bytes());
    }
    fold(h.finish())
}

fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// A kept 32-bit hash as the 64 bits `hashbrown` wants: it takes a slot from the low bits and
/// a tag from the top seven, so the multiplication carries every bit of the hash into the top.
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
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

/// A key that sorts names as a reader expects: case and spacing ignored as by
/// [`label_key`], and runs of digits by their value, so that "R2" comes before "R10".
pub fn natural_key(text: &str) -> Vec<NaturalPart> {
    let key = label_key(text);
    let mut parts = Vec::new();
    let mut chars = key.chars().peekable();
    while let Some(&c) = chars.peek() {
        let digit = c.is_ascii_digit();
        let mut run = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit() == digit) {
            run.push(d);
            chars.next();
        }
        parts.push(if digit {
            let trimmed = run.trim_start_matches('0');
            NaturalPart::Number(trimmed.len(), trimmed.to_string())
        } else {
            NaturalPart::Text(run)
        });
    }
    parts
}

/// A part of a [`natural_key`]: a number (compared by its length without leading zeros,
/// then its digits, so that it never overflows) sorts before text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NaturalPart {
    /// A run of digits.
    Number(usize, String),
    /// A run of other characters.
    Text(String),
}

/// A path as the report files show it: with `/` between folders on every platform, so that
/// the same input gives the same bytes on Windows and Linux (Windows reads `/` too).
/// Messages on the terminal keep the platform's own separator, as the user sees it in
/// Explorer.
pub fn report_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_naturally() {
        let mut ids = vec!["R10", "R2", "r4", "A11", "A2", "R02"];
        ids.sort_by_key(|id| natural_key(id));
        assert_eq!(ids, ["A2", "A11", "R2", "R02", "r4", "R10"]);
    }

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

    #[test]
    fn a_vertical_tab_separates_words_as_any_white_space_does() {
        // Regression: the ASCII fast path took "a\x0Bb" as one word, while the key (and
        // `split_whitespace`) read two, so equal keys could become two labels.
        let mut l = Labels::default();
        let a = l.intern("Fel\x0Bmottagare");
        assert_eq!(l.intern("fel mottagare"), a);
        assert_eq!(l.intern("FEL\t\tMOTTAGARE "), a);
        assert_eq!(l.name(a), "Fel mottagare");
        assert_eq!(label_key("Fel\x0Bmottagare"), "fel mottagare");
    }

    #[test]
    fn merging_maps_each_label_to_its_index_in_the_run() {
        let mut run = Labels::default();
        let mut first = Labels::default();
        first.intern("IA-1");
        first.intern("IA-2");
        assert_eq!(run.merge(first), [0, 1]);
        let mut second = Labels::default();
        second.intern("ia-2");
        second.intern("IA-3");
        second.intern("IA  1");
        assert_eq!(run.merge(second), [1, 2, 3]);
        assert_eq!(
            run.iter().collect::<Vec<_>>(),
            ["IA-1", "IA-2", "IA-3", "IA 1"]
        );
        // Many labels: the index grows from the kept hashes, and every label is found again.
        let mut big = Labels::default();
        for i in 0..10_000 {
            big.intern(&format!("X-{i}"));
        }
        let at = run.merge(big);
        assert_eq!(at[9_999], 10_003);
        assert_eq!(run.find("x-9999"), Some(10_003));
        assert_eq!(run.find("IA-3"), Some(2));
        // Without the index the names stay; interning again finds them.
        run.keep_only_names();
        assert_eq!(run.name(2), "IA-3");
        assert_eq!(run.intern("ia-3"), 2);
        assert_eq!(run.intern("IA-4"), 10_004);
    }
}
