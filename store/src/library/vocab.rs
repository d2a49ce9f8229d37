//! The controlled vocabularies behind a resource's free-text level and
//! audience, as partners write them in their languages.
//!
//! Contributors describe a resource's level ("Débutant à intermédiaire",
//! "Einsteiger", "Tutti i livelli") and audience ("Tout public, animateurs
//! d'ateliers") in words. Consumers of the linked data (OER search engines,
//! other instances) need concepts: the library's three levels, and the
//! LRMI educational audience roles. [`levels_of`] and [`audiences_of`] read
//! the words in French, English, German, Italian and Croatian; what they do
//! not recognise stays the resource's own description.

/// The levels of the library's level scheme, easiest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// As in addresses (`/library/levels/beginner`) and course front matter.
    pub fn key(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// Its name in each of the library's languages.
    pub fn labels(self) -> [(&'static str, &'static str); 5] {
        match self {
            Level::Beginner => [
                ("en", "Beginner"),
                ("fr", "Débutant"),
                ("de", "Einsteiger"),
                ("it", "Principiante"),
                ("hr", "Početni"),
            ],
            Level::Intermediate => [
                ("en", "Intermediate"),
                ("fr", "Intermédiaire"),
                ("de", "Mittel"),
                ("it", "Intermedio"),
                ("hr", "Srednji"),
            ],
            Level::Advanced => [
                ("en", "Advanced"),
                ("fr", "Avancé"),
                ("de", "Fortgeschritten"),
                ("it", "Avanzato"),
                ("hr", "Napredni"),
            ],
        }
    }

    /// How each level begins in the words people use for it.
    fn stems(self) -> &'static [&'static str] {
        match self {
            Level::Beginner => &[
                "debutant",
                "beginner",
                "novice",
                "einsteig",
                "anfang",
                "anfaeng",
                "principiant",
                "pocetn",
                "pocetnik",
                "initiation",
                "introduct",
                "grundlag",
                "basic",
                "base",
                "osnovn",
            ],
            Level::Intermediate => &["intermedi", "mittel", "medio", "srednj", "confirme"],
            Level::Advanced => &[
                "avance",
                "advanced",
                "fortgeschritt",
                "avanzat",
                "napredn",
                "expert",
                "esperto",
            ],
        }
    }
}

/// Words that make "X to Y" a range of levels.
const RANGE_WORDS: [&str; 7] = ["a", "to", "bis", "do", "al", "until", "jusqu"];
/// Words for "every" and for "level" that together mean all levels.
const EVERY: [&str; 9] = [
    "tous", "tout", "toutes", "all", "alle", "tutti", "sve", "svi", "any",
];
const LEVEL_WORDS: [&str; 6] = ["niveau", "level", "livell", "razin", "stuf", "nivo"];

/// Words that join level words without saying anything else.
const JOINING: [&str; 16] = [
    "et", "ou", "and", "or", "und", "oder", "e", "o", "i", "ili", "da", "de", "des", "du", "the",
    "level",
];

/// The library's levels a free-text level names: each level it mentions,
/// the levels between two joined as a range ("Débutant à avancé"), or all
/// of them ("Tous niveaux", "all levels"). Empty when it names none.
pub fn levels_of(text: &str) -> Vec<Level> {
    read_levels(text).0
}

/// [`levels_of`], and whether the text says more than those levels (words
/// that are neither level names nor joining words: "Bachelor",
/// "Débutant en informatique").
pub fn read_levels(text: &str) -> (Vec<Level>, bool) {
    let words = folded_words(text);
    let known = |w: &String| {
        Level::ALL
            .iter()
            .any(|l| l.stems().iter().any(|s| w.starts_with(s)))
            || RANGE_WORDS.contains(&w.as_str())
            || EVERY.contains(&w.as_str())
            || LEVEL_WORDS.iter().any(|l| w.starts_with(l))
            || JOINING.contains(&w.as_str())
    };
    let more = words.iter().any(|w| !known(w));
    (levels_in(&words), more)
}

