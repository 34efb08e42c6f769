//! A tokeniser for the plain part of PostgreSQL text, which hands every line
//! it is not sure of to sqlparser's own.
//!
//! sqlparser's tokeniser is three fifths of its parse: it walks the text one
//! `char` at a time through a `Peekable`, grows every word a character at a
//! time and tries a dozen dialect branches per token. Models are mostly
//! plain words, numbers, simple strings, punctuation and blanks, which this
//! reads straight from the bytes. Anything else (a prefixed or escaped
//! string, a dollar quote, a custom operator, a non-ASCII identifier, a
//! carriage return, ...) sends the rest of its line to sqlparser, with the
//! tokens so far as context, as if it had read the text from the start. The
//! tokens are the very ones sqlparser would make, but for a run of spaces (of
//! tabs) being one token where sqlparser makes one per blank
//! ([`merge_blank_runs`]): a test compares them, with their spans and byte
//! ranges, over every fixture and corpus file.
//!
//! `COPY` is left to sqlparser whole: the data after `COPY ... FROM STDIN;`
//! is tokenised by a tracker that sees the statement from its beginning.

use sqlparser::ast::DollarQuotedString;
use sqlparser::dialect::{Dialect, PostgreSqlDialect, SnowflakeDialect};
use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Tokenizer, Whitespace, Word};

use crate::source::{ByteRange, LineIndex};

/// The tokens of `text[start..stop]` placed in `text`, as sqlparser's
/// PostgreSQL tokeniser makes them, with their byte ranges; `None` when
/// sqlparser should tokenise the whole stretch itself (it holds `COPY`, or a
/// tokenising error, which sqlparser then reports).
pub(super) fn tokenize(
    text: &str,
    start: usize,
    stop: usize,
    base: Location,
) -> Option<(Vec<TokenWithSpan>, Vec<ByteRange>)> {
    let body = text.get(..stop)?;
    let bytes = body.as_bytes();
    // About one token per three bytes of SQL: reserving it up front saves
    // growing (and copying) the list a dozen times in a large file.
    let mut list: Vec<TokenWithSpan> = Vec::with_capacity((stop - start) / 3 + 8);
    let mut ranges: Vec<ByteRange> = Vec::with_capacity(list.capacity());
    let mut at = Place {
        byte: start,
        line: base.line,
        column: base.column,
    };
    while at.byte < stop {
        match plain_token(body, at.byte, &list) {
            // A statement's first COPY goes to sqlparser with the rest of
            // the statement, which its `COPY ... FROM STDIN` tracker reads.
            Some((
                Token::Word(Word {
                    keyword: Keyword::COPY,
                    ..
                }),
                _,
            )) if starts_statement(&list) => {
                at = rest_of_line(
                    &PostgreSqlDialect {},
                    text,
                    stop,
                    at,
                    &mut list,
                    &mut ranges,
                    &|_| true,
                )?
            }
            Some((token, end)) => {
                let (from, from_byte) = (at.location(), at.byte);
                at.advance(bytes, end);
                list.push(TokenWithSpan::new(token, Span::new(from, at.location())));
                ranges.push(from_byte..end);
            }
            None => {
                at = rest_of_line(
                    &PostgreSqlDialect {},
                    text,
                    stop,
                    at,
                    &mut list,
                    &mut ranges,
                    &|_| true,
                )?
            }
        }
    }
    Some((list, ranges))
}

/// Snowflake's tokens of the text the PostgreSQL tokens `pg` (with their
/// byte ranges) were made from: the tokens both tokenisers read alike as
/// they are, and from any other on, the rest of its line (further, where a
/// token runs on) by Snowflake's tokeniser, with the tokens so far as its
/// context. `None` when a COPY's data is among the tokens (they are out of
/// text order) or a piece fails to tokenise.
pub(super) fn snowflake(
    text: &str,
    mut pg: Vec<TokenWithSpan>,
    pg_ranges: Vec<ByteRange>,
    alike: impl Fn(&Token, &ByteRange) -> bool,
) -> Option<(Vec<TokenWithSpan>, Vec<ByteRange>)> {
    if pg.iter().any(|t| matches!(t.token, Token::CopyData { .. })) {
        return None;
    }
    let stop = pg_ranges.last().map_or(0, |r| r.end);
    let mut list = Vec::with_capacity(pg.len());
    let mut ranges = Vec::with_capacity(pg.len());
    // A piece may end only where a PostgreSQL token starts.
    let token_starts =
        |end: usize| end == stop || pg_ranges.binary_search_by(|r| r.start.cmp(&end)).is_ok();
    let mut i = 0;
    while i < pg.len() {
        if alike(&pg[i].token, &pg_ranges[i]) {
            list.push(std::mem::replace(&mut pg[i], TokenWithSpan::new_eof()));
            ranges.push(pg_ranges[i].clone());
            i += 1;
            continue;
        }
        let at = Place {
            byte: pg_ranges[i].start,
            line: pg[i].span.start.line,
            column: pg[i].span.start.column,
        };
        let after = rest_of_line(
            &SnowflakeDialect {},
            text,
            stop,
            at,
            &mut list,
            &mut ranges,
            &token_starts,
        )?;
        i = pg_ranges.partition_point(|r| r.start < after.byte);
    }
    Some((list, ranges))
}

