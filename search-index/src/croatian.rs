//! A light Croatian stemmer for search.
//!
//! Input is one lower-cased token with its diacritics (č ć đ š ž); the output
//! keeps them (accent folding happens later in the pipeline). Stems are index
//! keys, not dictionary words: `podatak` becomes `poc`, `udruga` `udruz`.
//!
//! # Approach
//! 1. Tokens under three letters, or with anything other than a–z and
//!    č ć đ š ž (digits, other scripts, accents of other languages), are
//!    returned unchanged.
//! 2. Instrumental `-šću` of `-ost`/`-est` nouns becomes `-st`
//!    (`sigurnošću` → `sigurnost`); otherwise the longest ending from
//!    [`ENDINGS`] is removed (noun, adjective and common verb endings), as
//!    long as the rest keeps that ending's minimum length and a vowel (a
//!    syllabic r between consonants, as in `vrh`, counts).
//! 3. Velar alternation: a stem of four or more letters ending in k, g, h
//!    is written with c, z, s, so `udrug-`/`udruz-` and `čovjek-` meet.
//! 4. Look-alike endings: a stem ending in `-ov -ev -it -at -am -em -im -om
//!    -oj -ij -oz` loses it when two letters with a vowel remain. These
//!    letters are also endings (`gradovi`, `zaštiti`, `programa`), so dropping them always
//!    keeps every form of a word together (`program`, `problem`, `razvoj`,
//!    `razlog`, `rezultat`, `zahtjev`, `studij`).
//! 5. Fleeting a: consonant + `a` + c/n/r at the end loses the `a`
//!    (`slobodan` = `slobodn-a`, `kupac` = `kupc-a`, `dobar` = `dobr-a`);
//!    then `tc`/`dc` become `c` (`podatci`/`podaci`, `sudac`/`suci`), and
//!    the two repeat while they change anything, so all of `podatak`,
//!    `podatka`, `podaci`, `podataka` reach `poc`. Nouns with a stable `a`
//!    (`ekran`, `korak`) lose it in every form, so they still stay together.
//!
//! # Known limits
//! * Velars are not softened in stems under four letters, to leave `rok`,
//!   `lik`, `bog` intact: `ruka`/`ruci` and `noga`/`nozi` do not meet.
//! * Past participles are stripped only from stems of 5+ letters (`-io`,
//!   `-ila`, `-ilo`, `-ili`, `-ile`), so that `profil`/`profili` stay
//!   together; hence `učio`, `čuvao`, `čuvala` do not meet their verbs, and
//!   `automobil`/`automobili` split. `-jeti` needs a 4-letter stem
//!   (`razumjeti` works, `vidjeti` does not); `-ete` is never stripped.
//! * Suppletive and irregular words are not handled: `čovjek`/`ljudi`,
//!   vocative `čovječe`, `dijete`/`djeca`, `vrijeme`/`vremena`, `oko`/`oči`,
//!   `posao`/`posla`, `pojam`/`pojma`.
//! * Known conflations: `-ik`/`-ica` pairs (`učenik`/`učenica`,
//!   `korisnik`/`korisnica`), `korist`/`koristiti`, `put`/`putovati` (all
//!   acceptable for search); adjective `pravi` with `pravo`; `forma` with
//!   `format`; stop word `zašto` with `zaštita`. Noun `sloboda` and
//!   adjective `slobodan` stay apart (`slobod` vs `slobodn`).
//! * Step 4 can leave very short stems (`atom` → `at`, `elita` → `el`,
//!   `dom`/`doma` stay `dom`); they are consistent within a word but may
//!   collide with unrelated short words.
//! * Three-letter words are stemmed too (`uči` → `uč`) but keep at least two
//!   letters and a vowel, so `kod`, `tri`, `dva`, `sve` come out unchanged.

