//! Parses a masked text with sqlparser and keeps its lossless token stream.
//!
//! The AST says *what* a construct is; its spans are incomplete (a cast's span
//! covers only the operand, a function's stops before `)`, `OVER` is skipped),
//! so the byte range of a construct is always found through the tokens.

use std::ops::ControlFlow;

use regex::Regex;
use sqlparser::ast::{CastKind, Expr, Spanned, Statement};
use sqlparser::dialect::{Dialect, PostgreSqlDialect, SnowflakeDialect};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserOptions};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Tokenizer, Whitespace};

use crate::source::{ByteRange, LineIndex};

mod plain;

/// sqlparser's own recursion limit, well below what the thread stack holds.
const RECURSION_LIMIT: usize = 50;

/// A parse failure at a byte offset.
#[derive(Debug, Clone)]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

/// The tokens of a text with the byte range of each.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<TokenWithSpan>,
    pub ranges: Vec<ByteRange>,
    pub lines: LineIndex,
    /// Built on first use: see [`Tokens::calls`].
    /// The name is `None` when the text's own is the lower-case one.
    calls: std::sync::OnceLock<Vec<(usize, Option<Box<str>>)>>,
    /// Token positions of the calls rules asked about, by the call's
    /// address: some twenty rules look at every call, and finding its
    /// parentheses and clauses is a token scan (see `rules::function_renames::Call`).
    pub call_parts: std::cell::RefCell<CallPartsCache>,
    /// The casts rules asked about, by the cast's address, for the same
    /// reason: half a dozen rules look at every cast (see [`Tokens::cast`]).
    casts: std::cell::RefCell<AddressCache<Option<Cast>>>,
}

/// [`CallParts`] by the call's address.
pub type CallPartsCache = AddressCache<Option<CallParts>>;

/// What a token scan found about an expression, by the expression's
/// address. The walk hands one expression to every rule in turn, so the last
/// answer is asked for again some twenty times in a row: it is kept aside,
/// and the map (for expressions asked about out of turn) hashes an address
/// without SipHash's cost.
pub struct AddressCache<V> {
    last: Option<(usize, V)>,
    map: std::collections::HashMap<usize, V, std::hash::BuildHasherDefault<AddressHasher>>,
}

impl<V> Default for AddressCache<V> {
    fn default() -> Self {
        AddressCache {
            last: None,
            map: Default::default(),
        }
    }
}

impl<V: Clone> AddressCache<V> {
    /// Whether nothing was looked up yet.
    pub fn is_empty(&self) -> bool {
        self.last.is_none() && self.map.is_empty()
    }

    /// The answer for the expression at `key`, from `find` the first time only.
    pub fn get_or_find(&mut self, key: usize, find: impl FnOnce() -> V) -> V {
        if let Some((last, value)) = &self.last {
            if *last == key {
                return value.clone();
            }
        }
        let value = self.map.entry(key).or_insert_with(find).clone();
        self.last = Some((key, value.clone()));
        value
    }
}

/// A hasher for addresses, which are distinct already: a multiply mixes
/// them and the rotation brings its well-mixed high bits down to the bits
/// the table indexes by (an address's low bits are always zero).
#[derive(Default)]
pub struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Token indexes of a call's parts (name, parentheses, ORDER BY, FILTER).
#[derive(Debug, Clone, Copy)]
pub struct CallParts {
    pub name_token: usize,
    pub open: usize,
    pub close: usize,
    pub order_by: Option<(usize, usize)>,
    pub filter: Option<(usize, usize)>,
}

pub struct Parsed<'t> {
    pub tokens: Tokens<'t>,
    pub statements: Vec<Statement>,
}

pub fn tokenize<'t>(dialect: &dyn Dialect, text: &'t str) -> Result<Tokens<'t>, ParseError> {
    let lines = LineIndex::new(text);
    // A macro's or block's text is the whole file with everything outside it
    // blanked, and every run of blanks is a token: the blank margins
    // are left out (a 7 kB macro file tokenised for each of its 48 variants
    // took five times as long as with them).
    let (start, stop) = margins(text);
    let (list, ranges) = tokenize_between(dialect, text, &lines, start, stop)?;
    Ok(Tokens::new(text, list, ranges, lines))
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t')
}

/// Where a text's first and last non-blank bytes lie: the tokens cover
/// `start..stop`.
fn margins(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while bytes.get(start).is_some_and(|&b| is_blank(b)) {
        start = plain::run_end(bytes, start, bytes[start]);
    }
    let mut stop = bytes.len();
    while stop > start && is_blank(bytes[stop - 1]) {
        stop = plain::run_start(bytes, stop, bytes[stop - 1]);
    }
    (start, stop)
}

/// The tokens of `text[start..stop]`, placed in `text`: their spans as if
/// the tokeniser had read `text` from its beginning, their byte ranges in
/// `text`.
fn tokenize_between(
    dialect: &dyn Dialect,
    text: &str,
    lines: &LineIndex,
    start: usize,
    stop: usize,
) -> Result<(Vec<TokenWithSpan>, Vec<ByteRange>), ParseError> {
    if dialect.is::<PostgreSqlDialect>()
        && text.is_char_boundary(start)
        && text.is_char_boundary(stop)
    {
        let (line, column) = lines.line_col(text, start);
        let base = Location {
            line: line as u64,
            column: column as u64,
        };
        if let Some(tokens) = plain::tokenize(text, start, stop, base) {
            return Ok(tokens);
        }
    }
    let (mut list, mut ranges) = tokenize_with_sqlparser(dialect, text, lines, start, stop)?;
    plain::merge_blank_runs(&mut list, &mut ranges, 0);
    Ok((list, ranges))
}

/// [`tokenize_between`] by sqlparser's tokeniser alone, a token per blank.
fn tokenize_with_sqlparser(
    dialect: &dyn Dialect,
    text: &str,
    lines: &LineIndex,
    start: usize,
    stop: usize,
) -> Result<(Vec<TokenWithSpan>, Vec<ByteRange>), ParseError> {
    let body = text.get(start..stop).ok_or_else(|| ParseError {
        offset: start,
        message: "internal: a token stretch off character boundaries".to_string(),
    })?;
    let base = plain::Place::at(lines, text, start);
    let place = |l: Location| plain::placed(l, base.location());
    let mut list = Tokenizer::new(dialect, body)
        .tokenize_with_location()
        .map_err(|e| {
            let at = place(e.location);
            let mut offset = lines.offset(text, at.line, at.column).unwrap_or(start);
            // The tokenizer notices an open comment at the end of the file;
            // the reader wants where it opens.
            if e.message.contains("multi-line comment") {
                offset = text[..offset.min(text.len())].rfind("/*").unwrap_or(offset);
            }
            let message = if e.message.contains("multi-line comment") {
                "unterminated `/*` comment: no closing `*/`".to_string()
            } else {
                e.message
            };
            ParseError { offset, message }
        })?;
    if (base.line, base.column) != (1, 1) {
        for t in &mut list {
            t.span = Span::new(place(t.span.start), place(t.span.end));
        }
    }
    // The tokens cover the stretch without gaps, so one cursor walking the
    // characters turns (line, character column) into bytes in linear time;
    // the line index answers for any token where the walk disagrees.
    let mut ranges = Vec::with_capacity(list.len());
    let mut cursor = base;
    for t in &list {
        let (start, end) = (t.span.start, t.span.end);
        let from = cursor.byte;
        let walked = cursor.location() == start && cursor.walk_to(text, end).is_some();
        let range = if walked {
            from..cursor.byte
        } else {
            let s = lines.offset(text, start.line, start.column).unwrap_or(from);
            let e = lines.offset(text, end.line, end.column).unwrap_or(s).max(s);
            cursor = plain::Place::at(lines, text, e);
            s..e
        };
        ranges.push(range);
    }
    Ok((list, ranges))
}

