//! The fixed vocabularies of provider profiles: each value is a stable code
//! (stored in SQL, used in filter addresses and RDF) that the interface
//! turns into words. Countries are ISO 3166-1 alpha-2 codes; regions are
//! the NUTS-1 regions listed in [`REGIONS`].

use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

codes!(
    /// What kind of help a provider gives.
    HelpKind {
        Hosting = "hosting",
        Training = "training",
        Migration = "migration",
        Audit = "audit",
        Development = "development",
        Other = "other",
    }
);

codes!(
    /// A service a provider hosts for associations.
    Service {
        Nextcloud = "nextcloud",
        Collabora = "collabora",
        Mattermost = "mattermost",
        Matrix = "matrix",
        Forms = "forms",
        Polls = "polls",
        Peertube = "peertube",
        Mastodon = "mastodon",
        Jitsi = "jitsi",
        BigBlueButton = "bigbluebutton",
        Etherpad = "etherpad",
        Wiki = "wiki",
        Email = "email",
        MailingLists = "mailing-lists",
        Website = "website",
        Crm = "crm",
        Other = "other",
    }
);

codes!(
    /// How a provider is paid.
    PriceModel {
        Free = "free",
        Donation = "donation",
        Paid = "paid",
        SlidingScale = "sliding-scale",
    }
);

codes!(
    /// What a provider is in law.
    LegalForm {
        Association = "association",
        Cooperative = "cooperative",
        Company = "company",
        Individual = "individual",
        Public = "public",
        Other = "other",
    }
);

codes!(
    /// A commitment of the directory's charter that a provider subscribes to.
    Commitment {
        /// Only free software, with the sources of any change published.
        FreeSoftware = "free-software",
        /// Open standards and formats.
        OpenStandards = "open-standards",
        /// No advertising.
        NoAdvertising = "no-advertising",
        /// No tracking or profiling of users.
        NoTracking = "no-tracking",
        /// Data can be taken away at any time, in an open format.
        Portability = "portability",
        /// Prices are public and the same for everyone in a situation.
        TransparentPricing = "transparent-pricing",
        /// Data stays in Europe, under European law.
        EuropeanHosting = "european-hosting",
        /// Services and documents made accessible to disabled people.
        Accessibility = "accessibility",
        /// Regular, tested backups kept in another place.
        Backups = "backups",
        /// Sober design and hardware kept as long as possible.
        SoberDesign = "sober-design",
    }
);

codes!(
    /// Where a provider profile is in review.
    Status {
        /// Being edited: never submitted, or edited after a review.
        Draft = "draft",
        /// Submitted for its first publication.
        Pending = "pending",
        /// Published, nothing waiting.
        Published = "published",
        /// Published, and changes to it wait for a moderator.
        ChangesPending = "changes-pending",
        /// The last submission was refused with a note.
        Rejected = "rejected",
    }
);

/// A NUTS-1 region: its code, its country (ISO 3166-1) and its name in the
/// country's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub country: &'static str,
    pub name: &'static str,
}

const fn r(code: &'static str, country: &'static str, name: &'static str) -> Region {
    Region {
        code,
        country,
        name,
    }
}

