//! The one place that knows where petrel's shared data lives.
//!
//! Training and test data (UD English EWT, the PETRARCH dictionaries and unit tests, the CAMEO
//! and PLOVER tables) are not part of this repository: they are read from `$PETREL_SHARED`, or
//! from a `shared` directory next to the checkout (`../shared`, found by walking up from the
//! crate or the current directory).
//!
//! A test that needs a file calls [`require`]. When the data is missing, the test is skipped
//! with a message, unless `PETREL_REQUIRE_SHARED=1` is set (as CI does), in which case the
//! missing data is a failure: a test that silently skips in CI proves nothing.

use std::path::{Path, PathBuf};

/// The shared root (the directory holding `data/`), if it can be found.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PETREL_SHARED") {
        let dir = PathBuf::from(dir);
        return dir.join("data").is_dir().then_some(dir);
    }
    let starts = [
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
        std::env::current_dir().ok(),
    ];
    for start in starts.into_iter().flatten() {
        for dir in start.ancestors() {
            let candidate = dir.join("shared");
            if candidate.join("data").is_dir() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Whether a missing shared file must fail rather than skip (`PETREL_REQUIRE_SHARED=1`).
pub fn required() -> bool {
    std::env::var("PETREL_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

/// The path of `relative` under the shared `data/` directory, if present.
///
/// When it is missing: panics if [`required`], otherwise prints why the caller is being
/// skipped and returns `None`.
pub fn require(relative: impl AsRef<Path>) -> Option<PathBuf> {
    let relative = relative.as_ref();
    let found = shared_dir()
        .map(|dir| dir.join("data").join(relative))
        .filter(|path| path.exists());
    match found {
        Some(path) => Some(path),
        None if required() => panic!(
            "shared data file {} not found (set PETREL_SHARED or place it in ../shared/data)",
            relative.display()
        ),
        None => {
            eprintln!(
                "skipped: shared data file {} not found (set PETREL_SHARED)",
                relative.display()
            );
            None
        }
    }
}
