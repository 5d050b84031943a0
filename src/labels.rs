//! Short labels matched by their canonical key, interned once.
//!
//! In: texts (statuses, categories, departments, case numbers…). Out: [`Labels`], dense
//! indices with each label's shown spelling, and [`label_key`], the one key the program
//! matches names by ([`crate::canonical::key`], with numbers written in digits matched by
//! their value). A leaf module: ingest interns case numbers into it while reading, and
//! config, normalise and analyse look names up by its key.

use std::collections::HashMap;

use crate::canonical;

/// Distinct labels (statuses, categories, departments, case numbers…), matched by
/// [`label_key`]: ignoring case, white space, invisible characters and Unicode composition,
/// and a label written in digits only by its number ("000123" is "123": Excel drops the
/// leading zeros a CSV export keeps). Each label is shown in its canonical form; of several
/// spellings, the one with most votes ([`Labels::vote`]: rows or files that use it) and, on a
/// tie or without votes, the [`preferred`] one, so that the order rows and files come in never
/// changes what is shown.
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
    /// Labels shown in another spelling than the one kept in `text` (rare).
    shown: HashMap<u32, Box<str>>,
    /// Votes for the spellings of labels ([`Labels::vote`]), by label.
    votes: HashMap<u32, Vec<(Box<str>, u64)>>,
}

