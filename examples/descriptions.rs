//! Writes the form texts the browser package ships beside the wasm, one file
//! per provider and language: `OUT_DIR/<provider>.<locale>.json`.
//!
//! The wasm is built without the `descriptions` feature, so labels, help
//! texts, examples and preconditions are not in it; a page loads the file of
//! the provider and language it shows. Run: `cargo run --example descriptions -- pkg/descriptions`.

use std::{env, fs, path::PathBuf, process::ExitCode};

use reinstall_kit::issue::Locale;
use reinstall_kit::providers;

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: descriptions OUT_DIR");
        return ExitCode::from(2);
    };
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("descriptions: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for provider in providers::ALL {
        for locale in Locale::ALL {
            let mut text = String::new();
            provider.write_descriptions(locale, &mut text);
            let path = dir.join(format!("{}.{}.json", provider.id, locale.tag()));
            if let Err(e) = fs::write(&path, text) {
                eprintln!("descriptions: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
