//! English inflection for dictionary lemmas: verbs (regular and irregular)
//! and noun plurals.

/// Irregular verbs: lemma, past, past participle (alternatives with `/`).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was/were", "been"),
    ("bear", "bore", "borne/born"),
    ("beat", "beat", "beaten/beat"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bid", "bid", "bid"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("fall", "fell", "fallen"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "got/gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("have", "had", "had"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("oversee", "oversaw", "overseen"),
    ("overcome", "overcame", "overcome"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("retake", "retook", "retaken"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown/showed"),
    ("shut", "shut", "shut"),
    ("sink", "sank", "sunk"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("strike", "struck", "struck/stricken"),
    ("swear", "swore", "sworn"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

/// Stressed final syllables that double their consonant ("commit" → "committed").
const DOUBLING: &[&str] = &[
    "admit", "commit", "submit", "omit", "permit", "transmit", "remit", "refer", "prefer",
    "confer", "transfer", "deter", "expel", "compel", "propel", "occur", "control", "patrol",
    "regret", "equip", "abet", "embed", "rebut", "begin", "forbid", "forget", "upset", "outbid",
    "acquit", "infer", "incur", "recur",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// True for a short consonant-vowel-consonant word whose final consonant
/// doubles before -ed/-ing ("ban", "stop", "plan").
fn doubles(w: &str) -> bool {
    if DOUBLING.contains(&w) {
        return true;
    }
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let (a, b, d) = (c[n - 3], c[n - 2], c[n - 1]);
    let vowel_groups = c
        .iter()
        .enumerate()
        .filter(|(i, ch)| is_vowel(**ch) && (*i == 0 || !is_vowel(c[i - 1])))
        .count();
    vowel_groups == 1
        && !is_vowel(a)
        && is_vowel(b)
        && !is_vowel(d)
        && !matches!(d, 'w' | 'x' | 'y')
}

fn third_person(w: &str) -> String {
    match w {
        "be" => return "is".into(),
        "have" => return "has".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    plural(w)
}

fn regular_past(w: &str) -> Vec<String> {
    if w.ends_with('e') {
        return vec![format!("{w}d")];
    }
    if let Some(stem) = w.strip_suffix('y') {
        if !stem.ends_with(is_vowel) {
            return vec![format!("{stem}ied")];
        }
    }
    if doubles(w) {
        let last = w.chars().last().map(String::from).unwrap_or_default();
        return vec![format!("{w}{last}ed")];
    }
    if w.ends_with('l') && w.len() > 4 && w[..w.len() - 1].ends_with(is_vowel) {
        // cancel → canceled / cancelled
        return vec![format!("{w}ed"), format!("{w}led")];
    }
    vec![format!("{w}ed")]
}

fn present_participle(w: &str) -> Vec<String> {
    if w == "be" {
        return vec!["being".into()];
    }
    if let Some(stem) = w.strip_suffix("ie") {
        return vec![format!("{stem}ying")];
    }
    if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        return vec![format!("{}ing", &w[..w.len() - 1])];
    }
    if doubles(w) {
        let last = w.chars().last().map(String::from).unwrap_or_default();
        return vec![format!("{w}{last}ing")];
    }
    if w.ends_with('l') && w.len() > 4 && w[..w.len() - 1].ends_with(is_vowel) {
        return vec![format!("{w}ing"), format!("{w}ling")];
    }
    vec![format!("{w}ing")]
}

/// Every form of a verb lemma: base, third person, past, past participle,
/// present participle (plus "am/are/is/was/were/'s" for "be").
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let lemma = lemma.to_lowercase();
    let mut out = vec![lemma.clone(), third_person(&lemma)];
    if lemma == "be" {
        out.extend(["am", "are", "'re", "'s"].map(String::from));
    }
    if let Some((_, past, pp)) = IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        out.extend(past.split('/').map(String::from));
        out.extend(pp.split('/').map(String::from));
    } else if let Some(base) = IRREGULAR.iter().find(|(l, _, _)| {
        lemma.len() > l.len() + 1 && lemma.ends_with(l) && lemma.starts_with("re")
    }) {
        // re-: rebuild handled above; "retell" → "retold"
        let prefix = &lemma[..lemma.len() - base.0.len()];
        out.extend(base.1.split('/').map(|p| format!("{prefix}{p}")));
        out.extend(base.2.split('/').map(|p| format!("{prefix}{p}")));
    } else {
        out.extend(regular_past(&lemma));
    }
    out.extend(present_participle(&lemma));
    let mut seen = Vec::new();
    for f in out {
        if !seen.contains(&f) {
            seen.push(f);
        }
    }
    seen
}

fn plural(w: &str) -> String {
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        return format!("{w}es");
    }
    if let Some(stem) = w.strip_suffix('y') {
        if !stem.ends_with(is_vowel) {
            return format!("{stem}ies");
        }
    }
    if w.ends_with('o') && !w.ends_with("oo") && w.len() <= 3 {
        return format!("{w}es");
    }
    format!("{w}s")
}

/// A noun and its plural ("exchange" → "exchanges"); a word already ending
/// in "s" is kept as is ("talks").
pub fn noun_forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    if w.ends_with('s') || w.len() < 3 {
        return vec![w];
    }
    let p = plural(&w);
    vec![w, p]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_verbs() {
        let f = verb_forms("invite");
        for w in ["invite", "invites", "invited", "inviting"] {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        assert!(verb_forms("hold").contains(&"held".to_string()));
        assert!(verb_forms("meet").contains(&"met".to_string()));
        assert!(verb_forms("meet").contains(&"meeting".to_string()));
        assert!(verb_forms("ban").contains(&"banned".to_string()));
        assert!(verb_forms("stop").contains(&"stopping".to_string()));
        assert!(verb_forms("commit").contains(&"committed".to_string()));
        assert!(verb_forms("cancel").contains(&"cancelled".to_string()));
        assert!(verb_forms("cancel").contains(&"canceled".to_string()));
        assert!(verb_forms("accuse").contains(&"accuses".to_string()));
        assert!(verb_forms("deny").contains(&"denied".to_string()));
        assert!(verb_forms("deny").contains(&"denies".to_string()));
        assert!(verb_forms("pledge").contains(&"pledging".to_string()));
        assert!(verb_forms("be").contains(&"were".to_string()));
        assert!(verb_forms("strike").contains(&"struck".to_string()));
        assert!(verb_forms("attack").contains(&"attacked".to_string()));
        assert!(!verb_forms("attack").contains(&"attackked".to_string()));
        assert!(verb_forms("release").contains(&"releasing".to_string()));
        assert!(verb_forms("agree").contains(&"agreeing".to_string()));
        assert!(verb_forms("retell").contains(&"retold".to_string()));
    }

    #[test]
    fn plurals() {
        assert_eq!(noun_forms("exchange"), vec!["exchange", "exchanges"]);
        assert_eq!(noun_forms("talks"), vec!["talks"]);
        assert_eq!(noun_forms("strike"), vec!["strike", "strikes"]);
        assert_eq!(noun_forms("ceasefire"), vec!["ceasefire", "ceasefires"]);
        assert_eq!(noun_forms("body"), vec!["body", "bodies"]);
    }
}
