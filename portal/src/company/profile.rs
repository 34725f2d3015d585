//! The people side of the demo company: interests and skills (from small pools, so that
//! colleagues share them), "about me", work notes and links, with the awkward cases on
//! purpose: none at all, right-to-left tags, a very long text, links that are not links.
//! Drawn from a generator of their own per person, so the rest of the company (names,
//! departments, zones) stays what it was for a seed.

/// Interests as people write them, some right to left, one very long.
const INTERESTS: &[&str] = &[
    "chess",
    "hiking",
    "photography",
    "board games",
    "cycling",
    "jazz",
    "cooking",
    "open source",
    "كرة القدم",
    "צילום",
    "футбол",
    "books",
    "Wandern",
    "yoga",
    "a very long interest that someone typed into the field without ever stopping to think about chips",
];
/// Skills, one of them right to left.
const SKILLS: &[&str] = &[
    "Rust",
    "SQL",
    "negotiation",
    "public speaking",
    "Excel",
    "Figma",
    "accounting",
    "Kubernetes",
    "التسويق",
    "Python",
    "customer care",
];
/// "About me" texts: lines, a link among words, an address that must stay text.
const ABOUT: &[&str] = &[
    "I look after our customers in the north.\nAsk me about onboarding.",
    "Analyst by day, runner by night. Slides: https://slides.example/ada-2026 (public).",
    "مرحبا! أعمل في فريق المبيعات.\nيسعدني التواصل معكم.",
    "Please don't send me javascript:alert(1) links, nor http://plain.example ones.",
];
/// A long "about me", folded by the card.
const LONG_ABOUT: &str = "I joined the company as an intern and have worked in four departments since. \
    These days I coordinate the product launches: planning, the people who need to be told, \
    and the checklists nobody likes but everybody uses.\nBefore that I spent three years in \
    support, which is why I still answer tickets on Fridays.\nOutside work: a choir, two cats, \
    and a vegetable garden that feeds the whole floor in August.\nAsk me anything about \
    release notes, choirs or courgettes.\nhttps://wiki.example/launch-checklist";

/// What the demo company says about one person beyond the contacts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub interests: Vec<String>,
    pub skills: Vec<String>,
    pub about: String,
    pub work_notes: String,
    /// `(field, value)`: `UF_WEB_SITES` may hold several.
    pub links: Vec<(&'static str, String)>,
}

/// Up to `most` distinct picks from `pool`.
fn some_of(rng: &mut fastrand::Rng, pool: &[&str], most: usize) -> Vec<String> {
    let mut picked: Vec<String> = Vec::new();
    for _ in 0..rng.usize(..=most) {
        let item = pool[rng.usize(..pool.len())].to_owned();
        if !picked.contains(&item) {
            picked.push(item);
        }
    }
    picked
}

/// The profile of person `id` in the company made from `seed`. People 1 and 2 (the demo's
/// viewer and card) have every field; about one in five has none of them.
pub fn profile(seed: u64, id: u32) -> Profile {
    let mut rng = fastrand::Rng::with_seed(seed ^ (u64::from(id) << 20) ^ 0x9e37_79b9);
    if id > 2 && id % 5 == 4 {
        return Profile::default();
    }
    let full = id <= 2;
    let mut interests = some_of(&mut rng, INTERESTS, 5);
    let mut skills = some_of(&mut rng, SKILLS, 4);
    if full {
        interests.extend(["chess", "photography", "كرة القدم"].map(|s| s.to_owned()));
        interests.dedup();
        skills.extend(["Rust", "SQL"].map(|s| s.to_owned()));
        skills.dedup();
    }
    let about = match id {
        2 => LONG_ABOUT.to_owned(),
        _ if full || id.is_multiple_of(3) => ABOUT[rng.usize(..ABOUT.len())].to_owned(),
        _ => String::new(),
    };
    let mut links = Vec::new();
    if full || id % 4 == 1 {
        let handle = format!("demo.user{id}");
        links.push(("UF_WEB_SITES", format!("https://people.example/{handle}")));
        links.push(("UF_LINKEDIN", handle.clone()));
        if full || id % 8 == 1 {
            links.push(("UF_SKYPE", format!("live:{handle}")));
            links.push(("UF_TWITTER", format!("@{}", handle.replace('.', "_"))));
            links.push((
                "UF_ZOOM",
                format!("https://zoom.example/j/{}", 1_000_000 + id),
            ));
            // Not a link: shown nowhere.
            links.push(("UF_XING", "javascript:alert(1)".to_owned()));
        }
    }
    Profile {
        interests,
        skills,
        about,
        work_notes: if full {
            "Office hours: Tuesday and Thursday afternoons.".to_owned()
        } else {
            String::new()
        },
        links,
    }
}