fn parse_with<'t>(dialect: &dyn Dialect, tokens: Tokens<'t>) -> Result<Parsed<'t>, ParseError> {
    parse_unplaced(dialect, tokens).map_err(|failed| {
        let (mut tokens, at) = *failed;
        place(dialect, &mut tokens, at)
    })
}

/// Parses `tokens`; on failure hands them back with the statement that
/// failed, for [`place`] to make the message when it is wanted.
fn parse_unplaced<'t>(
    dialect: &dyn Dialect,
    mut tokens: Tokens<'t>,
) -> Result<Parsed<'t>, Box<(Tokens<'t>, Resume)>> {
    let most_statements = 1 + tokens
        .list
        .iter()
        .filter(|t| matches!(t.token, Token::SemiColon))
        .count();
    // The parser reads the tokens with their byte ranges for spans (see
    // [`offset_span`]); their line:column spans come back after.
    let line_spans: Vec<Span> = tokens.list.iter().map(|t| t.span).collect();
    for (t, r) in tokens.list.iter_mut().zip(&tokens.ranges) {
        t.span = offset_span(r);
    }
    let result = run_parser(dialect, &mut tokens, most_statements, Resume::default());
    for (t, span) in tokens.list.iter_mut().zip(&line_spans) {
        t.span = *span;
    }
    match result {
        Ok(statements) => Ok(Parsed { tokens, statements }),
        Err((_, at)) => Err(Box::new((tokens, at))),
    }
}

/// The error of a parse that failed in the statement at `at`, with its place.
/// The message names the place only from line:column spans, so that
/// statement is parsed again with them (the parser never looks at a span:
/// it fails the same way).
fn place(dialect: &dyn Dialect, tokens: &mut Tokens, at: Resume) -> ParseError {
    match run_parser(dialect, tokens, 1, at) {
        Err((e, _)) => described(e, tokens),
        // Cannot happen while the parser ignores spans; an error all the same.
        Ok(_) => ParseError {
            offset: tokens.text.len(),
            message: "internal: the statement that failed to parse parsed when parsed again"
                .to_string(),
        },
    }
}

/// A parser error as a [`ParseError`]: its message and the offset of the
/// line:column it names.
fn described(e: sqlparser::parser::ParserError, tokens: &Tokens) -> ParseError {
    let mut message = e.to_string();
    let mut offset = error_offset(&message, tokens);
    if message.contains("recursion limit exceeded") {
        message = format!("{message} (expressions nested more than {RECURSION_LIMIT} deep)");
        offset = deep_nesting_start(tokens);
    }
    let offset = offset.unwrap_or(tokens.text.len());
    ParseError {
        offset,
        message: clean_message(&message),
    }
}

/// A PostgreSQL parse that failed, its message made only when asked for
/// ([`Unplaced::place`]): a macro's variants and a model's first readings of
/// its Jinja often fail before one parses, and their messages go unread.
pub struct Unplaced(UnplacedKind);

enum UnplacedKind {
    Placed(ParseError),
    InStatement(Resume, KeptTokens),
}

impl Unplaced {
    /// The error, with its message and place; `text` is the text that failed.
    pub fn place(self, text: &str) -> ParseError {
        match self.0 {
            UnplacedKind::Placed(e) => e,
            UnplacedKind::InStatement(at, kept) => {
                let mut tokens = Tokens::new(text, kept.list, kept.ranges, kept.lines);
                place(&PostgreSqlDialect {}, &mut tokens, at)
            }
        }
    }
}

/// Parses the statements of `tokens` from `from` on.
fn run_parser(
    dialect: &dyn Dialect,
    tokens: &mut Tokens,
    most_statements: usize,
    from: Resume,
) -> Result<Vec<Statement>, (sqlparser::parser::ParserError, Resume)> {
    let options = ParserOptions::new().with_trailing_commas(true);
    // The parser borrows the token list and hands it back: no copy.
    let mut parser = Parser::new(dialect)
        .with_recursion_limit(RECURSION_LIMIT)
        .with_options(options)
        .with_tokens_with_locations(std::mem::take(&mut tokens.list));
    while parser.index() < from.index {
        parser.next_token_no_skip();
    }
    let result = parse_statements(&mut parser, most_statements, from);
    tokens.list = parser.into_tokens();
    result
}

/// A token's span as its byte range: line 0, columns one past the byte
/// offsets. sqlparser formats the place of the token it stopped at into the
/// message of every speculative parse that fails (whether `(a)` is a
/// subquery, whether an argument is `name => value`), about a twentieth of
/// all the work on a dbt project; a place on line 0 formats as nothing.
/// Spans ordered by offset order as by line:column, and no token's is the
/// empty span (0:0) that sqlparser's span union skips. [`Tokens::span_range`]
/// reads both kinds.
fn offset_span(r: &ByteRange) -> Span {
    Span::new(
        Location::new(0, r.start as u64 + 1),
        Location::new(0, r.end as u64 + 1),
    )
}

/// Where [`parse_statements`] was when it began the statement that failed:
/// a parse resumed there fails the same way.
#[derive(Clone, Copy, Default)]
struct Resume {
    index: usize,
    expecting_statement_delimiter: bool,
}

/// sqlparser's `Parser::parse_statements` (with semicolons required
/// between statements, its default), into a list made large enough up
/// front: a statement is a large value, and growing the list of a file with
/// thousands of them copied it a dozen times.
fn parse_statements(
    parser: &mut Parser,
    capacity: usize,
    from: Resume,
) -> Result<Vec<Statement>, (sqlparser::parser::ParserError, Resume)> {
    let mut statements = Vec::with_capacity(capacity);
    let mut expecting_statement_delimiter = from.expecting_statement_delimiter;
    loop {
        let here = Resume {
            index: parser.index(),
            expecting_statement_delimiter,
        };
        while parser.consume_token(&Token::SemiColon) {
            expecting_statement_delimiter = false;
        }
        match &parser.peek_token_ref().token {
            Token::EOF => break,
            Token::Word(word) if expecting_statement_delimiter && word.keyword == Keyword::END => {
                break
            }
            _ => {}
        }
        if expecting_statement_delimiter {
            return parser
                .expected_ref("end of statement", parser.peek_token_ref())
                .map_err(|e| (e, here));
        }
        statements.push(parser.parse_statement().map_err(|e| (e, here))?);
        expecting_statement_delimiter = true;
    }
    Ok(statements)
}

pub fn parse_postgres(text: &str) -> Result<Parsed<'_>, ParseError> {
    let dialect = PostgreSqlDialect {};
    let tokens = tokenize(&dialect, text)?;
    parse_with(&dialect, tokens)
}

pub fn parse_snowflake(text: &str) -> Result<(), ParseError> {
    parse_snowflake_reusing(text, None)
}

/// Parses a text as Snowflake SQL, from the PostgreSQL tokens of the same
/// text when they are [`PortableTokens`]: tokenising is nearly half of a
/// parse, and most models hold nothing the two tokenisers read differently.
pub fn parse_snowflake_reusing(
    text: &str,
    portable: Option<PortableTokens>,
) -> Result<(), ParseError> {
    let dialect = SnowflakeDialect {};
    let tokens = match portable {
        Some(p) => Tokens::new(text, p.list, p.ranges, p.lines),
        None => tokenize(&dialect, text)?,
    };
    parse_with(&dialect, tokens).map(|_| ())
}