/// A position in the text in bytes and in sqlparser's (line, character
/// column), where only `\n` starts a line.
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) byte: usize,
    pub(super) line: u64,
    pub(super) column: u64,
}

impl Place {
    /// The place of byte `byte`, from the line index.
    pub(super) fn at(lines: &LineIndex, text: &str, byte: usize) -> Place {
        let (line, column) = lines.line_col(text, byte);
        Place {
            byte,
            line: line as u64,
            column: column as u64,
        }
    }

    pub(super) fn location(&self) -> Location {
        Location {
            line: self.line,
            column: self.column,
        }
    }

    /// Moves to byte `end`, counting lines and characters on the way.
    fn advance(&mut self, bytes: &[u8], end: usize) {
        for &b in &bytes[self.byte..end] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: a new character.
                self.column += 1;
            }
        }
        self.byte = end;
    }
}

/// Tokenises from `at` to the end of its line with sqlparser (further, a
/// line at a time doubling, when a token runs past it), appending to `list`
/// and `ranges`; where it stopped, or `None` if sqlparser should take the
/// whole stretch.
fn rest_of_line(
    dialect: &dyn Dialect,
    text: &str,
    stop: usize,
    at: Place,
    list: &mut Vec<TokenWithSpan>,
    ranges: &mut Vec<ByteRange>,
    may_end_at: &dyn Fn(usize) -> bool,
) -> Option<Place> {
    let bytes = text.as_bytes();
    let copy_data = dialect.supports_copy_from_stdin_data();
    let kept = list.len();
    let statement_start = starts_statement(list);
    let mut lines = 1;
    let end = loop {
        let end = line_ends(bytes, at.byte, stop, lines);
        let place = |l: Location| placed(l, at.location());
        // The tokens so far are the tokeniser's context, as when it reads
        // the whole text (a `.` after a word, for one, is told apart by it).
        let result = Tokenizer::new(dialect, text.get(at.byte..end)?)
            .tokenize_with_location_into_buf_with_mapper(list, |mut t| {
                t.span = Span::new(place(t.span.start), place(t.span.end));
                t
            });
        // A piece ending in a line break's own token ended no token early:
        // tokenising never looks past a line break to end the token before.
        let whole = end == stop
            || matches!(
                list.last().map(|t| &t.token),
                Some(Token::Whitespace(Whitespace::Newline))
            ) && list.len() > kept
                && may_end_at(end);
        match result {
            Ok(()) if whole && !copy_data => break end,
            Ok(()) if whole => match copy_statements(&list[kept..], statement_start) {
                CopyStatements::Closed => break end,
                CopyStatements::Open if end == stop => break end,
                CopyStatements::Open => {}
                CopyStatements::Misread => return None,
            },
            Err(_) if end == stop => return None,
            _ => {}
        }
        list.truncate(kept);
        lines *= 2;
    };
    let mut cursor = at;
    let mut furthest = at;
    for t in &list[kept..] {
        if cursor.location() != t.span.start {
            // A COPY's data token comes before the `;` the data follows.
            cursor = at;
            cursor.walk_to(text, t.span.start)?;
        }
        let start = cursor.byte;
        cursor.walk_to(text, t.span.end)?;
        ranges.push(start..cursor.byte);
        if cursor.byte > furthest.byte {
            furthest = cursor;
        }
    }
    merge_blank_runs(list, ranges, kept);
    (furthest.byte == end).then_some(furthest)
}

