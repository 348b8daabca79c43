//! Writes the Basic Multilingual Plane tables of `src/text.rs` (one bit a
//! character, 8 KB each) into `OUT_DIR`, computed with this toolchain's own
//! `char` methods: the binary carries them instead of building them at the
//! first letter outside ASCII of every run (about 31 M instructions, 6 %
//! of a one-article ingest). A test in `text.rs` checks them against the
//! same methods at run time.

use std::fmt::Write as _;

/// One bit for each character of U+0000 to U+FFFF, set where `has` holds.
fn table(has: impl Fn(char) -> bool) -> Vec<u64> {
    let mut t = vec![0u64; 1024];
    for (u, c) in (0..0x1_0000u32).filter_map(|u| char::from_u32(u).map(|c| (u, c))) {
        if let Some(w) = t.get_mut((u / 64) as usize) {
            if has(c) {
                *w |= 1 << (u % 64);
            }
        }
    }
    t
}

fn emit(out: &mut String, name: &str, doc: &str, t: &[u64]) {
    let _ = writeln!(out, "/// {doc}\npub(crate) static {name}: [u64; 1024] = [");
    for w in t {
        let _ = writeln!(out, "    {w:#018x},");
    }
    let _ = writeln!(out, "];");
}

fn main() {
    let mut out = String::new();
    emit(
        &mut out,
        "BMP_WORD_CHARS",
        "`char::is_alphanumeric` of U+0000 to U+FFFF, one bit a character.",
        &table(char::is_alphanumeric),
    );
    emit(
        &mut out,
        "BMP_LOWERED_CHARS",
        "The characters of U+0000 to U+FFFF that lower case changes, one bit a character.",
        &table(|c| {
            let mut lower = c.to_lowercase();
            lower.next() != Some(c) || lower.next().is_some()
        }),
    );
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(std::path::Path::new(&dir).join("bmp_tables.rs"), out)
        .expect("writing the BMP tables into OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
}