/// Snowflake's tokens of a text, made from its PostgreSQL ones: the very
/// tokens Snowflake's tokeniser makes (checked over every fixture by a test).
pub struct PortableTokens {
    list: Vec<TokenWithSpan>,
    ranges: Vec<ByteRange>,
    lines: LineIndex,
}

/// The tokens of an earlier version of a text and the edits that made the
/// text from it: see [`splice`].
pub struct Earlier<'a> {
    pub text: &'a str,
    pub tokens: KeptTokens,
    /// Ranges of the earlier text replaced, in order and apart, each with the
    /// length of what replaced it.
    pub edits: &'a [(ByteRange, usize)],
}

/// [`parse_postgres`], with the tokens spliced from an earlier version of the
/// text where [`splice`] can, and the error [`Unplaced`].
pub fn parse_postgres_reusing<'t>(
    text: &'t str,
    earlier: Option<Earlier>,
) -> Result<Parsed<'t>, Unplaced> {
    let dialect = PostgreSqlDialect {};
    if earlier.is_some() {
        check::attempt();
    }
    let spliced = earlier.and_then(|e| splice(&dialect, e, text));
    let tokens = match spliced {
        Some(tokens) => {
            check::compare(&dialect, &tokens);
            tokens
        }
        None => tokenize(&dialect, text).map_err(|e| Unplaced(UnplacedKind::Placed(e)))?,
    };
    parse_unplaced(&dialect, tokens).map_err(|failed| {
        let (tokens, at) = *failed;
        Unplaced(UnplacedKind::InStatement(at, tokens.keep()))
    })
}

/// Whether token `i` ends a line: a line break, or a `--` comment with its
/// line break. Tokenising never looks past a line break to end the token
/// before it, so a line that starts after one is tokenised the same whatever
/// the lines before it hold (the tokeniser's other memory is handled in
/// [`splice`]).
fn ends_line(text: &str, list: &[TokenWithSpan], ranges: &[ByteRange], i: usize) -> bool {
    matches!(
        list[i].token,
        Token::Whitespace(Whitespace::Newline | Whitespace::SingleLineComment { .. })
    ) && ranges[i].end > 0
        && text.as_bytes().get(ranges[i].end - 1) == Some(&b'\n')
}

/// The tokens of `text`, an edited version of `earlier.text`, made by
/// tokenising again only the whole lines an edit touches and moving the
/// earlier tokens of the other lines over, their byte ranges and lines
/// shifted (columns stay: every stretch tokenised again ends at a line end,
/// and starts at a line start or at the first token). Editing a file changes
/// a few lines of it, and tokenising is a third of a pass.
///
/// `None` whenever the result could differ from tokenising `text` whole:
/// the text is not the earlier one with the edits made, a stretch does not
/// end on the same line break as before, or the tokeniser's memory of
/// earlier tokens (a `._` after a word, `COPY … FROM STDIN` data) could
/// read the following lines differently. The caller then tokenises it whole.
pub fn splice<'t>(dialect: &dyn Dialect, earlier: Earlier, text: &'t str) -> Option<Tokens<'t>> {
    let Earlier {
        text: old_text,
        tokens: old,
        edits,
    } = earlier;
    // The text outside the edits must be the earlier text.
    let (old_bytes, new_bytes) = (old_text.as_bytes(), text.as_bytes());
    let (mut old_at, mut new_at) = (0usize, 0usize);
    for (range, len) in edits {
        if range.start < old_at || range.end < range.start || range.end > old_bytes.len() {
            return None;
        }
        let same = range.start - old_at;
        if old_bytes.get(old_at..range.start) != new_bytes.get(new_at..new_at + same) {
            return None;
        }
        new_at += same + len;
        old_at = range.end;
    }
    if new_bytes.get(new_at..) != Some(&old_bytes[old_at..]) {
        return None;
    }
    let n = old.list.len();
    if old.ranges.len() != n || n == 0 || old.list.iter().any(|t| names_stdin(&t.token)) {
        return None;
    }
    // The tokens leave the blank margins out (see `tokenize`). An edit in a
    // margin (in another fragment of the file, blank in this one) holds no
    // token: one before the first token shifts them all, one after the last
    // changes none. The margins are checked again once the tokens are made.
    let (first_byte, last_byte) = (old.ranges[0].start, old.ranges[n - 1].end);
    let before_first = |r: &ByteRange| r.end < first_byte || (r.end == first_byte && !r.is_empty());
    let after_last = |r: &ByteRange| r.start > last_byte || (r.start == last_byte && !r.is_empty());
    let mut lead_shift = 0isize;
    for (range, len) in edits {
        if before_first(range) {
            lead_shift += *len as isize - range.len() as isize;
        } else if range.start < first_byte || range.end > last_byte && !after_last(range) {
            return None;
        }
    }
    let lines = LineIndex::new(text);
    let (old_line, old_column) = old.lines.line_col(old_text, first_byte);
    let (new_line, new_column) = lines.line_col(text, first_byte.checked_add_signed(lead_shift)?);
    if old_column != new_column {
        return None;
    }
    let lead_lines = new_line as i64 - old_line as i64;
    let edits: Vec<&(ByteRange, usize)> = edits
        .iter()
        .filter(|(r, _)| !before_first(r) && !after_last(r))
        .collect();

    // Stretches of earlier tokens to tokenise again, as (first, end) token
    // indexes, with the change in length each brings.
    let mut stretches: Vec<(usize, usize, isize)> = Vec::new();
    for (range, len) in edits {
        let delta = *len as isize - range.len() as isize;
        // The stretch starts after the last line end before the edit...
        let mut first = old.ranges.partition_point(|r| r.end <= range.start);
        while first > 0 && !ends_line(old_text, &old.list, &old.ranges, first - 1) {
            first -= 1;
        }
        // ... and ends with the first line end after it.
        let mut end = old.ranges.partition_point(|r| r.start < range.end);
        while end < n && !ends_line(old_text, &old.list, &old.ranges, end) {
            end += 1;
        }
        let end = (end + 1).min(n);
        // The tokeniser reads `._` by the last word before it, which may lie
        // in the stretch.
        let next = (end..n).find(|&i| !matches!(old.list[i].token, Token::Whitespace(_)));
        if next.is_some_and(|i| matches!(old.list[i].token, Token::Period)) {
            return None;
        }
        match stretches.last_mut() {
            Some(last) if first < last.1 => {
                last.1 = last.1.max(end);
                last.2 += delta;
            }
            _ => stretches.push((first, end, delta)),
        }
    }

    let KeptTokens {
        list,
        ranges,
        lines: old_lines,
    } = old;
    // Each stretch tokenised again, with the shift of the bytes and lines
    // after it.
    let mut replacements = Vec::with_capacity(stretches.len());
    let mut bytes = lead_shift;
    for &(first, end, delta) in &stretches {
        if first >= end {
            return None;
        }
        let old_stop = ranges[end - 1].end;
        let start = ranges[first].start.checked_add_signed(bytes)?;
        let stop = old_stop.checked_add_signed(bytes + delta)?;
        let (new_list, new_ranges) = tokenize_between(dialect, text, &lines, start, stop).ok()?;
        if end < n {
            // The stretch must end on the earlier line end.
            let (last, last_range) = (new_list.last()?, new_ranges.last()?);
            if last.token != list[end - 1].token || last_range.len() != ranges[end - 1].len() {
                return None;
            }
        } else if stop != margins(text).1 {
            return None;
        }
        if new_list.iter().any(|t| names_stdin(&t.token)) {
            return None;
        }
        bytes += delta;
        // Lines after the stretch: where its end is now against where it was.
        let (now, _) = lines.line_col(text, stop);
        let (was, _) = old_lines.line_col(old_text, old_stop);
        replacements.push((new_list, new_ranges, bytes, now as i64 - was as i64));
    }
    // One walk moves every earlier token once: shifted after a stretch,
    // dropped inside one, which gives way to its new tokens.
    let added: usize = replacements.iter().map(|r| r.0.len()).sum();
    let mut new_list = Vec::with_capacity(n + added);
    let mut new_ranges = Vec::with_capacity(n + added);
    let mut replacements = replacements.into_iter();
    let mut next = stretches.iter().copied();
    let mut stretch = next.next();
    let (mut bytes, mut line_shift) = (lead_shift, lead_lines);
    for (i, (mut t, r)) in list.into_iter().zip(ranges).enumerate() {
        if let Some((first, end, _)) = stretch {
            if i >= first {
                if i + 1 == end {
                    let (list, ranges, b, l) = replacements.next()?;
                    new_list.extend(list);
                    new_ranges.extend(ranges);
                    (bytes, line_shift) = (b, l);
                    stretch = next.next();
                }
                continue;
            }
        }
        shift_lines(&mut t, line_shift);
        new_list.push(t);
        new_ranges.push(r.start.wrapping_add_signed(bytes)..r.end.wrapping_add_signed(bytes));
    }
    let (list, ranges) = (new_list, new_ranges);
    // A whole tokenisation leaves the blank margins out; an edit that made
    // one wider (an insertion starting with a space at the first token) is
    // left to it.
    // (tokens that start and end on the margins cannot be blank ones).
    if (ranges.first()?.start, ranges.last()?.end) != margins(text) {
        return None;
    }
    Some(Tokens::new(text, list, ranges, lines))
}