/// Makes each run of spaces (of tabs) from `list[from..]` on one token,
/// spanning the run. sqlparser makes a token of every blank, and a model's
/// indentation and its blanked Jinja are runs of them: more than half of a
/// dbt project's tokens, and most of a macro's, each made, kept, stepped
/// over by every look-ahead of the parser and dropped, in every pass.
/// sqlparser's parser skips blanks, and where it looks at one (a Snowflake
/// stage name ends at one; nothing may come between a placeholder's `:` and
/// its name) it asks only whether there is one, never how many: a run reads
/// as its blanks do. A test parses both ways, over the fixtures and
/// corpora, in both dialects
/// (`parse::tests::blank_runs_parse_as_their_blanks_do`).
pub(super) fn merge_blank_runs(
    list: &mut Vec<TokenWithSpan>,
    ranges: &mut Vec<ByteRange>,
    from: usize,
) {
    let blank = |t: &Token| match t {
        Token::Whitespace(Whitespace::Space) => Some(b' '),
        Token::Whitespace(Whitespace::Tab) => Some(b'\t'),
        _ => None,
    };
    // `list[..kept]` is done; each token after joins its last or is kept.
    let first = from.min(list.len());
    let mut kept = first;
    for i in first..list.len() {
        let joins = kept > 0
            && blank(&list[i].token).is_some()
            && blank(&list[kept - 1].token) == blank(&list[i].token)
            && ranges[kept - 1].end == ranges[i].start;
        if joins {
            ranges[kept - 1].end = ranges[i].end;
            list[kept - 1].span.end = list[i].span.end;
        } else {
            list.swap(kept, i);
            ranges.swap(kept, i);
            kept += 1;
        }
    }
    list.truncate(kept);
    ranges.truncate(kept);
}

/// The end of the run of `blank` bytes from `from`, eight bytes at a time
/// where it can: a macro's variant is mostly blanked text.
pub(super) fn run_end(bytes: &[u8], from: usize, blank: u8) -> usize {
    let eight = u64::from_ne_bytes([blank; 8]);
    let mut i = from;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        if u64::from_ne_bytes(chunk) != eight {
            break;
        }
        i += 8;
    }
    i + bytes[i..].iter().take_while(|&&b| b == blank).count()
}

/// The start of the run of `blank` bytes that ends at `to`: [`run_end`]
/// backwards.
pub(super) fn run_start(bytes: &[u8], to: usize, blank: u8) -> usize {
    let eight = u64::from_ne_bytes([blank; 8]);
    let mut i = to;
    while let Some(chunk) = i
        .checked_sub(8)
        .and_then(|s| bytes.get(s..i))
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        if u64::from_ne_bytes(chunk) != eight {
            break;
        }
        i -= 8;
    }
    i - bytes[..i].iter().rev().take_while(|&&b| b == blank).count()
}

/// Whether the next token would be the first of a statement (as sqlparser's
/// `COPY ... FROM STDIN` tracker sees it: after a `;` or at the start).
fn starts_statement(list: &[TokenWithSpan]) -> bool {
    list.iter()
        .rev()
        .find(|t| !matches!(t.token, Token::Whitespace(_)))
        .is_none_or(|t| t.token == Token::SemiColon)
}

/// How a piece sqlparser tokenised stands with `COPY` statements.
enum CopyStatements {
    /// None is cut off at its end: every `COPY` statement it holds ended,
    /// with its data.
    Closed,
    /// A `COPY` statement or its data runs past the piece's end.
    Open,
    /// The piece starts inside a statement with the word COPY, which the
    /// tokeniser, starting afresh, takes for a statement's first.
    Misread,
}

/// Follows the piece as sqlparser's `COPY ... FROM STDIN` tracker does (a
/// statement's first word COPY, then FROM STDIN outside parentheses makes
/// its `;` read the data lines after it, up to `\.`).
fn copy_statements(piece: &[TokenWithSpan], statement_start: bool) -> CopyStatements {
    // The tokeniser takes the piece's first token for a statement's first.
    let mut first = true;
    let mut mid_statement = !statement_start;
    let (mut in_copy, mut from_stdin, mut after_from, mut depth) = (false, false, false, 0u32);
    let mut data_read = false;
    for t in piece {
        match &t.token {
            Token::Whitespace(_) => {}
            Token::CopyData { terminated, .. } => data_read = *terminated,
            Token::SemiColon => {
                if in_copy && from_stdin && !data_read {
                    return CopyStatements::Open;
                }
                (first, mid_statement, in_copy, from_stdin, after_from, depth) =
                    (true, false, false, false, false, 0);
                data_read = false;
            }
            token => {
                if first {
                    if let Token::Word(Word {
                        keyword: Keyword::COPY,
                        ..
                    }) = token
                    {
                        if mid_statement {
                            return CopyStatements::Misread;
                        }
                        in_copy = true;
                    }
                }
                first = false;
                match token {
                    Token::LParen => depth += 1,
                    Token::RParen => depth = depth.saturating_sub(1),
                    Token::Word(w) if after_from && w.keyword == Keyword::STDIN && depth == 0 => {
                        from_stdin = true
                    }
                    _ => {}
                }
                after_from = matches!(token, Token::Word(w) if w.keyword == Keyword::FROM);
            }
        }
    }
    if in_copy {
        CopyStatements::Open
    } else {
        CopyStatements::Closed
    }
}

