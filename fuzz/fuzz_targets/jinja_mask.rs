//! The Jinja scanner and the masking on arbitrary bytes (read lossily, as a
//! file of unknown encoding would be): every fragment and every branch variant
//! is built, as the pipeline builds them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pg2sf::{jinja, mask};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let Ok(regions) = jinja::scan(&text) else {
        return;
    };
    let file = mask::mask_file(&text, &regions);
    // Masking never moves a byte.
    assert_eq!(file.masked.len(), text.len());
    for (index, fragment) in file.fragments.iter().enumerate() {
        for blank_standalone in [false, true] {
            let _ = mask::variant(&file, index, None, blank_standalone);
            for k in 0..mask::branch_choices(fragment) {
                let v = mask::variant(&file, index, Some(k), blank_standalone);
                let _ = mask::as_select_expression(&v, fragment.range.start);
            }
        }
    }
});