/// Test support: while a thread has it on, every spliced token list is
/// compared with tokenising its text whole.
#[doc(hidden)]
pub mod check {
    use std::cell::RefCell;

    use super::{tokenize, Dialect, Tokens};

    /// Splices tried, made (and compared), and the disagreements.
    type Seen = (usize, usize, Vec<String>);

    thread_local! {
        static SEEN: RefCell<Option<Seen>> = const { RefCell::new(None) };
    }

    pub fn start() {
        SEEN.with(|s| *s.borrow_mut() = Some((0, 0, vec![])));
    }

    pub fn finish() -> (usize, usize, Vec<String>) {
        SEEN.with(|s| s.borrow_mut().take().unwrap_or_default())
    }

    pub(super) fn attempt() {
        SEEN.with(|s| {
            if let Some((tried, _, _)) = s.borrow_mut().as_mut() {
                *tried += 1;
            }
        });
    }

    pub(super) fn compare(dialect: &dyn Dialect, spliced: &Tokens) {
        SEEN.with(|s| {
            if let Some((_, count, disagreements)) = s.borrow_mut().as_mut() {
                *count += 1;
                let whole = tokenize(dialect, spliced.text);
                let verdict = match &whole {
                    Ok(whole) => same(spliced, whole),
                    Err(e) => Err(format!("whole text does not tokenize: {}", e.message)),
                };
                if let Err(e) = verdict {
                    disagreements.push(format!("{e} in:\n{}", spliced.text));
                }
            }
        });
    }