fn levels_in(words: &[String]) -> Vec<Level> {
    let mentions = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    let every = words.iter().any(|w| EVERY.contains(&w.as_str()))
        && words
            .iter()
            .any(|w| LEVEL_WORDS.iter().any(|l| w.starts_with(l)));
    if every {
        return Level::ALL.to_vec();
    }
    let mut found: Vec<Level> = Level::ALL
        .into_iter()
        .filter(|l| mentions(l.stems()))
        .collect();
    let range = words.iter().any(|w| RANGE_WORDS.contains(&w.as_str()));
    if range && let (Some(&low), Some(&high)) = (found.first(), found.last()) {
        found = Level::ALL
            .into_iter()
            .filter(|l| (low..=high).contains(l))
            .collect();
    }
    found
}

/// The LRMI educational audience roles
/// (`http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    Administrator,
    GeneralPublic,
    Mentor,
    Parent,
    PeerTutor,
    Professional,
    Student,
    Teacher,
}

impl Audience {
    pub const ALL: [Audience; 8] = [
        Audience::Administrator,
        Audience::GeneralPublic,
        Audience::Mentor,
        Audience::Parent,
        Audience::PeerTutor,
        Audience::Professional,
        Audience::Student,
        Audience::Teacher,
    ];

    /// The last segment of its LRMI IRI.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Administrator => "administrator",
            Audience::GeneralPublic => "generalPublic",
            Audience::Mentor => "mentor",
            Audience::Parent => "parent",
            Audience::PeerTutor => "peerTutor",
            Audience::Professional => "professional",
            Audience::Student => "student",
            Audience::Teacher => "teacher",
        }
    }

    /// Its name in each of the library's languages.
    pub fn labels(self) -> [(&'static str, &'static str); 5] {
        match self {
            Audience::Administrator => [
                ("en", "Administrator"),
                ("fr", "Personnel de direction"),
                ("de", "Verwaltung"),
                ("it", "Dirigente"),
                ("hr", "Uprava"),
            ],
            Audience::GeneralPublic => [
                ("en", "General public"),
                ("fr", "Grand public"),
                ("de", "Allgemeine Öffentlichkeit"),
                ("it", "Pubblico generale"),
                ("hr", "Šira javnost"),
            ],
            Audience::Mentor => [
                ("en", "Mentor"),
                ("fr", "Accompagnateur"),
                ("de", "Mentorin/Mentor"),
                ("it", "Tutor"),
                ("hr", "Mentor"),
            ],
            Audience::Parent => [
                ("en", "Parent"),
                ("fr", "Parent"),
                ("de", "Eltern"),
                ("it", "Genitore"),
                ("hr", "Roditelj"),
            ],
            Audience::PeerTutor => [
                ("en", "Peer tutor"),
                ("fr", "Pair aidant"),
                ("de", "Peer-Tutor"),
                ("it", "Tutor alla pari"),
                ("hr", "Vršnjački mentor"),
            ],
            Audience::Professional => [
                ("en", "Professional"),
                ("fr", "Professionnel"),
                ("de", "Fachkraft"),
                ("it", "Professionista"),
                ("hr", "Stručnjak"),
            ],
            Audience::Student => [
                ("en", "Student"),
                ("fr", "Apprenant"),
                ("de", "Lernende"),
                ("it", "Studente"),
                ("hr", "Učenik"),
            ],
            Audience::Teacher => [
                ("en", "Teacher"),
                ("fr", "Formateur"),
                ("de", "Lehrende"),
                ("it", "Docente"),
                ("hr", "Nastavnik"),
            ],
        }
    }

    /// How the words for each role begin.
    fn stems(self) -> &'static [&'static str] {
        match self {
            Audience::Administrator => &["direct", "dirigent", "schulleit", "ravnatelj"],
            Audience::GeneralPublic => &[
                "public",
                "publik",
                "pubblic",
                "javnost",
                "everyone",
                "citoyen",
                "citizen",
                "burger",
                "cittadin",
                "gradan",
                "interessiert",
                "zainteresiran",
                "curios",
            ],
            Audience::Mentor => &[
                "mentor",
                "tuteur",
                "tutrice",
                "accompagn",
                "coach",
                "begleit",
            ],
            Audience::Parent => &["parent", "eltern", "genitor", "roditelj", "famil"],
            Audience::PeerTutor => &["pair", "peer"],
            Audience::Professional => &[
                "professionn",
                "professional",
                "salarie",
                "employe",
                "staff",
                "mitarbeit",
                "fachkraft",
                "dipendent",
                "zaposlen",
                "journalist",
                "novinar",
                "giornalist",
                "verwaltung",
                "administration",
                "kommunalpolit",
                "technic",
                "techniq",
                "technisch",
                "tehnic",
                "sysadmin",
            ],
            Audience::Student => &[
                "etudiant",
                "eleve",
                "apprenant",
                "student",
                "schuler",
                "schueler",
                "lernend",
                "ucenik",
                "learner",
                "alliev",
                "scuol",
                "school",
                "skol",
            ],
            Audience::Teacher => &[
                "enseignant",
                "formateur",
                "formatric",
                "animateur",
                "animatric",
                "teacher",
                "trainer",
                "educator",
                "facilitat",
                "lehrkraft",
                "lehrer",
                "bildungsreferent",
                "docent",
                "insegnant",
                "formator",
                "educator",
                "nastavni",
                "ucitelj",
                "edukator",
                "voditelj",
                "organizator",
                "referent",
            ],
        }
    }
}

