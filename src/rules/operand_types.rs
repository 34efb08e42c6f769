//! What the AST alone tells about an expression's type: enough to know that an
//! operand is certainly an integer (a literal, an integer cast, a count), or
//! certainly not one. Column types are unknown to pg2sf.

use sqlparser::ast::{BinaryOperator, DataType, Expr, FunctionArguments, UnaryOperator, Value};

/// Functions whose PostgreSQL result is an integer type whatever their
/// arguments.
const INTEGER_FUNCTIONS: &[&str] = &[
    "count",
    "length",
    "char_length",
    "character_length",
    "octet_length",
    "bit_length",
    "strpos",
    "array_length",
    "cardinality",
    "row_number",
    "rank",
    "dense_rank",
    "ntile",
    "ascii",
];

/// Functions whose PostgreSQL result is never an integer.
const NON_INTEGER_FUNCTIONS: &[&str] = &["avg", "random", "sqrt", "cbrt", "exp", "ln", "pi"];

/// Whether `e` is certainly of an integer type in PostgreSQL.
pub fn is_integer(e: &Expr) -> bool {
    match e {
        Expr::Value(v) => {
            matches!(&v.value, Value::Number(n, _) if n.bytes().all(|b| b.is_ascii_digit()))
        }
        Expr::Nested(inner) => is_integer(inner),
        Expr::UnaryOp {
            op: UnaryOperator::Minus | UnaryOperator::Plus,
            expr,
        } => is_integer(expr),
        Expr::BinaryOp {
            left,
            op:
                BinaryOperator::Plus
                | BinaryOperator::Minus
                | BinaryOperator::Multiply
                | BinaryOperator::Modulo,
            right,
        } => is_integer(left) && is_integer(right),
        Expr::Cast { data_type, .. } => is_integer_type(data_type),
        Expr::Position { .. } => true,
        Expr::Function(f) => {
            let name = f.name.to_string().to_ascii_lowercase();
            if !INTEGER_FUNCTIONS.contains(&name.as_str()) {
                return false;
            }
            // `count` and friends are called with parentheses; a bare word is a column.
            !matches!(f.args, FunctionArguments::None)
        }
        _ => false,
    }
}

/// Whether `e` is certainly of a non-integer type (numeric, float, text…).
pub fn is_non_integer(e: &Expr) -> bool {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => !n.bytes().all(|b| b.is_ascii_digit()),
            Value::SingleQuotedString(_) | Value::DollarQuotedString(_) => true,
            _ => false,
        },
        Expr::Nested(inner) => is_non_integer(inner),
        Expr::UnaryOp {
            op: UnaryOperator::Minus | UnaryOperator::Plus,
            expr,
        } => is_non_integer(expr),
        Expr::BinaryOp {
            left,
            op:
                BinaryOperator::Plus
                | BinaryOperator::Minus
                | BinaryOperator::Multiply
                | BinaryOperator::Divide,
            right,
        } => is_non_integer(left) || is_non_integer(right),
        Expr::Cast { data_type, .. } => !is_integer_type(data_type),
        Expr::Function(f) => {
            let name = f.name.to_string().to_ascii_lowercase();
            NON_INTEGER_FUNCTIONS.contains(&name.as_str())
        }
        _ => false,
    }
}

fn is_integer_type(t: &DataType) -> bool {
    let written = t.to_string().to_ascii_lowercase();
    matches!(
        written.as_str(),
        "int" | "integer" | "bigint" | "smallint" | "int2" | "int4" | "int8"
    )
}
