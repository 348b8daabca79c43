//! What the command-line tests share.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `chronicler --db DB ARGS...` (no stdin, no `CHRONICLER_DB` from the
/// environment), whatever its exit.
#[allow(dead_code)] // not every test file reads failures
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .env_remove("CHRONICLER_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

/// [`run`], asserting it succeeded (showing its stderr if not).
pub fn run_ok(db: &Path, args: &[&str]) -> Output {
    let o = run(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}