/// The LRMI audience roles a free-text audience names, in the order of
/// [`Audience::ALL`]. Empty when it names none.
pub fn audiences_of(text: &str) -> Vec<Audience> {
    let words = folded_words(text);
    Audience::ALL
        .into_iter()
        .filter(|a| {
            words
                .iter()
                .any(|w| a.stems().iter().any(|s| w.starts_with(s)))
        })
        .collect()
}

/// The words of `text`, lower-case, without accents (ß as ss).
fn folded_words(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut folded = String::with_capacity(text.len());
    for c in text.to_lowercase().nfd() {
        match c {
            'ß' => folded.push_str("ss"),
            'đ' => folded.push('d'),
            'ø' => folded.push('o'),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => folded.push(c),
        }
    }
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    #[test]
    fn levels_in_every_language_with_ranges_and_all() {
        for (text, levels) in [
            ("Débutant", vec![Beginner]),
            ("Intermédiaire", vec![Intermediate]),
            ("Avancé", vec![Advanced]),
            ("Einsteiger", vec![Beginner]),
            ("Mittel", vec![Intermediate]),
            ("Principiante", vec![Beginner]),
            ("Intermedio", vec![Intermediate]),
            ("Avanzato", vec![Advanced]),
            ("Početni", vec![Beginner]),
            ("Srednji", vec![Intermediate]),
            ("beginner", vec![Beginner]),
            ("Débutant à intermédiaire", vec![Beginner, Intermediate]),
            ("Einsteiger bis Mittel", vec![Beginner, Intermediate]),
            ("Mittel bis fortgeschritten", vec![Intermediate, Advanced]),
            ("Početni do srednji", vec![Beginner, Intermediate]),
            ("Srednji do napredni", vec![Intermediate, Advanced]),
            ("Débutant à avancé", vec![Beginner, Intermediate, Advanced]),
            ("Tous niveaux", Level::ALL.to_vec()),
            ("Alle Niveaus", Level::ALL.to_vec()),
            ("Tutti i livelli", Level::ALL.to_vec()),
            ("all levels", Level::ALL.to_vec()),
            ("Bachelor", vec![]),
            ("Elementarbereich", vec![]),
            ("", vec![]),
        ] {
            assert_eq!(levels_of(text), levels, "{text}");
        }
        assert!(!read_levels("Débutant à intermédiaire").1);
        assert!(!read_levels("Tous niveaux").1);
        assert!(read_levels("Débutant, Bachelor").1, "Bachelor is more");
    }

    #[test]
    fn audiences_in_every_language() {
        use Audience::*;
        for (text, roles) in [
            (
                "Tout public, animateurs et animatrices d'ateliers",
                vec![GeneralPublic, Teacher],
            ),
            (
                "Technisch Interessierte, Bildungsreferentinnen und -referenten",
                vec![GeneralPublic, Professional, Teacher],
            ),
            (
                "Scuole secondarie, docenti, associazioni di educazione civica",
                vec![Student, Teacher],
            ),
            (
                "Udruge, novinari, studenti, civic tech zajednica",
                vec![Professional, Student],
            ),
            ("Građani, udruge, male organizacije", vec![GeneralPublic]),
            ("Teachers and parents", vec![Parent, Teacher]),
            (
                "Vereine, gemeinnützige Organisationen, Ehrenamtliche",
                vec![],
            ),
        ] {
            assert_eq!(audiences_of(text), roles, "{text}");
        }
    }
}
