//! TODO(helper): implement.

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![]
}