/// Inflectional endings with the minimum number of letters that must remain.
/// The longest ending that fits wins.
const ENDINGS: &[(&str, usize)] = &[
    // plural infix of short masculine nouns: grad-ov-i, muž-ev-i
    ("ovima", 2),
    ("evima", 2),
    ("ovi", 2),
    ("ova", 2),
    ("ove", 2),
    ("evi", 2),
    ("eva", 2),
    ("eve", 2),
    // -ija nouns (informacija) and comparatives (noviji), all cases
    ("ijima", 3),
    ("ijama", 3),
    ("ijega", 3),
    ("ijemu", 3),
    ("ijeg", 3),
    ("ijem", 3),
    ("ijih", 3),
    ("ijim", 3),
    ("ijoj", 3),
    ("ijom", 3),
    ("ija", 3),
    ("ije", 3),
    ("iji", 3),
    ("iju", 3),
    // plural dative/locative/instrumental
    ("ama", 3),
    ("ima", 3),
    // adjective long forms; -ega needs 4 letters so kolega is spared
    ("oga", 2),
    ("omu", 2),
    ("ega", 4),
    ("emu", 4),
    ("eg", 4),
    ("og", 2),
    ("om", 2),
    ("oj", 2),
    ("ih", 2),
    ("im", 2),
    ("em", 2),
    // verbs: infinitive, present tense, -ovati/-ivati present (kupuje)
    ("ivati", 3),
    ("jeti", 4),
    ("ati", 2),
    ("iti", 2),
    ("ujemo", 3),
    ("ujem", 3),
    ("uješ", 3),
    ("uje", 3),
    ("uju", 3),
    ("amo", 2),
    ("ate", 3),
    ("aju", 2),
    ("imo", 2),
    ("ite", 3),
    ("emo", 2),
    ("am", 2),
    ("aš", 2),
    ("iš", 2),
    ("eš", 2),
    // past participle of -iti verbs, only on long stems (see limits)
    ("ila", 5),
    ("ilo", 5),
    ("ili", 5),
    ("ile", 5),
    ("io", 5),
    // single vowels: case endings of all declensions
    ("a", 2),
    ("e", 2),
    ("i", 2),
    ("o", 2),
    ("u", 2),
];

/// Stem endings that are also (parts of) inflectional endings; see step 4.
const LOOK_ALIKES: &[&str] = &[
    "ov", "ev", "it", "at", "am", "em", "im", "om", "oj", "ij", "oz",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn is_croatian_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'č' | 'ć' | 'đ' | 'š' | 'ž')
}

/// True if `s` has a vowel, counting an r between two consonants (vrh, krv).
fn has_vowel(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    cs.iter().enumerate().any(|(i, &c)| {
        is_vowel(c)
            || (c == 'r'
                && i > 0
                && i + 1 < cs.len()
                && !is_vowel(cs[i - 1])
                && !is_vowel(cs[i + 1]))
    })
}

/// A candidate stem must keep `min` letters and a vowel.
fn usable(stem: &str, min: usize) -> bool {
    stem.chars().count() >= min && has_vowel(stem)
}

/// Step 2: remove the inflectional ending.
fn strip_ending(word: &str) -> String {
    if let Some(rest) = word.strip_suffix("šću").filter(|r| usable(r, 2)) {
        return format!("{rest}st");
    }
    let mut best: Option<&str> = None;
    for &(ending, min) in ENDINGS {
        if let Some(rest) = word.strip_suffix(ending).filter(|r| usable(r, min))
            && best.is_none_or(|b| rest.len() < b.len())
        {
            best = Some(rest);
        }
    }
    best.unwrap_or(word).to_string()
}

/// Step 3: k, g, h at the end of a long stem are written c, z, s.
fn soften_velar(stem: &mut String) {
    if stem.chars().count() < 4 {
        return;
    }
    let soft = match stem.chars().last() {
        Some('k') => 'c',
        Some('g') => 'z',
        Some('h') => 's',
        _ => return,
    };
    stem.pop();
    stem.push(soft);
}

/// Step 4: drop an ending-like tail when two letters with a vowel remain.
fn drop_look_alike(stem: &mut String) {
    for tail in LOOK_ALIKES {
        if let Some(keep) = stem
            .strip_suffix(tail)
            .filter(|r| usable(r, 2))
            .map(str::len)
        {
            stem.truncate(keep);
            return;
        }
    }
}

/// Step 5a: consonant + a + (c|n|r) at the end loses the a, if a vowel
/// remains before that consonant.
fn drop_fleeting_a(stem: &mut String) {
    let cs: Vec<char> = stem.chars().collect();
    let n = cs.len();
    if n < 4 || cs[n - 2] != 'a' || is_vowel(cs[n - 3]) || !matches!(cs[n - 1], 'c' | 'n' | 'r') {
        return;
    }
    if has_vowel(&cs[..n - 3].iter().collect::<String>()) {
        *stem = cs[..n - 2].iter().chain(&cs[n - 1..]).collect();
    }
}

