//! "Did you mean": each word typed that no document contains is replaced by
//! the closest word the index holds (fewest edits, then the most documents).
//! Only words beginning with the same letter are compared, as in most
//! spelling suggesters: the first letter is rarely the mistaken one, and it
//! keeps the scan to a slice of the vocabulary.

use std::collections::BTreeMap;

use tantivy::Term;

use crate::SearchIndex;

impl SearchIndex {
    /// The text with its unknown words corrected, when there is a correction.
    pub fn suggest(&self, text: &str) -> Option<String> {
        let mut changed = false;
        let mut out = Vec::new();
        for raw in text.split_whitespace() {
            // Only the word is corrected: exclusion and phrase marks, an
            // elided article or a possessive ending stay as typed.
            let words = self.word_spans(raw);
            let correction = match words.as_slice() {
                [(word, at)] if !self.knows(word) => self.closest(word).map(|b| (b, at.clone())),
                _ => None,
            };
            match correction {
                Some((better, at)) => {
                    changed = true;
                    out.push(format!("{}{better}{}", &raw[..at.start], &raw[at.end..]));
                }
                None => out.push(raw.to_string()),
            }
        }
        changed.then(|| out.join(" "))
    }

    fn knows(&self, word: &str) -> bool {
        let term = Term::from_field_text(self.fields.words, word);
        self.reader.searcher().doc_freq(&term).is_ok_and(|n| n > 0)
    }

    /// The indexed word nearest to `word`: within one edit for four to eight
    /// letters, two from nine; shorter words are not corrected.
    fn closest(&self, word: &str) -> Option<String> {
        let len = word.chars().count();
        let max = match len {
            0..=3 => return None,
            4..=8 => 1,
            _ => 2,
        };
        let first = word.chars().next()?;
        let mut from = [0u8; 4];
        let from = first.encode_utf8(&mut from).as_bytes().to_vec();
        let to = char::from_u32(first as u32 + 1).map(|c| c.to_string().into_bytes());
        // Candidate → (distance, documents), summed over segments.
        let mut found: BTreeMap<String, (usize, u64)> = BTreeMap::new();
        let searcher = self.reader.searcher();
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(self.fields.words) else {
                continue;
            };
            let range = inverted.terms().range().ge(&from);
            let range = match &to {
                Some(to) => range.lt(to),
                None => range,
            };
            let Ok(mut terms) = range.into_stream() else {
                continue;
            };
            while terms.advance() {
                let Ok(candidate) = std::str::from_utf8(terms.key()) else {
                    continue;
                };
                if candidate.chars().count().abs_diff(len) > max {
                    continue;
                }
                let distance = edit_distance(word, candidate);
                if distance <= max {
                    let entry = found.entry(candidate.to_string()).or_insert((distance, 0));
                    entry.1 += u64::from(terms.value().doc_freq);
                }
            }
        }
        found
            .into_iter()
            .min_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(w, _)| w)
    }
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edits_are_counted_with_transpositions_as_one() {
        assert_eq!(edit_distance("hosting", "hosting"), 0);
        assert_eq!(edit_distance("hostnig", "hosting"), 1);
        assert_eq!(edit_distance("hostin", "hosting"), 1);
        assert_eq!(edit_distance("hxsting", "hosting"), 1);
        assert_eq!(edit_distance("ucenje", "učenje"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
