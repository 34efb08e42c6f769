//! pg2sf: ports a dbt project's PostgreSQL SQL to Snowflake SQL with minimal,
//! reviewed edits.
//!
//! The pipeline, one module per step: [`discover`] files → read [`source`] →
//! find and [`mask`] the [`jinja`] → [`parse`] with tokens → [`rules`] →
//! [`edits`] → Snowflake re-parse ([`convert`]) → [`report`].

pub mod commands;
pub mod convert;
pub mod dbt;
pub mod discover;
pub mod edits;
pub mod jinja;
pub mod lint;
pub mod mask;
pub mod parse;
pub mod project;
pub mod report;
pub mod rules;
pub mod source;