impl Place {
    /// Walks character by character to `to`; `None` if the text ends first
    /// or `to` lies behind.
    pub(super) fn walk_to(&mut self, text: &str, to: Location) -> Option<()> {
        while (self.line, self.column) < (to.line, to.column) {
            let c = text.get(self.byte..)?.chars().next()?;
            self.byte += c.len_utf8();
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        ((self.line, self.column) == (to.line, to.column)).then_some(())
    }
}

/// Location `l` of a tokeniser that started at `base`, as if it had
/// started at the beginning of the text.
pub(super) fn placed(l: Location, base: Location) -> Location {
    Location {
        line: l.line + base.line - 1,
        column: if l.line == 1 {
            l.column + base.column - 1
        } else {
            l.column
        },
    }
}

/// The byte after the `lines`-th line break from `from`, or `stop`.
fn line_ends(bytes: &[u8], from: usize, stop: usize, lines: usize) -> usize {
    let mut end = from;
    for _ in 0..lines {
        match bytes[end..stop].iter().position(|&b| b == b'\n') {
            Some(i) => end += i + 1,
            None => return stop,
        }
        if end >= stop {
            return stop;
        }
    }
    end
}

/// A character PostgreSQL may continue an operator with (sqlparser's
/// `is_custom_operator_part`): after one, sqlparser may read a custom operator.
fn operator_part(b: u8) -> bool {
    matches!(
        b,
        b'+' | b'-'
            | b'*'
            | b'/'
            | b'<'
            | b'>'
            | b'='
            | b'~'
            | b'!'
            | b'@'
            | b'#'
            | b'%'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
    )
}

fn word_part(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// What may follow a number for it to end there as sqlparser reads it: not
/// a digit, `.`, `_`, an exponent, a radix or `L` suffix, nor a letter.
fn ends_number(next: Option<u8>) -> bool {
    next.is_none_or(|b| b.is_ascii() && !word_part(b) && b != b'.')
}

/// The plain token at `i` and the byte after it, or `None` when sqlparser
/// should read it. `bytes` ends where the stretch does.
#[inline(always)]
fn plain_token(text: &str, i: usize, list: &[TokenWithSpan]) -> Option<(Token, usize)> {
    let bytes = text.as_bytes();
    let peek = |k: usize| bytes.get(k).copied();
    let b = bytes[i];
    let single = |t: Token| Some((t, i + 1));
    match b {
        // A run of spaces (of tabs) is one token: see [`merge_blank_runs`].
        b' ' | b'\t' => {
            let end = run_end(bytes, i, b);
            let blank = if b == b' ' {
                Whitespace::Space
            } else {
                Whitespace::Tab
            };
            Some((Token::Whitespace(blank), end))
        }
        b'\n' => single(Token::Whitespace(Whitespace::Newline)),
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
            let end = i + bytes[i..].iter().take_while(|&&b| word_part(b)).count();
            // A quote or `&` after a word may make a prefixed string
            // (E'…', B'…', X'…', N'…', U&'…'), a non-ASCII character
            // continues the identifier.
            match peek(end) {
                Some(b'\'' | b'"' | b'&') => None,
                Some(n) if !n.is_ascii() => None,
                _ => {
                    let word = text.get(i..end)?;
                    let token = Token::Word(Word {
                        value: word.to_string(),
                        quote_style: None,
                        keyword: keyword(word.as_bytes()),
                    });
                    Some((token, end))
                }
            }
        }
        b'0'..=b'9' => {
            let mut end = digits_end(bytes, i);
            if peek(end) == Some(b'.') {
                end = digits_end(bytes, end + 1);
            }
            number(text, i, end)
        }
        b'.' => match peek(i + 1) {
            Some(n) if n.is_ascii_alphabetic() || matches!(n, b'"' | b'*' | b' ' | b'\n') => {
                single(Token::Period)
            }
            // `._` is a field access after a word (and an error elsewhere).
            Some(b'_') if last_word(list) => single(Token::Period),
            Some(b'0'..=b'9') => number(text, i, digits_end(bytes, i + 1)),
            _ => None,
        },
        b'\'' => {
            let (value, end) = quoted(text, i, b'\'')?;
            Some((Token::SingleQuotedString(value), end))
        }
        b'"' => {
            let (value, end) = quoted(text, i, b'"')?;
            let word = Word {
                value,
                quote_style: Some('"'),
                keyword: Keyword::NoKeyword,
            };
            Some((Token::Word(word), end))
        }
        // `$$…$$`, a dollar-quoted string without a tag (a function's body):
        // sqlparser reads it up to the first `$$`. Unterminated, it is
        // sqlparser's to report.
        b'$' if peek(i + 1) == Some(b'$') => {
            let close = i + 2 + text.get(i + 2..)?.find("$$")?;
            let value = text.get(i + 2..close)?.to_string();
            let token = Token::DollarQuotedString(DollarQuotedString { value, tag: None });
            Some((token, close + 2))
        }
        b'\\' => single(Token::Backslash),
        b'(' => single(Token::LParen),
        b')' => single(Token::RParen),
        b',' => single(Token::Comma),
        b';' => single(Token::SemiColon),
        b'[' => single(Token::LBracket),
        b']' => single(Token::RBracket),
        b'+' => single(Token::Plus),
        b'*' => single(Token::Mul),
        b'-' => match peek(i + 1) {
            Some(b'>') => match (peek(i + 2), peek(i + 3)) {
                (Some(b'>'), n) if !n.is_some_and(operator_part) => Some((Token::LongArrow, i + 3)),
                (n, _) if !n.is_some_and(operator_part) => Some((Token::Arrow, i + 2)),
                _ => None,
            },
            Some(b'-') => {
                let end = i
                    + 2
                    + bytes[i + 2..]
                        .iter()
                        .take_while(|&&b| b != b'\n' && b != b'\r')
                        .count();
                let comment = text.get(i + 2..end)?;
                let token = Token::Whitespace(Whitespace::SingleLineComment {
                    prefix: "--".to_string(),
                    comment: comment.to_string(),
                });
                Some((token, end))
            }
            Some(n) if operator_part(n) => None,
            _ => single(Token::Minus),
        },
        b'/' => match peek(i + 1) {
            Some(b'*') => {
                let body = i + 2;
                let close = body + find(&bytes[body..], b"*/")?;
                // Comments nest in PostgreSQL: an inner `/*` is sqlparser's.
                if find(&bytes[body..close + 1], b"/*").is_some() {
                    return None;
                }
                let comment = text.get(body..close)?;
                let token = Token::Whitespace(Whitespace::MultiLineComment(comment.to_string()));
                Some((token, close + 2))
            }
            _ => single(Token::Div),
        },
        b'=' => match peek(i + 1) {
            Some(b'>') => Some((Token::RArrow, i + 2)),
            Some(b'=') => Some((Token::DoubleEq, i + 2)),
            _ => single(Token::Eq),
        },
        b'!' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'='), _) => Some((Token::Neq, i + 2)),
            (Some(b'~'), Some(b'*')) => Some((Token::ExclamationMarkTildeAsterisk, i + 3)),
            (Some(b'~'), Some(b'~')) => None,
            (Some(b'~'), _) => Some((Token::ExclamationMarkTilde, i + 2)),
            _ => None,
        },
        b'~' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'*'), n) if !n.is_some_and(operator_part) => Some((Token::TildeAsterisk, i + 2)),
            (n, _) if !n.is_some_and(operator_part) => single(Token::Tilde),
            _ => None,
        },
        b'@' => match peek(i + 1) {
            Some(b'@') => Some((Token::AtAt, i + 2)),
            Some(b'>') => Some((Token::AtArrow, i + 2)),
            Some(b'?') => Some((Token::AtQuestion, i + 2)),
            Some(b'-') => None,
            Some(n) if !n.is_ascii() => None,
            _ => single(Token::AtSign),
        },
        b'#' => match (peek(i + 1), peek(i + 2), peek(i + 3)) {
            (Some(b'>'), Some(b'>'), n) if !n.is_some_and(operator_part) => {
                Some((Token::HashLongArrow, i + 3))
            }
            (Some(b'>'), n, _) if n != Some(b'>') && !n.is_some_and(operator_part) => {
                Some((Token::HashArrow, i + 2))
            }
            (Some(b' '), _, _) => single(Token::Sharp),
            _ => None,
        },
        b'&' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'&'), n) if !n.is_some_and(operator_part) => Some((Token::Overlap, i + 2)),
            (n, _) if !n.is_some_and(operator_part) => single(Token::Ampersand),
            _ => None,
        },
        b'^' => match peek(i + 1) {
            Some(b'@') => Some((Token::CaretAt, i + 2)),
            _ => single(Token::Caret),
        },
        b'<' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'@'), n) if !n.is_some_and(operator_part) => Some((Token::ArrowAt, i + 2)),
            (Some(b'='), n) if !n.is_some_and(operator_part) => Some((Token::LtEq, i + 2)),
            (Some(b'>'), n) if !n.is_some_and(operator_part) => Some((Token::Neq, i + 2)),
            (n, _) if !n.is_some_and(operator_part) => single(Token::Lt),
            _ => None,
        },
        b'>' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'='), n) if !n.is_some_and(operator_part) => Some((Token::GtEq, i + 2)),
            (n, _) if !n.is_some_and(operator_part) => single(Token::Gt),
            _ => None,
        },
        b':' => match peek(i + 1) {
            Some(b':') => Some((Token::DoubleColon, i + 2)),
            Some(b'=') => None,
            _ => single(Token::Colon),
        },
        b'|' => match (peek(i + 1), peek(i + 2)) {
            (Some(b'|'), n) if !n.is_some_and(operator_part) => Some((Token::StringConcat, i + 2)),
            _ => None,
        },
        b'%' => match peek(i + 1) {
            Some(b' ' | b'\n' | b'\t') => single(Token::Mod),
            _ => None,
        },
        _ => None,
    }
}

