//! Output = input + edits on byte ranges. Fixes are applied in order of
//! position; a fix that overlaps one already applied is skipped (the next pass
//! of the rules finds it again on the new text).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::source::ByteRange;

/// Replace `range` of the file with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: ByteRange,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: ByteRange, replacement: impl Into<String>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::replace(at..at, text)
    }

    pub fn delete(range: ByteRange) -> Self {
        Edit::replace(range, "")
    }
}

/// Applies the fixes (each a group of edits taken all or nothing) that do not
/// overlap each other; returns the new text and which fixes were applied.
pub fn apply(text: &str, fixes: &[&[Edit]]) -> (String, Vec<bool>) {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| fixes[i].iter().map(|e| e.range.start).min().unwrap_or(0));
    // Applied edits by (start, end). They never overlap, so their ends rise
    // with their starts, which bounds the search for a clash.
    let mut taken: BTreeMap<(usize, usize), &Edit> = BTreeMap::new();
    let mut applied = vec![false; fixes.len()];
    for i in order {
        let fix = fixes[i];
        if fix.is_empty()
            || fix.iter().any(|e| {
                e.range.start > e.range.end
                    || e.range.end > text.len()
                    || !text.is_char_boundary(e.range.start)
                    || !text.is_char_boundary(e.range.end)
            })
        {
            continue;
        }
        // A fix whose own edits overlap (a rule's bug) cannot be applied
        // either: the text between them would be written twice or not at all.
        let self_overlap = fix.iter().enumerate().any(|(k, e)| {
            fix[..k]
                .iter()
                .any(|earlier| overlaps(&earlier.range, &e.range))
        });
        if !self_overlap && !fix.iter().any(|e| clashes(&taken, &e.range)) {
            for e in fix.iter() {
                taken.insert((e.range.start, e.range.end), e);
            }
            applied[i] = true;
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in taken.values() {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

fn clashes(taken: &BTreeMap<(usize, usize), &Edit>, range: &ByteRange) -> bool {
    for (&(start, end), _) in taken.range(..=(range.end, usize::MAX)).rev() {
        if overlaps(&(start..end), range) {
            return true;
        }
        if end < range.start {
            break;
        }
    }
    false
}

/// Two ranges overlap when they share a byte, or when both insert at the same
/// point (their order would be arbitrary), or one inserts strictly inside the
/// other.
fn overlaps(a: &ByteRange, b: &ByteRange) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    if a.is_empty() {
        return b.start < a.start && a.start < b.end;
    }
    if b.is_empty() {
        return a.start < b.start && b.start < a.end;
    }
    a.start < b.end && b.start < a.end
}

/// Maps offsets in the text after a set of edits back to the text before
/// them; built once per pass, then each lookup is a binary search.
pub struct OffsetMap {
    /// Per edit in order: start in the new text, end in the new text, start
    /// in the old text, and the shift after it.
    spans: Vec<(usize, usize, usize, isize)>,
    /// Per edit in the same order: who wrote it (a rule code), if known.
    authors: Vec<String>,
}

impl OffsetMap {
    pub fn new(edits: &[Edit]) -> Self {
        let tagged: Vec<(Edit, String)> =
            edits.iter().map(|e| (e.clone(), String::new())).collect();
        OffsetMap::with_authors(&tagged)
    }

    /// A map that also remembers which rule wrote each edit.
    pub fn with_authors(edits: &[(Edit, String)]) -> Self {
        let mut sorted: Vec<&(Edit, String)> = edits.iter().collect();
        sorted.sort_by_key(|(e, _)| (e.range.start, e.range.end));
        let mut shift: isize = 0;
        let mut spans = Vec::with_capacity(sorted.len());
        let mut authors = Vec::with_capacity(sorted.len());
        for (e, author) in sorted {
            let new_start = (e.range.start as isize + shift) as usize;
            shift += e.replacement.len() as isize - e.range.len() as isize;
            spans.push((
                new_start,
                new_start + e.replacement.len(),
                e.range.start,
                shift,
            ));
            authors.push(author.clone());
        }
        OffsetMap { spans, authors }
    }

    /// `Ok` with the old offset, or `Err` with the index of the edit whose
    /// written text holds the offset.
    fn locate(&self, offset: usize) -> Result<usize, usize> {
        // The last edit that starts at or before the offset decides.
        let i = self.spans.partition_point(|s| s.0 <= offset);
        let Some((at, &(_, new_end, _, shift))) = i
            .checked_sub(1)
            .and_then(|i| self.spans.get(i).map(|s| (i, s)))
        else {
            return Ok(offset);
        };
        if offset < new_end {
            return Err(at);
        }
        Ok((offset as isize - shift).max(0) as usize)
    }

    /// Who wrote the text at an offset (a rule code, empty if unknown); if no
    /// edit wrote it, where it was before the edits.
    pub fn written_by(&self, offset: usize) -> Result<&str, usize> {
        match self.locate(offset) {
            Ok(before) => Err(before),
            Err(i) => Ok(self.authors.get(i).map(String::as_str).unwrap_or("")),
        }
    }

    /// The offset before the edits (an offset inside written text maps to the
    /// start of what it replaced).
    pub fn map_back(&self, offset: usize) -> usize {
        self.locate(offset)
            .unwrap_or_else(|i| self.spans.get(i).map(|s| s.2).unwrap_or(offset))
    }
}

/// Maps an offset in the text after `edits` back to the text before them.
pub fn map_back(offset: usize, edits: &[Edit]) -> usize {
    OffsetMap::new(edits).map_back(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_fixes_are_skipped_whole() {
        let text = "select a::int4 from t";
        let first = [Edit::replace(10..14, "integer")];
        let second = [Edit::replace(12..14, "x"), Edit::replace(20..21, "u")];
        let (out, applied) = apply(text, &[&first, &second]);
        assert_eq!(out, "select a::integer from t");
        assert_eq!(applied, vec![true, false]);
    }

    #[test]
    fn insertions_and_offsets_map_back() {
        let text = "a ~ 'x'";
        let fix = [Edit::insert(0, "f("), Edit::replace(1..4, ", ")];
        let (out, _) = apply(text, &[&fix]);
        assert_eq!(out, "f(a, 'x'");
        assert_eq!(map_back(out.find('\'').unwrap(), &fix), 4);
        assert_eq!(map_back(2, &fix), 0);
    }
}
