//! A model's text and the line index that turns sqlparser's (line, character
//! column) locations into byte offsets and back.
//!
//! sqlparser counts columns in characters, so every conversion goes through the
//! line's text; the masked text has the same bytes at the same offsets as the
//! original outside Jinja, and the same line breaks everywhere.

use std::ops::Range;

/// Byte range in a file.
pub type ByteRange = Range<usize>;

/// Start offset of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        // memchr finds line breaks a word at a time: a macro file's text is
        // indexed once for each of its variants.
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// Byte offset of a 1-based (line, character column) location in `text`.
    /// Returns `None` for locations outside the text (sqlparser uses line 0 for
    /// "no location").
    pub fn offset(&self, text: &str, line: u64, column: u64) -> Option<usize> {
        if line == 0 || column == 0 {
            return None;
        }
        let start = *self.line_starts.get(line as usize - 1)?;
        let end = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(text.len());
        let line_text = text.get(start..end)?;
        let want = column as usize - 1;
        // Most SQL is ASCII: the byte offset is the character offset.
        if line_text.is_ascii() {
            return (want <= line_text.len()).then_some(start + want);
        }
        let mut chars = 0;
        for (i, _) in line_text.char_indices() {
            if chars == want {
                return Some(start + i);
            }
            chars += 1;
        }
        (chars == want).then_some(end)
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, column + 1)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of a 1-based line, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> ByteRange {
        let start = self.line_starts[line - 1];
        let mut end = self
            .line_starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(text.len());
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "select 'é', x\nfrom t";
        let idx = LineIndex::new(text);
        // `x` is column 13 (12 characters before it) but byte 13 (13 bytes before it).
        assert_eq!(idx.offset(text, 1, 13), Some(13));
        assert_eq!(&text[13..14], "x");
        assert_eq!(idx.offset(text, 2, 6), Some(20));
        assert_eq!(idx.line_col(text, 20), (2, 6));
        assert_eq!(idx.line_col(text, 13), (1, 13));
        assert_eq!(idx.offset(text, 1, 10), Some(10));
        assert_eq!(idx.offset(text, 0, 0), None);
        assert_eq!(idx.offset(text, 9, 1), None);
    }
}
