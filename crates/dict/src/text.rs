//! Text helpers for dictionary matching.

/// True for characters that continue a word (letters, digits).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `matched` (text) fits the case of `form` (dictionary): a
/// dictionary word starting with a capital needs a capital in the text; an
/// all-capitals word of two or more letters (an acronym) needs all capitals.
/// Lower-case dictionary words match any case.
pub fn case_compatible(form: &str, matched: &str) -> bool {
    let mut fw = form.split(|c: char| c.is_whitespace() || c == '-');
    let mut mw = matched.split(|c: char| c.is_whitespace() || c == '-');
    loop {
        match (fw.next(), mw.next()) {
            (Some(f), Some(m)) => {
                let Some(fc) = f.chars().next() else { continue };
                let mc = m.chars().next().unwrap_or(' ');
                let letters: Vec<char> = f.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    if m.chars()
                        .filter(|c| c.is_alphabetic())
                        .any(|c| c.is_lowercase())
                    {
                        return false;
                    }
                } else if fc.is_uppercase() && !mc.is_uppercase() {
                    return false;
                }
            }
            (None, None) => return true,
            _ => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert!(case_compatible("Turkey", "Turkey"));
        assert!(case_compatible("Turkey", "TURKEY"));
        assert!(!case_compatible("Turkey", "turkey"));
        assert!(!case_compatible("US", "us"));
        assert!(!case_compatible("US", "Us"));
        assert!(case_compatible(
            "Ukrainian president",
            "Ukrainian President"
        ));
        assert!(case_compatible("soldiers", "Soldiers"));
    }
}