/// The keyword an ASCII word spells in any case, as `Token::make_word`
/// finds it in sqlparser's list (looked up by its upper-cased bytes, not a
/// binary search upper-casing a byte per comparison).
fn keyword(word: &[u8]) -> Keyword {
    let mut upper = [0u8; 64];
    let Some(upper) = upper.get_mut(..word.len()) else {
        // Longer than any keyword.
        return Keyword::NoKeyword;
    };
    for (u, w) in upper.iter_mut().zip(word) {
        *u = w.to_ascii_uppercase();
    }
    let upper: &[u8] = upper;
    KEYWORDS
        .get_or_init(|| {
            ALL_KEYWORDS
                .iter()
                .zip(ALL_KEYWORDS_INDEX)
                .map(|(word, keyword)| (word.as_bytes(), *keyword))
                .collect()
        })
        .get(upper)
        .copied()
        .unwrap_or(Keyword::NoKeyword)
}

/// sqlparser's keywords by their upper-case spelling, hashed by a cheap
/// hasher (the words are the text's own, not an attacker's).
static KEYWORDS: std::sync::OnceLock<
    std::collections::HashMap<&'static [u8], Keyword, std::hash::BuildHasherDefault<WordHasher>>,
> = std::sync::OnceLock::new();

/// FNV-1a over a word's bytes.
struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The end of the run of ASCII digits from `from`.
fn digits_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The number `text[i..end]`, if sqlparser ends it there too.
fn number(text: &str, i: usize, end: usize) -> Option<(Token, usize)> {
    if !ends_number(text.as_bytes().get(end).copied()) {
        return None;
    }
    Some((Token::Number(text.get(i..end)?.to_string(), false), end))
}