/// Step 5b: t or d before a final c is dropped (podatci → podaci).
fn merge_dental_c(stem: &mut String) -> bool {
    for pair in ["tc", "dc"] {
        if let Some(keep) = stem
            .strip_suffix(pair)
            .filter(|r| has_vowel(r))
            .map(str::len)
        {
            stem.truncate(keep);
            stem.push('c');
            return true;
        }
    }
    false
}

/// Stem one lower-cased Croatian token. Never panics; unknown input is
/// returned unchanged.
pub fn stem(word: &str) -> String {
    if word.chars().count() < 3 || !word.chars().all(is_croatian_letter) {
        return word.to_string();
    }
    let mut s = strip_ending(word);
    soften_velar(&mut s);
    drop_look_alike(&mut s);
    // Each round shortens the stem, so this ends quickly.
    loop {
        drop_fleeting_a(&mut s);
        if !merge_dental_c(&mut s) {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All forms must reach the stem of the first one.
    fn same(forms: &[&str]) {
        let first = stem(forms[0]);
        for f in forms {
            assert_eq!(
                stem(f),
                first,
                "{f:?} stems differently from {:?}",
                forms[0]
            );
        }
    }

    fn apart(a: &str, b: &str) {
        assert_ne!(stem(a), stem(b), "{a:?} and {b:?} were conflated");
    }

    #[test]
    fn nouns_meet_across_cases_and_numbers() {
        same(&[
            "udruga", "udruge", "udruzi", "udrugu", "udrugom", "udrugama",
        ]);
        same(&[
            "zajednica",
            "zajednice",
            "zajednici",
            "zajednicu",
            "zajednicom",
            "zajednicama",
        ]);
        same(&[
            "grad",
            "grada",
            "gradu",
            "gradom",
            "gradovi",
            "gradova",
            "gradovima",
        ]);
        same(&[
            "računalo",
            "računala",
            "računalu",
            "računalom",
            "računalima",
        ]);
        same(&[
            "podatak", "podatka", "podatku", "podatkom", "podaci", "podatci", "podataka",
            "podacima",
        ]);
        same(&["mreža", "mreže", "mreži", "mrežu", "mrežom", "mrežama"]);
        same(&["obrazovanje", "obrazovanja", "obrazovanju", "obrazovanjem"]);
        same(&["sigurnost", "sigurnosti", "sigurnošću", "sigurnostima"]);
        same(&[
            "poslužitelj",
            "poslužitelja",
            "poslužitelju",
            "poslužiteljem",
            "poslužitelji",
            "poslužiteljima",
        ]);
        same(&["radionica", "radionice", "radionici", "radionicama"]);
        same(&["zaštita", "zaštite", "zaštiti", "zaštitom"]);
        same(&["pravo", "prava", "pravima"]);
        same(&["čovjek", "čovjeka", "čovjeku"]);
        same(&["kupac", "kupca", "kupci", "kupaca"]);
        same(&["početak", "početka", "počeci", "početaka"]);
        same(&["sudac", "suca", "suci"]);
        same(&[
            "informacija",
            "informacije",
            "informaciji",
            "informaciju",
            "informacijom",
            "informacijama",
        ]);
        same(&["datoteka", "datoteke", "datoteci", "datotekom"]);
        same(&["rok", "roka", "roku", "rokom", "rokovi"]);
        same(&["ekran", "ekrana", "ekranu", "ekrani"]);
    }

    #[test]
    fn stem_endings_that_look_like_case_endings() {
        same(&[
            "program",
            "programa",
            "programu",
            "programom",
            "programi",
            "programima",
        ]);
        same(&["problem", "problema", "problemom", "problemima"]);
        same(&["razlog", "razloga", "razlogu", "razlozi", "razlozima"]);
        same(&["razvoj", "razvoja", "razvoju"]);
        same(&["rezultat", "rezultata", "rezultati", "rezultatima"]);
        same(&["zahtjev", "zahtjeva", "zahtjevu", "zahtjevi"]);
        same(&["studij", "studija", "studiju", "studijem", "studiji"]);
        same(&["kolega", "kolege", "kolegi", "kolegom"]);
        same(&["profil", "profila", "profilu", "profili"]);
        same(&["atom", "atoma", "atomu", "atomom"]);
    }

    #[test]
    fn adjectives_meet_across_endings() {
        same(&[
            "slobodan",
            "slobodna",
            "slobodno",
            "slobodni",
            "slobodnog",
            "slobodnom",
            "slobodnih",
            "slobodnim",
        ]);
        same(&[
            "digitalni",
            "digitalna",
            "digitalnog",
            "digitalnoj",
            "digitalnih",
            "digitalnima",
        ]);
        same(&[
            "otvoreni",
            "otvorenog",
            "otvorenom",
            "otvorena",
            "otvorenoga",
            "otvorenomu",
        ]);
        same(&["besplatan", "besplatna", "besplatnih"]);
        same(&[
            "siguran",
            "sigurna",
            "sigurniji",
            "sigurnija",
            "sigurnije",
            "sigurnijeg",
        ]);
        same(&["novi", "nova", "novog", "novom", "noviji", "novijeg"]);
        same(&["dobar", "dobra", "dobro", "dobri", "dobrog"]);
        same(&[
            "hrvatski",
            "hrvatska",
            "hrvatskog",
            "hrvatskoj",
            "hrvatskih",
        ]);
        same(&["svjež", "svježeg", "svježega", "svježem", "svježemu"]);
    }

    #[test]
    fn common_verb_forms_meet() {
        same(&[
            "koristiti",
            "koristi",
            "koriste",
            "koristimo",
            "koristite",
            "koristim",
            "koristio",
            "koristila",
            "koristili",
        ]);
        same(&["učiti", "uči", "uče", "učimo", "učiš"]);
        same(&[
            "čuvati", "čuvam", "čuvaš", "čuva", "čuvamo", "čuvate", "čuvaju",
        ]);
        same(&["kupovati", "kupujem", "kupuje", "kupujemo", "kupuju"]);
        same(&["razumjeti", "razumijem"]);
    }

    #[test]
    fn different_words_stay_apart() {
        apart("mreža", "mrak");
        apart("grad", "gradnja");
        apart("pravo", "pravilo");
        apart("pravo", "pravni");
        apart("sloboda", "slobodan");
        apart("sigurnost", "siguran");
        apart("lice", "lik");
        apart("lica", "lika");
        apart("program", "programer");
        apart("stan", "stanje");
        apart("korisnik", "korist");
        apart("problem", "proba");
        apart("računalo", "račun");
        apart("mreža", "mrežni");
        apart("udruga", "udruženje");
        apart("zajednica", "zajednički");
        apart("rad", "radio");
    }

    #[test]
    fn short_words_numbers_and_foreign_text_are_unchanged() {
        for w in [
            "", "a", "ž", "za", "na", "od", "it", "eu", "kod", "tri", "dva", "sve", "rok", "lik",
            "vrh",
        ] {
            assert_eq!(stem(w), w);
        }
        for w in [
            "2024",
            "ipv6",
            "3d",
            "IT",
            "EU",
            "Zagreb",
            "мрежа",
            "网络",
            "mrežaсеть",
            "café",
            "e-mail",
            "ćć1",
        ] {
            assert_eq!(stem(w), w);
        }
    }

    #[test]
    fn multibyte_endings_are_cut_at_char_boundaries() {
        same(&["ključ", "ključa", "ključem", "ključevi", "ključevima"]);
        same(&["noć", "noći", "noću"]);
        same(&["riječ", "riječi", "riječima"]);
        same(&["muž", "muža", "mužem", "muževi"]);
        same(&["miš", "miša", "miševi"]);
        same(&["međa", "međe", "međi", "međom"]);
        same(&["kuća", "kući", "kuću", "kućom", "kućama"]);
        assert_eq!(stem("čađ"), "čađ");
        assert_eq!(stem("šću"), "šću");
        assert_eq!(stem("ključem"), "ključ");
    }

    #[test]
    fn never_panics_on_short_letter_soup() {
        let alphabet = [
            'a', 'o', 'č', 'ć', 'đ', 'š', 'ž', 'k', 't', 'r', 'i', '1', 'ж',
        ];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for w in &words {
            let s = stem(w);
            assert!(w.is_empty() || !s.is_empty(), "{w:?} stemmed to nothing");
        }
    }
}