/// The NUTS-1 regions (2021 classification) of the countries the network
/// works in. A provider names a region only from this list; a country
/// without regions here is served whole. Extend the list to add a country.
pub const REGIONS: &[Region] = &[
    r("AT1", "AT", "Ostösterreich"),
    r("AT2", "AT", "Südösterreich"),
    r("AT3", "AT", "Westösterreich"),
    r(
        "BE1",
        "BE",
        "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest",
    ),
    r("BE2", "BE", "Vlaams Gewest"),
    r("BE3", "BE", "Région wallonne"),
    r("CH0", "CH", "Schweiz / Suisse / Svizzera"),
    r("DE1", "DE", "Baden-Württemberg"),
    r("DE2", "DE", "Bayern"),
    r("DE3", "DE", "Berlin"),
    r("DE4", "DE", "Brandenburg"),
    r("DE5", "DE", "Bremen"),
    r("DE6", "DE", "Hamburg"),
    r("DE7", "DE", "Hessen"),
    r("DE8", "DE", "Mecklenburg-Vorpommern"),
    r("DE9", "DE", "Niedersachsen"),
    r("DEA", "DE", "Nordrhein-Westfalen"),
    r("DEB", "DE", "Rheinland-Pfalz"),
    r("DEC", "DE", "Saarland"),
    r("DED", "DE", "Sachsen"),
    r("DEE", "DE", "Sachsen-Anhalt"),
    r("DEF", "DE", "Schleswig-Holstein"),
    r("DEG", "DE", "Thüringen"),
    r("ES1", "ES", "Noroeste"),
    r("ES2", "ES", "Noreste"),
    r("ES3", "ES", "Comunidad de Madrid"),
    r("ES4", "ES", "Centro"),
    r("ES5", "ES", "Este"),
    r("ES6", "ES", "Sur"),
    r("ES7", "ES", "Canarias"),
    r("FR1", "FR", "Île-de-France"),
    r("FRB", "FR", "Centre-Val de Loire"),
    r("FRC", "FR", "Bourgogne-Franche-Comté"),
    r("FRD", "FR", "Normandie"),
    r("FRE", "FR", "Hauts-de-France"),
    r("FRF", "FR", "Grand Est"),
    r("FRG", "FR", "Pays de la Loire"),
    r("FRH", "FR", "Bretagne"),
    r("FRI", "FR", "Nouvelle-Aquitaine"),
    r("FRJ", "FR", "Occitanie"),
    r("FRK", "FR", "Auvergne-Rhône-Alpes"),
    r("FRL", "FR", "Provence-Alpes-Côte d’Azur"),
    r("FRM", "FR", "Corse"),
    r("FRY", "FR", "Régions ultrapériphériques françaises"),
    r("HR0", "HR", "Hrvatska"),
    r("ITC", "IT", "Nord-Ovest"),
    r("ITF", "IT", "Sud"),
    r("ITG", "IT", "Isole"),
    r("ITH", "IT", "Nord-Est"),
    r("ITI", "IT", "Centro"),
    r("LU0", "LU", "Luxembourg"),
    r("NL1", "NL", "Noord-Nederland"),
    r("NL2", "NL", "Oost-Nederland"),
    r("NL3", "NL", "West-Nederland"),
    r("NL4", "NL", "Zuid-Nederland"),
    r("PT1", "PT", "Continente"),
    r("PT2", "PT", "Região Autónoma dos Açores"),
    r("PT3", "PT", "Região Autónoma da Madeira"),
    r("SI0", "SI", "Slovenija"),
];

/// The region with this NUTS-1 code.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The regions of a country, in code order.
pub fn regions_of(country: &str) -> impl Iterator<Item = &'static Region> + '_ {
    REGIONS.iter().filter(move |r| r.country == country)
}

/// ISO 3166-1 alpha-2 codes in use, plus `XK` (Kosovo), which European
/// institutions use while ISO has not assigned it.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
    DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
    HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
    KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY \
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
    NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY \
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
    VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// Whether `code` (upper case) is a country code.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && COUNTRIES.split(' ').any(|c| c == code)
}

/// Every country code, in alphabetical order.
pub fn countries() -> impl Iterator<Item = &'static str> {
    COUNTRIES.split(' ').filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        assert_eq!(
            Service::parse("bigbluebutton"),
            Some(Service::BigBlueButton)
        );
        assert_eq!(PriceModel::SlidingScale.as_str(), "sliding-scale");
        assert_eq!(
            Status::parse("changes-pending"),
            Some(Status::ChangesPending)
        );
        assert_eq!(HelpKind::parse("hosting "), None, "codes are exact");
    }

    #[test]
    fn countries_and_regions() {
        assert_eq!(countries().count(), 250, "249 ISO codes and XK");
        let sorted: Vec<_> = countries().collect();
        let mut again = sorted.clone();
        again.sort();
        again.dedup();
        assert_eq!(sorted, again, "sorted, without duplicates");
        assert!(is_country("HR") && is_country("CH") && !is_country("UK") && !is_country("EU"));
        for r in REGIONS {
            assert!(is_country(r.country), "{}", r.code);
            assert_eq!(r.code.len(), 3, "{}", r.code);
        }
        assert_eq!(region("FRJ").map(|r| r.name), Some("Occitanie"));
        assert_eq!(regions_of("BE").count(), 3);
        assert_eq!(regions_of("JP").count(), 0);
    }
}