/// The quoted text at `i` (a string or a quoted name) with each doubled
/// quote read as one, and the byte after its closing quote.
fn quoted(text: &str, i: usize, quote: u8) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut value = String::new();
    let mut from = i + 1;
    loop {
        let close = from + bytes[from..].iter().position(|&b| b == quote)?;
        value.push_str(text.get(from..close)?);
        if bytes.get(close + 1) != Some(&quote) {
            return Some((value, close + 1));
        }
        value.push(char::from(quote));
        from = close + 2;
    }
}

/// Whether the last token other than blanks and comments is a word.
fn last_word(list: &[TokenWithSpan]) -> bool {
    matches!(
        list.iter()
            .rev()
            .find(|t| !matches!(t.token, Token::Whitespace(_)))
            .map(|t| &t.token),
        Some(Token::Word(_))
    )
}

/// Where `needle` first starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineIndex;

    /// Compares this tokeniser with sqlparser's over `text[start..stop]`:
    /// the same tokens, spans and byte ranges once each run of blanks is
    /// split back into a token per blank, or `None` where sqlparser fails.
    fn agrees(text: &str, start: usize, stop: usize) -> Result<(), String> {
        let lines = LineIndex::new(text);
        let (line, column) = lines.line_col(text, start);
        let base = Location {
            line: line as u64,
            column: column as u64,
        };
        let reference =
            super::super::tokenize_with_sqlparser(&PostgreSqlDialect {}, text, &lines, start, stop);
        match (tokenize(text, start, stop, base), reference) {
            (None, _) => Ok(()),
            (Some(_), Err(e)) => Err(format!("sqlparser fails ({}), plain does not", e.message)),
            (Some((list, ranges)), Ok((want_list, want_ranges))) => {
                let (list, ranges) = split_blank_runs(&list, &ranges);
                for (i, (got, want)) in list.iter().zip(&want_list).enumerate() {
                    if got != want || ranges[i] != want_ranges[i] {
                        return Err(format!(
                            "token {i}: {got:?} {:?}, sqlparser {want:?} {:?}",
                            ranges[i], want_ranges[i]
                        ));
                    }
                }
                if list.len() != want_list.len() || ranges.len() != want_ranges.len() {
                    return Err(format!(
                        "{} tokens, sqlparser {}",
                        list.len(),
                        want_list.len()
                    ));
                }
                Ok(())
            }
        }
    }

    /// The tokens with each run of spaces or tabs split into a token per
    /// blank, as sqlparser makes them (a blank is one byte and one column).
    fn split_blank_runs(
        list: &[TokenWithSpan],
        ranges: &[ByteRange],
    ) -> (Vec<TokenWithSpan>, Vec<ByteRange>) {
        let (mut split, mut split_ranges) = (vec![], vec![]);
        for (t, r) in list.iter().zip(ranges) {
            match t.token {
                Token::Whitespace(Whitespace::Space | Whitespace::Tab) => {
                    assert_eq!(
                        t.span.start.line, t.span.end.line,
                        "a blank run on one line"
                    );
                    for k in 0..r.len() {
                        let at = |c: usize| Location {
                            line: t.span.start.line,
                            column: t.span.start.column + c as u64,
                        };
                        let blank = Span::new(at(k), at(k + 1));
                        split.push(TokenWithSpan::new(t.token.clone(), blank));
                        split_ranges.push(r.start + k..r.start + k + 1);
                    }
                }
                _ => {
                    split.push(t.clone());
                    split_ranges.push(r.clone());
                }
            }
        }
        (split, split_ranges)
    }

    /// Snowflake's tokens made from the PostgreSQL ones are Snowflake's own.
    fn snowflake_agrees(text: &str) -> Result<(), String> {
        use super::super::{tokenize as tokens_of, SnowflakeDialect};
        let Ok(pg) = tokens_of(&PostgreSqlDialect {}, text) else {
            return Ok(());
        };
        match (pg.into_portable(), tokens_of(&SnowflakeDialect {}, text)) {
            (None, _) => Ok(()),
            (Some(_), Err(e)) => Err(format!("Snowflake fails ({}), not made", e.message)),
            (Some(made), Ok(sf)) => {
                let made: Vec<_> = made.list.iter().zip(&made.ranges).collect();
                let want: Vec<_> = sf.list.iter().zip(&sf.ranges).collect();
                match made.iter().zip(&want).position(|(a, b)| a != b) {
                    Some(i) => Err(format!(
                        "token {i}: {:?}, Snowflake's {:?}",
                        made[i], want[i]
                    )),
                    None if made.len() != want.len() => {
                        Err(format!("{} tokens, Snowflake's {}", made.len(), want.len()))
                    }
                    None => Ok(()),
                }
            }
        }
    }

    /// Every stretch a convert tokenises: the whole text, and the text from
    /// line starts on (as splicing does), for the raw and the masked text.
    fn check_file(path: &std::path::Path, text: &str) {
        let mut texts = vec![text.to_string()];
        if let Ok(regions) = crate::jinja::scan(text) {
            texts.push(crate::mask::mask_file(text, &regions).masked);
        }
        for text in &texts {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            // The whole text, and a few lines from each of a spread of line
            // starts (every one in a small file).
            let step = (starts.len() / 40).max(1);
            let stretches = starts
                .iter()
                .enumerate()
                .step_by(step)
                .map(|(k, &start)| (start, starts.get(k + 3).copied().unwrap_or(text.len())));
            for (start, stop) in std::iter::once((0, text.len())).chain(stretches) {
                if let Err(e) = agrees(text, start, stop) {
                    panic!("{}, bytes {start}..{stop}: {e}", path.display());
                }
            }
            if let Err(e) = snowflake_agrees(text) {
                panic!("{}, Snowflake tokens: {e}", path.display());
            }
        }
    }

    #[test]
    fn agrees_with_sqlparser_on_every_fixture_and_corpus_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for dir in [root.join("fixtures"), root.join("../shared/corpora")] {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                if entry.path().extension().is_some_and(|e| e == "sql") {
                    if let Ok(text) = std::fs::read_to_string(entry.path()) {
                        check_file(entry.path(), &text);
                        files += 1;
                    }
                }
            }
        }
        assert!(files > 100, "only {files} files found");
    }

    /// Texts stitched from pieces that sit on the edges of what this
    /// tokeniser reads itself.
    fn stitched_texts(count: usize, mut check: impl FnMut(&str, u64)) {
        const PIECES: &[&str] = &[
            "select",
            " ",
            "\n",
            "\t",
            "a",
            "_x$",
            "E",
            "e",
            "b",
            "X",
            "n",
            "u",
            "U&",
            "'",
            "''",
            "'abc'",
            "'a\nb'",
            "'é'",
            "\"",
            "\"id\"",
            "\"\"",
            "--c",
            "-- ü\n",
            "/*",
            "*/",
            "/* c */",
            "/*/",
            "/**/",
            "0",
            "1",
            "1.",
            ".5",
            "1.5",
            "1e5",
            "1E+",
            "0x1F",
            "0b1",
            "1_000",
            "12L",
            ".",
            "._",
            "..",
            ".*",
            "::",
            ":",
            ":=",
            "=",
            "==",
            "=>",
            "<",
            "<=",
            "<>",
            "<=>",
            "<-",
            "<@",
            ">",
            ">=",
            ">>",
            "!",
            "!=",
            "!~",
            "~",
            "~*",
            "|",
            "||",
            "||/",
            "|/",
            "%",
            "% ",
            "%s",
            "+",
            "-",
            "->",
            "->>",
            "*",
            "/",
            "//",
            "(",
            ")",
            ",",
            ";",
            "[",
            "]",
            "{",
            "}",
            "$1",
            "$$",
            "$$body$$",
            "$t$x$t$",
            "\\",
            "\\.",
            "\r",
            "\r\n",
            "é",
            "ü_a",
            "copy",
            "COPY t FROM STDIN;\n1\t2\n\\.\n",
            "from",
            "stdin",
            "COPY",
            " from stdin;\n",
            "\n\\.\n",
            "x\ty\n",
            "@",
            "#",
            "&",
            "?",
            "^",
            "`",
            "\u{a0}",
            "\x0c",
            "t.1",
            "x.e'a'",
            "@@",
            "@>",
            "<@",
            "@?",
            "@-",
            "#>",
            "#>>",
            "#-",
            "##",
            "&&",
            "&<",
            "^@",
            "^",
            "!~*",
            "!~~",
            "~~",
            "~=",
            "->>",
            "=>",
            "==",
            "._",
            "a._b",
            ".0",
            "a.5",
            "'it''s'",
            "\"a\"\"b\"",
            "''''",
            "\\d",
            "@ ",
            "# ",
            "&",
        ];
        // A fixed xorshift: the same texts every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..count {
            let n = 1 + next() % 10;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            check(&text, next());
        }
    }

    #[test]
    fn agrees_with_sqlparser_on_stitched_texts() {
        stitched_texts(40_000, |text, random| {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let start = starts[(random % starts.len() as u64) as usize];
            for (start, stop) in [(0, text.len()), (start, text.len())] {
                if let Err(e) = agrees(text, start, stop) {
                    panic!("{text:?}, bytes {start}..{stop}: {e}");
                }
            }
        });
    }

    /// Snowflake's tokens made from the PostgreSQL ones are Snowflake's own.
    #[test]
    fn snowflake_tokens_agree_with_sqlparser_on_stitched_texts() {
        stitched_texts(40_000, |text, _| {
            if let Err(e) = snowflake_agrees(text) {
                panic!("{text:?}: {e}");
            }
        });
    }

    #[test]
    fn finds_the_keyword_make_word_finds() {
        for &k in ALL_KEYWORDS {
            for word in [
                k.to_string(),
                k.to_lowercase(),
                format!("{k}x"),
                format!("{k}_"),
            ] {
                let Token::Word(want) = Token::make_word(&word, None) else {
                    unreachable!()
                };
                assert_eq!(keyword(word.as_bytes()), want.keyword, "{word}");
            }
        }
    }

    #[test]
    fn reads_a_plain_model_itself_and_hands_the_rest_of_a_line_to_sqlparser() {
        let text = "select a::int, 'x' || b -- c\nfrom t where x ~ 'a' and y = 1.5\n";
        let (list, ranges) =
            tokenize(text, 0, text.len(), Location { line: 1, column: 1 }).expect("tokenised");
        let tilde = list
            .iter()
            .position(|t| t.token == Token::Tilde)
            .expect("a ~ token");
        assert_eq!(&text[ranges[tilde].clone()], "~");
        assert!(agrees(text, 0, text.len()).is_ok());
        // A COPY statement is sqlparser's, with its data.
        let text = "select 1;\ncopy t from stdin;\n1\t2\n\\.\nselect copy from t;\n";
        let (list, _) =
            tokenize(text, 0, text.len(), Location { line: 1, column: 1 }).expect("tokenised");
        assert!(list.iter().any(
            |t| matches!(&t.token, Token::CopyData { data, terminated: true } if data == "1\t2\n")
        ));
        assert!(agrees(text, 0, text.len()).is_ok());
    }
}