    /// Whether two token lists are the same, token by token with spans and
    /// byte ranges, with the same line index and empty caches.
    pub fn same(a: &Tokens, b: &Tokens) -> Result<(), String> {
        if a.text != b.text {
            return Err("different texts".into());
        }
        if a.list.len() != b.list.len() || a.ranges.len() != b.ranges.len() {
            let show = |t: &Tokens| {
                t.list
                    .iter()
                    .zip(&t.ranges)
                    .take(6)
                    .map(|(x, r)| format!("{:?}@{r:?}", x.token))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            return Err(format!(
                "{} tokens against {}: {} / {}",
                a.list.len(),
                b.list.len(),
                show(a),
                show(b)
            ));
        }
        for (i, (x, y)) in a.list.iter().zip(&b.list).enumerate() {
            if (&x.token, x.span, &a.ranges[i]) != (&y.token, y.span, &b.ranges[i]) {
                return Err(format!(
                    "token {i}: {:?} {:?} {:?} against {:?} {:?} {:?}",
                    x.token, x.span, a.ranges[i], y.token, y.span, b.ranges[i]
                ));
            }
        }
        if format!("{:?}", a.lines) != format!("{:?}", b.lines) {
            return Err("different line indexes".into());
        }
        if a.calls.get().is_some()
            || !a.call_parts.borrow().is_empty()
            || !a.casts.borrow().is_empty()
        {
            return Err("caches filled".into());
        }
        Ok(())
    }
}

/// `COPY … FROM STDIN`: the tokeniser then reads the lines after the
/// statement as data, a memory that spans lines.
fn names_stdin(token: &Token) -> bool {
    matches!(token, Token::Word(w) if w.value.eq_ignore_ascii_case("stdin"))
}

fn shift_lines(t: &mut TokenWithSpan, by: i64) {
    if by != 0 {
        for l in [&mut t.span.start, &mut t.span.end] {
            if l.line > 0 {
                l.line = l.line.wrapping_add_signed(by);
            }
        }
    }
}

/// Where the outermost parenthesis of the first deeply nested expression
/// opens: the recursion-limit error carries no location of its own.
fn deep_nesting_start(tokens: &Tokens) -> Option<usize> {
    let mut depth = 0usize;
    let mut outermost = None;
    for (i, t) in tokens.list.iter().enumerate() {
        match t.token {
            Token::LParen => {
                if depth == 0 {
                    outermost = Some(i);
                }
                depth += 1;
                if depth > RECURSION_LIMIT / 2 {
                    return outermost.map(|o| tokens.ranges[o].start);
                }
            }
            Token::RParen => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn error_offset(message: &str, tokens: &Tokens) -> Option<usize> {
    static LOC: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = LOC.get_or_init(|| Regex::new(r"at Line: (\d+), Column: (\d+)").expect("valid regex"));
    let caps = re.captures(message)?;
    let line = caps[1].parse().ok()?;
    let column = caps[2].parse().ok()?;
    tokens.lines.offset(tokens.text, line, column)
}

fn clean_message(message: &str) -> String {
    let m = message.trim_start_matches("sql parser error: ");
    match m.find(" at Line: ") {
        Some(i) => m[..i].to_string(),
        None => m.to_string(),
    }
}

impl<'t> Tokens<'t> {
    /// Tokens with their per-parse caches empty.
    fn new(
        text: &'t str,
        list: Vec<TokenWithSpan>,
        ranges: Vec<ByteRange>,
        lines: LineIndex,
    ) -> Self {
        Tokens {
            text,
            list,
            ranges,
            lines,
            calls: std::sync::OnceLock::new(),
            call_parts: Default::default(),
            casts: Default::default(),
        }
    }

    /// Snowflake's tokens of the text, made from these: a token whose
    /// spelling both dialects read alike (ASCII names without `$`, plain
    /// numbers, strings without backslashes, `--` comments and unnested
    /// `/* */` ones, the common operators) is kept; from any other (E'…',
    /// `$$`, `#`, `@`, `?`, `~`, `//`, PostgreSQL's geometric operators…)
    /// the rest of its line is tokenised by Snowflake's tokeniser. `None`
    /// (tokenise the whole text) for a carriage return or COPY data.
    pub fn into_portable(self) -> Option<PortableTokens> {
        let text = self.text;
        self.keep().into_portable(text)
    }

    /// The token list, its ranges and line index without the text, to
    /// outlive the parse: see [`KeptTokens`].
    pub fn keep(self) -> KeptTokens {
        KeptTokens {
            list: self.list,
            ranges: self.ranges,
            lines: self.lines,
        }
    }
}

/// A parse's tokens kept for what comes after it: the Snowflake re-parse of
/// the same text ([`KeptTokens::into_portable`]) or the tokens of an edited
/// version of the text ([`splice`]).
pub struct KeptTokens {
    list: Vec<TokenWithSpan>,
    ranges: Vec<ByteRange>,
    lines: LineIndex,
}

impl KeptTokens {
    /// See [`Tokens::into_portable`]; `text` is the text they were made from.
    pub fn into_portable(self, text: &str) -> Option<PortableTokens> {
        let bytes = text.as_bytes();
        // The two end a `--` comment differently at `\r\n`.
        if bytes.contains(&b'\r') {
            return None;
        }
        let all_alike = self
            .list
            .iter()
            .zip(&self.ranges)
            .all(|(t, r)| read_alike(bytes, &t.token, r));
        if all_alike {
            return Some(PortableTokens {
                list: self.list,
                ranges: self.ranges,
                lines: self.lines,
            });
        }
        // Most lines still read alike: only the others are tokenised anew.
        let lines = self.lines;
        let (list, ranges) =
            plain::snowflake(text, self.list, self.ranges, |t, r| read_alike(bytes, t, r))?;
        Some(PortableTokens {
            list,
            ranges,
            lines,
        })
    }
}

/// Whether Snowflake's tokeniser reads the PostgreSQL token `token` at
/// `range` of `text` into the same token.
fn read_alike(text: &[u8], t: &Token, r: &ByteRange) -> bool {
    match t {
        // A quoted name is read to its closing quote by both, whatever it
        // holds ("département"); an unquoted one by each dialect's idea of a
        // word character.
        Token::Word(w) if w.quote_style == Some('"') => true,
        Token::Word(w) => w.value.is_ascii() && !w.value.contains('$'),
        Token::Number(n, _) => n
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E')),
        Token::SingleQuotedString(_) => {
            text.get(r.clone()).is_some_and(|s| !s.contains(&b'\\'))
                && text.get(r.start) == Some(&b'\'')
        }
        Token::Whitespace(w) => match w {
            Whitespace::Space | Whitespace::Newline | Whitespace::Tab => true,
            Whitespace::SingleLineComment { prefix, .. } => prefix == "--",
            Whitespace::MultiLineComment(c) => !c.contains("/*"),
        },
        // `//` starts a comment in Snowflake.
        Token::Div => text.get(r.end) != Some(&b'/'),
        // `._` is read by the last token other than blanks, which may be
        // one Snowflake reads differently.
        Token::Period => text.get(r.end) != Some(&b'_'),
        Token::Comma
        | Token::Eq
        | Token::Neq
        | Token::Lt
        | Token::Gt
        | Token::LtEq
        | Token::GtEq
        | Token::Plus
        | Token::Minus
        | Token::Mul
        | Token::Mod
        | Token::StringConcat
        | Token::LParen
        | Token::RParen
        | Token::LBracket
        | Token::RBracket
        | Token::Colon
        | Token::DoubleColon
        | Token::SemiColon
        | Token::Arrow
        | Token::LongArrow
        | Token::RArrow => true,
        _ => false,
    }
}

impl<'t> Tokens<'t> {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every unqualified function call: the name token's index and the name in
    /// lower case. Quoted names, names after `.` or `::` and Jinja placeholders
    /// are left out. Computed once, shared by every rule that looks for calls.
    /// A name written in lower case is the text's own, not a string of its own.
    pub fn calls(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.calls
            .get_or_init(|| self.find_calls())
            .iter()
            .map(|(i, lower)| (*i, lower.as_deref().unwrap_or_else(|| self.slice(*i))))
    }

    fn find_calls(&self) -> Vec<(usize, Option<Box<str>>)> {
        let mut calls = Vec::new();
        // A name followed by `(` is the significant token before a `(`: the
        // `(`s are fewer than the words, and a scan for them alone compiles
        // to a tight loop.
        for open in self.indexes_where(|t| matches!(t, Token::LParen)) {
            let Some(i) = self.prev_sig(open) else {
                continue;
            };
            let Token::Word(w) = self.token(i) else {
                continue;
            };
            if w.quote_style.is_some() || w.value.bytes().all(|b| b == b'_') {
                continue;
            }
            if self
                .prev_sig(i)
                .is_some_and(|p| matches!(self.token(p), Token::Period | Token::DoubleColon))
            {
                continue;
            }
            let written = self.slice(i);
            let lower = (written != w.value || written.bytes().any(|b| b.is_ascii_uppercase()))
                .then(|| w.value.to_ascii_lowercase().into_boxed_str());
            calls.push((i, lower));
        }
        calls
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.list[i].token
    }

    pub fn slice(&self, i: usize) -> &'t str {
        &self.text[self.ranges[i].clone()]
    }

    /// Index of the token that starts at `offset`.
    pub fn at(&self, offset: usize) -> Option<usize> {
        self.ranges.binary_search_by_key(&offset, |r| r.start).ok()
    }

    /// Index of the token that ends at `offset`.
    pub fn ending_at(&self, offset: usize) -> Option<usize> {
        let i = self.ranges.partition_point(|r| r.end < offset);
        (self.ranges.get(i)?.end == offset && !self.ranges[i].is_empty()).then_some(i)
    }

    pub fn is_trivia(&self, i: usize) -> bool {
        matches!(self.list[i].token, Token::Whitespace(_) | Token::EOF)
    }

    pub fn is_comment(&self, i: usize) -> bool {
        matches!(
            self.list[i].token,
            Token::Whitespace(
                Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_)
            )
        )
    }

    /// Next token after `i` that is not whitespace or a comment.
    pub fn next_sig(&self, i: usize) -> Option<usize> {
        (i + 1..self.list.len()).find(|&j| !self.is_trivia(j))
    }

    /// Previous token before `i` that is not whitespace or a comment.
    pub fn prev_sig(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.is_trivia(j))
    }

    /// Whether token `i` is the keyword or word `word` (case-insensitive, unquoted).
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        matches!(&self.list[i].token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(word))
    }