/// Shows every spelling of one label (by [`label_key`]) the same way: the spelling most of
/// the texts use, on a tie the [`preferred`] one. For the labels of lists read whole (object
/// departments, courses, areas), which are grouped and shown by their text.
pub fn unify<'a>(texts: impl IntoIterator<Item = &'a mut String>) {
    let mut labels = Labels::default();
    let mut places: Vec<(&'a mut String, u32)> = Vec::new();
    for text in texts {
        let i = labels.intern(text);
        labels.vote(i, text, 1);
        places.push((text, i));
    }
    labels.settle();
    for (text, i) in places {
        if *text != labels.name(i) {
            *text = labels.name(i).to_string();
        }
    }
}

/// Of two canonical spellings of one label, whether `a` is shown rather than `b` when no
/// votes decide: the longer (a case number with the leading zeros its source system wrote),
/// then the one nearest to sentence case ("Fel mottagare" before "fel mottagare" and "FEL
/// MOTTAGARE"), then the first in Unicode order.
pub fn preferred(a: &str, b: &str) -> bool {
    let rank = |s: &str| {
        (
            s.len(),
            std::cmp::Reverse(off_sentence_case(s)),
            std::cmp::Reverse(s.to_string()),
        )
    };
    rank(a) > rank(b)
}

/// How many letters of `text` differ in case from its sentence case (the first letter a
/// capital, the others small).
fn off_sentence_case(text: &str) -> usize {
    let mut first = true;
    text.chars()
        .filter(|c| c.is_alphabetic())
        .filter(|c| {
            let wrong = if first {
                c.is_lowercase()
            } else {
                c.is_uppercase()
            };
            first = false;
            wrong
        })
        .count()
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
            if self.name(i) != text {
                self.respell(i, text);
            }
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
        match simple(text) {
            Some(t) => self.text.push_str(t),
            None => self.text.push_str(&canonical::canonical(text)),
        }
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    /// Another spelling of label `i` was met: shows it when it is [`preferred`].
    #[cold]
    fn respell(&mut self, i: u32, text: &str) {
        let spelling = canonical::canonical(text);
        let current = self.name(i);
        if spelling != current && preferred(&spelling, current) {
            self.shown.insert(i, spelling.into());
        }
    }

    /// Counts `n` votes (rows, or files) for `spelling` as the way label `i` is shown; see
    /// [`Labels::settle`].
    pub fn vote(&mut self, i: u32, spelling: &str, n: u64) {
        let spelling = canonical::canonical(spelling);
        let votes = self.votes.entry(i).or_default();
        match votes.iter_mut().find(|(s, _)| **s == *spelling) {
            Some((_, count)) => *count += n,
            None => votes.push((spelling.into(), n)),
        }
    }

    /// Shows label `i` as `spelling` from now on (a configured status as the config writes
    /// it), whatever other spellings are met.
    pub fn show_as(&mut self, i: u32, spelling: &str) {
        self.votes.remove(&i);
        let spelling = canonical::canonical(spelling);
        if *spelling == *name_in(&self.text, &self.ends, i) {
            self.shown.remove(&i);
        } else {
            self.shown.insert(i, spelling.into());
        }
    }

    /// Shows each label that has votes in the spelling with most votes (on a tie, the
    /// [`preferred`] one), and forgets the votes.
    pub fn settle(&mut self) {
        for (i, votes) in std::mem::take(&mut self.votes) {
            let best = votes.into_iter().reduce(|a, b| {
                if b.1 > a.1 || (b.1 == a.1 && preferred(&b.0, &a.0)) {
                    b
                } else {
                    a
                }
            });
            if let Some((spelling, _)) = best {
                if *spelling == *name_in(&self.text, &self.ends, i) {
                    self.shown.remove(&i);
                } else {
                    self.shown.insert(i, spelling);
                }
            }
        }
    }

    /// The index of a label, if known.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Option<u32> {
        self.index
            .find(spread(key_hash(text)), |&i| same_key(self.name(i), text))
            .copied()
    }

    /// The label at an index, as it is shown.
    pub fn name(&self, i: u32) -> &str {
        if !self.shown.is_empty()
            && let Some(s) = self.shown.get(&i)
        {
            return s;
        }
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

/// ASCII text, not all digits, with single spaces between words and no control character:
/// its key is its trimmed, lower-cased bytes. One pass over the bytes; anything else (a tab,
/// a line break, a character [`canonical`] removes, a number in digits) goes down the
/// general path, [`label_key`].
fn simple(text: &str) -> Option<&str> {
    let t = text.trim();
    let mut previous = 0u8;
    let mut digits = true;
    for &b in t.as_bytes() {
        if !b.is_ascii() || b < b' ' || b == 0x7F || (b == b' ' && previous == b' ') {
            return None;
        }
        digits &= b.is_ascii_digit();
        previous = b;
    }
    (!digits).then_some(t)
}

/// A label's key hash: the [`crate::fasthash`] of its key's bytes, folded to 32 bits (kept
/// per label).
fn key_hash(text: &str) -> u32 {
    use crate::fasthash::{hash_bytes, hash_str};
    if let Some(t) = simple(text) {
        // The same bytes the general path below hashes for ASCII text: lower-cased, on the
        // stack when short (a million case numbers without a million allocations).
        let mut short = [0u8; 64];
        let Some(key) = short.get_mut(..t.len()) else {
            return fold(hash_str(&t.to_ascii_lowercase()));
        };
        key.copy_from_slice(t.as_bytes());
        key.make_ascii_lowercase();
        return fold(hash_bytes(key));
    }
    fold(hash_str(&label_key(text)))
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
        _ => label_key(a) == label_key(b),
    }
}

/// The key labels, statuses, object names and risk ids are matched by: the
/// [`canonical::key`] (case, white space, invisible characters and composition ignored), and
/// for a text of digits only, its number ([`canonical::numeric_id`]). The one key of the
/// program.
pub fn label_key(text: &str) -> String {
    match canonical::numeric_id(text) {
        Some(n) => n.to_string(),
        None => canonical::key(text),
    }
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
        // Past the 64 bytes hashed on the stack, the two paths still agree.
        let long =
            "Obehorig atkomst till verksamhetssystem for ekonomi och personal i forvaltningen";
        let b = l.intern(long);
        assert_eq!(l.intern(&long.to_uppercase().replace(' ', "  ")), b);
    }

    #[test]
    fn the_shown_spelling_does_not_depend_on_the_order_met() {
        let spellings = [
            "FEL MOTTAGARE",
            "fel mottagare",
            "Fel  mottagare",
            "Fel\u{200B} mottagare",
        ];
        for start in 0..spellings.len() {
            let mut l = Labels::default();
            for k in 0..spellings.len() {
                l.intern(spellings[(start + k) % spellings.len()]);
            }
            assert_eq!(l.iter().collect::<Vec<_>>(), ["Fel mottagare"]);
        }
        // A case number keeps the leading zeros its source system wrote, whichever came first.
        let mut l = Labels::default();
        let a = l.intern("123");
        assert_eq!(l.intern("000123"), a);
        assert_eq!(l.name(a), "000123");
        let mut l = Labels::default();
        l.intern("000123");
        l.intern("123");
        assert_eq!(l.name(0), "000123");
        assert_eq!(l.len(), 1);
        // Votes decide over the preference; ties fall back to it.
        let mut l = Labels::default();
        let a = l.intern("Nätfiske");
        l.vote(a, "Nätfiske", 2);
        l.intern("NÄTFISKE");
        l.vote(a, "NÄTFISKE", 5);
        l.settle();
        assert_eq!(l.name(a), "NÄTFISKE");
        l.vote(a, "nätfiske", 3);
        l.vote(a, "Na\u{308}tfiske", 3);
        l.settle();
        assert_eq!(l.name(a), "Nätfiske", "3 against 3: sentence case");
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
