//! `locale-files <locales dir> <out dir>`: checks the locale files as the build does and writes
//! `<code>-card.json` and `<code>-app.json` for every language but English (which the wasm has
//! built in), then prints the codes written, comma-separated. Run by `scripts/version-app.sh`.

// Shared with the build script, which reads every field; this tool needs fewer.
#[allow(dead_code)]
#[path = "../../../build/locales.rs"]
mod locales;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        eprintln!("usage: locale-files <locales dir> <out dir>");
        return ExitCode::from(2);
    };
    let found = match locales::read_dir(Path::new(from)) {
        Ok(found) => found,
        Err(problems) => {
            eprintln!("the locale files do not match en.toml:\n{problems}");
            return ExitCode::FAILURE;
        }
    };
    match locales::write_texts(&found, Path::new(to)) {
        Ok(codes) => {
            println!("{}", codes.join(","));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{to}: {error}");
            ExitCode::FAILURE
        }
    }
}