    /// Indexes of the unquoted words that are one of `words` (any case), in
    /// order: for the rules that look for a keyword over a whole file, a scan
    /// of its own compiles to a tight loop, where a loop over every index
    /// with the rule's work in its body spills to the stack at every token.
    pub fn words<'s>(&'s self, words: &'s [&'s str]) -> impl Iterator<Item = usize> + 's {
        self.list
            .iter()
            .enumerate()
            .filter_map(move |(i, t)| match &t.token {
                Token::Word(w)
                    if w.quote_style.is_none()
                        && words.iter().any(|x| w.value.eq_ignore_ascii_case(x)) =>
                {
                    Some(i)
                }
                _ => None,
            })
    }

    /// Indexes of the tokens `keep` accepts, in order: a scan of its own, for
    /// the same reason as [`Tokens::words`].
    pub fn indexes_where<'s>(
        &'s self,
        keep: impl Fn(&Token) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        self.list
            .iter()
            .enumerate()
            .filter(move |(_, t)| keep(&t.token))
            .map(|(i, _)| i)
    }

    /// The significant tokens of each top-level argument between the
    /// parentheses at `open` and `close` (an empty list for `()`).
    pub fn arguments(&self, open: usize, close: usize) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![];
        let mut current: Vec<usize> = vec![];
        let mut depth = 0i32;
        for j in open + 1..close {
            if self.is_trivia(j) {
                continue;
            }
            match self.token(j) {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket => depth -= 1,
                Token::Comma if depth == 0 => {
                    out.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(j);
        }
        if !current.is_empty() || !out.is_empty() {
            out.push(current);
        }
        out
    }

    /// Index of the `)` that closes the `(` at `open`.
    pub fn matching_paren(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for j in open..self.list.len() {
            match self.list[j].token {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Index of the `(` that the `)` at `close` closes.
    pub fn matching_open(&self, close: usize) -> Option<usize> {
        let mut depth = 0usize;
        for j in (0..=close).rev() {
            match self.list[j].token {
                Token::RParen => depth += 1,
                Token::LParen => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
        }
        None
    }

    pub fn span_range(&self, span: Span) -> Option<ByteRange> {
        let start = self.loc(span.start)?;
        let end = self.loc(span.end)?;
        (start < end).then_some(start..end)
    }

    fn loc(&self, l: Location) -> Option<usize> {
        if l.line == 0 {
            // An AST span from the parse: see [`offset_span`].
            return (l.column > 0).then(|| l.column as usize - 1);
        }
        self.lines.offset(self.text, l.line, l.column)
    }

    /// Token indexes of the first and last token of an expression, found from
    /// its (possibly incomplete) span and the tokens around it.
    pub fn expr_tokens(&self, expr: &Expr) -> Option<(usize, usize)> {
        let (first, last) = match expr {
            Expr::Nested(inner) => {
                let (f, l) = self.expr_tokens(inner)?;
                let open = self.prev_sig(f)?;
                let close = self.next_sig(l)?;
                (matches!(self.token(open), Token::LParen)
                    && matches!(self.token(close), Token::RParen))
                .then_some((open, close))?
            }
            Expr::Cast {
                kind: CastKind::DoubleColon,
                expr: inner,
                ..
            } => {
                let (f, l) = self.expr_tokens(inner)?;
                let colons = self.next_sig(l)?;
                if !matches!(self.token(colons), Token::DoubleColon) {
                    return None;
                }
                (f, self.type_end(self.next_sig(colons)?)?)
            }
            Expr::Cast { expr: inner, .. } => {
                let (f, _) = self.expr_tokens(inner)?;
                let open = self.prev_sig(f)?;
                let name = self.prev_sig(open)?;
                if !matches!(self.token(open), Token::LParen) {
                    return None;
                }
                (name, self.matching_paren(open)?)
            }
            Expr::Function(f) => {
                let name = self.span_range(f.name.span())?;
                let first = self.at(name.start)?;
                let last_name = self.ending_at(name.end)?;
                let open = self.next_sig(last_name)?;
                if !matches!(self.token(open), Token::LParen) {
                    return None;
                }
                let mut last = self.matching_paren(open)?;
                // Trailing clauses that belong to the call.
                while let Some(n) = self.next_sig(last) {
                    if self.is_word(n, "within") || self.is_word(n, "filter") {
                        let mut p = self.next_sig(n)?;
                        if self.is_word(p, "group") {
                            p = self.next_sig(p)?;
                        }
                        if !matches!(self.token(p), Token::LParen) {
                            break;
                        }
                        last = self.matching_paren(p)?;
                    } else if self.is_word(n, "over") {
                        let p = self.next_sig(n)?;
                        last = if matches!(self.token(p), Token::LParen) {
                            self.matching_paren(p)?
                        } else {
                            p
                        };
                    } else {
                        break;
                    }
                }
                (first, last)
            }
            Expr::BinaryOp { left, right, .. } => {
                (self.expr_tokens(left)?.0, self.expr_tokens(right)?.1)
            }
            Expr::UnaryOp { expr: inner, .. } => {
                let (f, l) = self.expr_tokens(inner)?;
                (self.prev_sig(f)?, l)
            }
            _ => {
                let range = self.span_range(expr.span())?;
                let first = self.at(range.start)?;
                let last = self.ending_at(range.end)?;
                (first, last)
            }
        };
        self.balanced(first, last).then_some((first, last))
    }

    /// Byte range of an expression; see [`Tokens::expr_tokens`].
    pub fn expr_range(&self, expr: &Expr) -> Option<ByteRange> {
        let (f, l) = self.expr_tokens(expr)?;
        Some(self.ranges[f].start..self.ranges[l].end)
    }

    fn balanced(&self, first: usize, last: usize) -> bool {
        let mut depth = 0i64;
        for j in first..=last {
            match self.list[j].token {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                _ => {}
            }
        }
        depth == 0
    }

    /// Last token of a type name that starts at `first`: words such as
    /// `double precision` or `timestamp with time zone`, an optional `(p, s)`
    /// and any number of `[]`.
    pub fn type_end(&self, first: usize) -> Option<usize> {
        if !matches!(self.token(first), Token::Word(_)) {
            return None;
        }
        let mut last = first;
        while let Some(n) = self.next_sig(last) {
            let continues = match self.token(last) {
                Token::Word(w) => {
                    let prev = w.value.to_ascii_lowercase();
                    let next = match self.token(n) {
                        Token::Word(nw) if nw.quote_style.is_none() => {
                            nw.value.to_ascii_lowercase()
                        }
                        _ => String::new(),
                    };
                    matches!(
                        (prev.as_str(), next.as_str()),
                        ("double", "precision")
                            | ("character", "varying")
                            | ("bit", "varying")
                            | ("timestamp" | "time", "with" | "without")
                            | ("with" | "without", "time")
                            | ("time", "zone")
                    )
                }
                _ => false,
            };
            if continues {
                last = n;
                continue;
            }
            match self.token(n) {
                Token::LParen if matches!(self.token(last), Token::Word(_)) => {
                    last = self.matching_paren(n)?;
                }
                Token::LBracket => {
                    let close = self.next_sig(n)?;
                    let close = if matches!(self.token(close), Token::Number(..)) {
                        self.next_sig(close)?
                    } else {
                        close
                    };
                    if !matches!(self.token(close), Token::RBracket) {
                        return None;
                    }
                    last = close;
                }
                _ => break,
            }
        }
        Some(last)
    }
}

/// Calls `f` on every expression of the statements, outermost first.
pub fn for_each_expr(statements: &[Statement], mut f: impl FnMut(&Expr)) {
    for statement in statements {
        let _ = sqlparser::ast::visit_expressions(statement, |e| {
            f(e);
            ControlFlow::<()>::Continue(())
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Snowflake tokens made from the PostgreSQL ones must be exactly
    /// what Snowflake's tokeniser gives, spans and byte ranges too: over
    /// every fixture and the constructs the two tokenisers read differently.
    #[test]
    fn portable_tokens_are_what_snowflake_reads() {
        let mut texts: Vec<String> = [
            "select a // b from t",
            "select 'a\\b' from t",
            "select e'x' || u&'y' || $$z$$ from t",
            "select a # b, c @ d, x ? 'k', f ~ 'r', p <-> q, 1_000 from t",
            "select /* a /* nested */ comment */ 1",
            "select naïve, $1, a$b from t",
            "select a -> 'b' ->> 'c', x::int, y % 2, (z) / 3 -- tail\n; select 1.5e3",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for entry in walkdir::WalkDir::new(root) {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(match crate::jinja::scan(&text) {
                        Ok(regions) => crate::mask::mask_file(&text, &regions).masked,
                        Err(_) => text,
                    });
                }
            }
        }
        let mut portable = 0;
        for text in &texts {
            let Ok(tokens) = tokenize(&PostgreSqlDialect {}, text) else {
                continue;
            };
            let Some(p) = tokens.into_portable() else {
                continue;
            };
            portable += 1;
            assert_eq!(p.ranges.len(), p.list.len(), "{text}");
            let snowflake = tokenize(&SnowflakeDialect {}, text).unwrap();
            assert_eq!(p.list.len(), snowflake.list.len(), "{text}");
            for ((a, ra), (b, rb)) in p
                .list
                .iter()
                .zip(&p.ranges)
                .zip(snowflake.list.iter().zip(&snowflake.ranges))
            {
                assert_eq!((&a.token, a.span, ra), (&b.token, b.span, rb), "{text}");
            }
        }
        // The crafted texts too: their other tokens tokenised anew.
        assert!(portable > 100, "{portable} portable texts");
        for crafted in &texts[..7] {
            let tokens = tokenize(&PostgreSqlDialect {}, crafted).unwrap();
            assert!(tokens.into_portable().is_some(), "{crafted}");
        }
    }

    fn fixture_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut texts = vec![];
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        texts
    }

    /// Converting every fixture, and converting its output again: each
    /// splice of a later pass gives what tokenising its text whole gives.
    #[test]
    fn spliced_tokens_are_what_tokenizing_whole_gives() {
        check::start();
        for text in fixture_texts() {
            let output = crate::convert::convert_text(&text).output;
            crate::convert::convert_text(&output);
        }
        let (_, spliced, disagreements) = check::finish();
        assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
        assert!(spliced > 100, "only {spliced} splices");
    }

    /// Edits of every kind at places spread over every fixture (strings and
    /// comments opened or closed, lines joined or split, words glued
    /// together, `._`, `COPY … FROM STDIN`): a splice, where it is made, is
    /// what tokenising the edited text whole gives.
    #[test]
    fn splices_of_arbitrary_edits_are_exact() {
        let mut texts: Vec<String> = fixture_texts()
            .iter()
            .map(|text| match crate::jinja::scan(text) {
                Ok(regions) => crate::mask::mask_file(text, &regions).masked,
                Err(_) => text.clone(),
            })
            .collect();
        texts.push("copy t from stdin;\n1\t2\n\\.\nselect 1\n".to_string());
        texts.push("select a\n._b, 1e\n5 from t -- c\r\nwhere x\n".to_string());
        let inserts = [
            "x",
            " ",
            "\n",
            "'",
            "--",
            "/*",
            "*/",
            ".",
            "._",
            "e5",
            "$$",
            "\r",
            "\n\n",
            "::int",
            "copy t from stdin;\n",
        ];
        let dialect = PostgreSqlDialect {};
        let (mut made, mut refused) = (0, 0);
        for text in &texts {
            let Ok(tokens) = tokenize(&dialect, text) else {
                continue;
            };
            let count = tokens.len();
            let step = (text.len() / 12).max(1);
            for (k, at) in (0..text.len()).step_by(step).enumerate() {
                if !text.is_char_boundary(at) {
                    continue;
                }
                let next = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                let token_end = tokens
                    .ranges
                    .iter()
                    .find(|r| r.start >= at)
                    .map_or(at, |r| r.end);
                let mut edits = vec![
                    vec![(at..at, inserts[k % inserts.len()])],
                    vec![(at..next, "")],
                    vec![(at..token_end, "foo")],
                ];
                // Two edits, on lines apart or on the same line.
                let later = (at + step / 2).min(text.len());
                if text.is_char_boundary(later) && later > next {
                    edits.push(vec![
                        (at..next, "y"),
                        (later..later, inserts[(k + 1) % inserts.len()]),
                    ]);
                }
                for group in edits {
                    let mut new = String::new();
                    let mut from = 0;
                    for (r, with) in &group {
                        new.push_str(&text[from..r.start]);
                        new.push_str(with);
                        from = r.end;
                    }
                    new.push_str(&text[from..]);
                    let spans: Vec<(ByteRange, usize)> =
                        group.iter().map(|(r, w)| (r.clone(), w.len())).collect();
                    let old = tokenize(&dialect, text).unwrap().keep();
                    let earlier = Earlier {
                        text,
                        tokens: old,
                        edits: &spans,
                    };
                    let Some(spliced) = splice(&dialect, earlier, &new) else {
                        refused += 1;
                        continue;
                    };
                    made += 1;
                    let whole =
                        tokenize(&dialect, &new).unwrap_or_else(|e| panic!("{}: {new}", e.message));
                    if let Err(e) = check::same(&spliced, &whole) {
                        panic!("{e}\n{group:?} of {count} tokens in:\n{text}");
                    }
                }
            }
        }
        assert!(
            made > 1000 && refused > 100,
            "{made} splices made, {refused} refused"
        );
    }

    fn ranges(sql: &str) -> Vec<String> {
        let parsed = parse_postgres(sql).unwrap();
        let mut out = vec![];
        for_each_expr(&parsed.statements, |e| {
            if let Some(r) = parsed.tokens.expr_range(e) {
                out.push(sql[r].to_string());
            }
        });
        out
    }

    #[test]
    fn expression_ranges_cover_the_whole_construct() {
        let got = ranges("select (a + 1)::double precision, cast(b as numeric(10, 2)), count(*) filter (where c) over (partition by d), x::text[] from t");
        assert!(
            got.contains(&"(a + 1)::double precision".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"cast(b as numeric(10, 2))".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"count(*) filter (where c) over (partition by d)".to_string()),
            "{got:?}"
        );
        assert!(got.contains(&"x::text[]".to_string()), "{got:?}");
    }

    #[test]
    fn token_ranges_walk_multibyte_text_and_crlf() {
        let text = "select 'é', \"naïve\" -- ü\r\nfrom t /* ∑ */\r\nwhere x = 'z'";
        let tokens = tokenize(&PostgreSqlDialect {}, text).unwrap();
        let mut at = 0;
        for (t, r) in tokens.list.iter().zip(&tokens.ranges) {
            assert_eq!(r.start, at, "tokens must tile the text");
            let by_index = tokens
                .lines
                .offset(text, t.span.start.line, t.span.start.column);
            assert_eq!(Some(r.start), by_index.or(Some(r.start)));
            at = r.end;
        }
        assert_eq!(at, text.len());
        let words: Vec<&str> = (0..tokens.len())
            .filter(|&i| !tokens.is_trivia(i))
            .map(|i| tokens.slice(i))
            .collect();
        assert_eq!(
            words,
            [
                "select",
                "'é'",
                ",",
                "\"naïve\"",
                "from",
                "t",
                "where",
                "x",
                "=",
                "'z'"
            ]
        );
    }

    /// The texts of the fixtures, each also cut short after every 7th token
    /// and with a stray `not` after every 11th: texts that fail to parse in
    /// all sorts of places.
    fn texts_that_fail_too() -> Vec<String> {
        let mut texts = vec![
            "select 1;\ncreate domain int_nn as int not null;\nselect 2".to_string(),
            "select (((a)) from t".to_string(),
        ];
        for text in fixture_texts() {
            let Ok(tokens) = tokenize(&PostgreSqlDialect {}, &text) else {
                continue;
            };
            for (i, r) in tokens.ranges.iter().enumerate() {
                if i % 7 == 3 {
                    texts.push(text[..r.end].to_string());
                }
                if i % 11 == 5 {
                    texts.push(format!("{} not{}", &text[..r.end], &text[r.end..]));
                }
            }
            texts.push(text);
        }
        texts
    }

    /// The blank margins and the runs of one blank, found eight bytes at a
    /// time, are where a byte-by-byte walk finds them.
    #[test]
    fn margins_and_blank_runs_are_what_a_byte_walk_finds() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 41) as usize;
            let text: String = (0..len)
                .map(|k| match (state >> (k % 60)) % 7 {
                    0..=3 => ' ',
                    4 => '\t',
                    5 => '\n',
                    _ => 'a',
                })
                .collect();
            let bytes = text.as_bytes();
            let start = bytes.iter().take_while(|b| is_blank(**b)).count();
            let stop = len
                - bytes[start..]
                    .iter()
                    .rev()
                    .take_while(|b| is_blank(**b))
                    .count();
            assert_eq!(margins(&text), (start, stop), "{text:?}");
            for i in 0..=len {
                for blank in [b' ', b'\t'] {
                    let end = i + bytes[i..].iter().take_while(|&&b| b == blank).count();
                    assert_eq!(plain::run_end(bytes, i, blank), end, "{text:?} {i}");
                    let from = i - bytes[..i].iter().rev().take_while(|&&b| b == blank).count();
                    assert_eq!(plain::run_start(bytes, i, blank), from, "{text:?} {i}");
                }
            }
        }
    }

    /// A run of blanks is one token (`plain::merge_blank_runs`), where
    /// sqlparser makes one per blank: the parser reads the runs as it reads
    /// the blanks, to the same statements (spans and all) or the same error,
    /// in both dialects, over the fixtures, their cut-short and broken
    /// variants and every corpus file, raw and masked.
    #[test]
    fn blank_runs_parse_as_their_blanks_do() {
        let mut texts = texts_that_fail_too();
        let corpora = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        for entry in walkdir::WalkDir::new(corpora).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    if let Ok(regions) = crate::jinja::scan(&text) {
                        texts.push(crate::mask::mask_file(&text, &regions).masked);
                    }
                    texts.push(text);
                }
            }
        }
        let (mut compared, mut merged_away) = (0, 0);
        for dialect in [&PostgreSqlDialect {} as &dyn Dialect, &SnowflakeDialect {}] {
            for text in &texts {
                let Ok(raw) = Tokenizer::new(dialect, text).tokenize_with_location() else {
                    continue;
                };
                let Ok(mut merged) = tokenize(dialect, text) else {
                    panic!("sqlparser tokenises this, pg2sf does not: {text}");
                };
                let blanks = |list: &[TokenWithSpan]| {
                    list.iter()
                        .filter(|t| {
                            matches!(
                                t.token,
                                Token::Whitespace(Whitespace::Space | Whitespace::Tab)
                            )
                        })
                        .count()
                };
                merged_away += blanks(&raw) - blanks(&merged.list);
                let mut raw = Tokens::new(text, raw, vec![], LineIndex::new(text));
                let read = |tokens: &mut Tokens| {
                    format!(
                        "{:?}",
                        run_parser(dialect, tokens, 1, Resume::default()).map_err(|(e, _)| e)
                    )
                };
                assert_eq!(read(&mut merged), read(&mut raw), "{text}");
                compared += 1;
            }
        }
        assert!(
            compared > 2500 && merged_away > 100_000,
            "{compared} texts, {merged_away} blanks merged"
        );
    }

    /// The parser reads byte-offset spans (`offset_span`) and places a
    /// failure by parsing the failed statement again: what it reports, and
    /// the byte range of every expression, are what a parse of the whole
    /// text with line:column spans gives.
    #[test]
    fn byte_offset_spans_give_what_line_column_spans_give() {
        let dialect = PostgreSqlDialect {};
        let (mut failed, mut parsed) = (0, 0);
        for text in texts_that_fail_too() {
            let Ok(mut reference) = tokenize(&dialect, &text) else {
                continue;
            };
            let expected = run_parser(&dialect, &mut reference, 1, Resume::default());
            let eager = parse_postgres(&text);
            let deferred = parse_postgres_reusing(&text, None);
            match (expected, eager, deferred) {
                (Err((e, _)), Err(eager), Err(deferred)) => {
                    let expected = described(e, &reference);
                    let deferred = deferred.place(&text);
                    for got in [eager, deferred] {
                        assert_eq!(
                            (got.offset, &got.message),
                            (expected.offset, &expected.message),
                            "{text}"
                        );
                    }
                    failed += 1;
                }
                (Ok(statements), Ok(eager), Ok(_)) => {
                    let mut want = vec![];
                    for_each_expr(&statements, |e| want.push(reference.span_range(e.span())));
                    let mut got = vec![];
                    for_each_expr(&eager.statements, |e| {
                        got.push(eager.tokens.span_range(e.span()))
                    });
                    assert_eq!(got, want, "{text}");
                    parsed += 1;
                }
                _ => panic!("the parses disagree on whether this parses: {text}"),
            }
        }
        assert!(
            failed > 1000 && parsed > 100,
            "{failed} failed, {parsed} parsed"
        );
    }

    #[test]
    fn parse_errors_point_at_the_token() {
        let Err(err) = parse_postgres("select a\nfrom t where") else {
            panic!("must not parse")
        };
        assert!(err.message.contains("Expected"), "{}", err.message);
        assert!(err.offset >= 9);
    }
}

/// Token positions of a cast: the operand and the type name.
#[derive(Debug, Clone, Copy)]
pub struct CastParts {
    /// First and last token of the whole cast expression.
    pub whole: (usize, usize),
    /// First and last token of the operand.
    pub operand: (usize, usize),
    /// First and last token of the type name.
    pub type_name: (usize, usize),
    /// `::` token for `x::t`; `None` for `cast(x as t)`.
    pub double_colon: Option<usize>,
}

/// A cast's parts and its type name as written (see [`Tokens::type_text`]).
#[derive(Debug, Clone)]
pub struct Cast {
    pub parts: CastParts,
    pub type_text: std::rc::Rc<str>,
}

impl Tokens<'_> {
    /// The parts and type name of a cast, found once per expression however
    /// many rules ask.
    #[inline]
    pub fn cast(&self, expr: &Expr) -> Option<Cast> {
        // Inlined, so that the rules asking about every expression pay a
        // compare, not a call, for the many that are no cast at all.
        if !matches!(expr, Expr::Cast { .. }) {
            return None;
        }
        self.cast_cached(expr)
    }

    fn cast_cached(&self, expr: &Expr) -> Option<Cast> {
        let key = expr as *const Expr as usize;
        self.casts.borrow_mut().get_or_find(key, || {
            let parts = self.cast_parts(expr)?;
            Some(Cast {
                parts,
                type_text: self.type_text(parts.type_name).into(),
            })
        })
    }

    /// Locates the parts of `x::t`, `cast(x as t)` and `try_cast(x as t)`.
    pub fn cast_parts(&self, expr: &Expr) -> Option<CastParts> {
        let Expr::Cast {
            kind, expr: inner, ..
        } = expr
        else {
            return None;
        };
        let operand = self.expr_tokens(inner)?;
        let whole = self.expr_tokens(expr)?;
        let marker = self.next_sig(operand.1)?;
        let double_colon = match kind {
            CastKind::DoubleColon => {
                matches!(self.token(marker), Token::DoubleColon).then_some(marker)?;
                Some(marker)
            }
            _ => {
                if !self.is_word(marker, "as") {
                    return None;
                }
                None
            }
        };
        let first = self.next_sig(marker)?;
        let last = self.type_end(first)?;
        Some(CastParts {
            whole,
            operand,
            type_name: (first, last),
            double_colon,
        })
    }

    /// The type name text of a cast, lower-case with single spaces.
    pub fn type_text(&self, (first, last): (usize, usize)) -> String {
        let mut out = String::new();
        for i in first..=last {
            if self.is_trivia(i) {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            } else {
                out.push_str(self.slice(i));
            }
        }
        // ASCII lower-casing is byte by byte: the whole at once is the same
        // as each token's, without a string per token.
        out.make_ascii_lowercase();
        if out.contains(" (") || out.contains(" [") {
            out = out.replace(" (", "(").replace(" [", "[");
        }
        out
    }
}
