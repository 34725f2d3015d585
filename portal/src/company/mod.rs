//! The demo company: a deterministic, seeded generator of a department tree with heads and
//! employees carrying every field type the real API returns (bitrix24.md §6.1–6.3), with the
//! awkward cases on purpose: right-to-left and very long names, fired and extranet users,
//! people without a department, no photo, many time zones.

mod data;
mod profile;
mod records;

pub use profile::Profile;
pub use records::{UserScope, department_record, im_record, photo_svg, user_record};

use data::{CITIES, COLORS, DEPARTMENTS, FIRST_F, FIRST_M, LAST, POSITIONS, ZONES};

/// One department.
#[derive(Clone, Debug, PartialEq)]
pub struct Department {
    pub id: u32,
    pub name: String,
    pub sort: i64,
    pub parent: Option<u32>,
    pub head: Option<u32>,
}

/// One person.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub id: u32,
    pub active: bool,
    pub name: String,
    pub last_name: String,
    pub second_name: String,
    pub gender: &'static str,
    pub email: String,
    pub position: String,
    pub departments: Vec<u32>,
    pub user_type: &'static str,
    pub has_photo: bool,
    /// A photo URL sent as is instead of the generated one (hostile-data tests).
    pub photo_url: Option<String>,
    pub birthday: String,
    pub date_register: String,
    pub employment_date: String,
    pub time_zone: &'static str,
    pub time_zone_offset: i32,
    pub inner_phone: String,
    pub work_phone: String,
    pub mobile: String,
    pub city: String,
    pub country: String,
    pub online: bool,
    pub absent_until: Option<String>,
    pub color: String,
    /// Interests, skills, about me, links.
    pub profile: Profile,
}

impl User {
    /// Full name as Bitrix24 shows it.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.name, self.last_name)
            .trim()
            .to_owned()
    }
}

/// Who got which hostile values (`/sim/api/hostile`).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Hostile {
    /// One person per text payload, every text field filled with it.
    pub text_users: Vec<u32>,
    /// One person per photo URL.
    pub photo_users: Vec<u32>,
    /// How many fields of each person carry the payload.
    pub fields_per_person: usize,
    /// What the simulator now sends, for the test to compare the card with: the names of each
    /// text person's departments, by person id, and every person's first and last name.
    pub departments_of: std::collections::BTreeMap<u32, Vec<String>>,
    pub names: Vec<(String, String)>,
}

/// The whole company.
#[derive(Clone, Debug)]
pub struct Company {
    pub users: Vec<User>,
    pub departments: Vec<Department>,
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}T00:00:00+00:00")
}

impl Company {
    /// Generates `size` users (10 to 50,000) from `seed`: the same inputs, the same company.
    pub fn generate(size: usize, seed: u64) -> Self {
        Self::generate_with_team(size, seed, 0)
    }

    /// As [`Company::generate`], with users 2 to `team + 1` (the demo card's owner among them)
    /// all in department 2, for measuring a very large team.
    pub fn generate_with_team(size: usize, seed: u64, team: usize) -> Self {
        let size = size.clamp(10, 50_000);
        let mut rng = fastrand::Rng::with_seed(seed);
        let department_count = (size / 12).clamp(3, 400);
        let mut departments = vec![Department {
            id: 1,
            name: "Demo Company".into(),
            sort: 100,
            parent: None,
            head: Some(1),
        }];
        for id in 2..=department_count as u32 {
            let base = pick(&mut rng, DEPARTMENTS);
            let name = if id as usize <= DEPARTMENTS.len() + 1 {
                (*base).to_owned()
            } else {
                format!("{base} {id}")
            };
            // Parents among the earlier departments keep the tree shallow and acyclic.
            let parent = 1 + rng.u32(..(id - 1).min(8));
            departments.push(Department {
                id,
                name,
                sort: 500,
                parent: Some(parent),
                head: None,
            });
        }
        let mut users = Vec::with_capacity(size);
        for id in 1..=size as u32 {
            let female = rng.bool();
            let (zone, offset) = *pick(&mut rng, ZONES);
            let (city, country) = *pick(&mut rng, CITIES);
            let extranet = id > 1 && id % 35 == 0 && id as usize > team + 1;
            let no_department = id > 1 && id % 97 == 0 && id as usize > team + 1;
            let random = 1 + rng.u32(..department_count as u32);
            let department = match id {
                1 => 1,
                _ if id as usize <= team + 1 => 2,
                _ => random,
            };
            let departments_of = if extranet || no_department {
                Vec::new()
            } else if id % 53 == 0 {
                vec![department, 1 + rng.u32(..department_count as u32)]
            } else {
                vec![department]
            };
            let name = if female {
                pick(&mut rng, FIRST_F)
            } else {
                pick(&mut rng, FIRST_M)
            };
            let last_name = pick(&mut rng, LAST);
            users.push(User {
                id,
                active: !(id > 1 && id % 29 == 0),
                name: (*name).to_owned(),
                last_name: (*last_name).to_owned(),
                second_name: String::new(),
                gender: if id % 41 == 0 {
                    ""
                } else if female {
                    "F"
                } else {
                    "M"
                },
                email: format!("user{id}@demo.test"),
                position: if id == 1 {
                    "CEO".into()
                } else {
                    (*pick(&mut rng, POSITIONS)).to_owned()
                },
                departments: departments_of,
                user_type: if extranet { "extranet" } else { "employee" },
                has_photo: id % 5 != 0,
                photo_url: None,
                birthday: if id % 7 == 0 {
                    String::new()
                } else {
                    date(1960 + rng.i32(..40), 1 + rng.u32(..12), 1 + rng.u32(..28))
                },
                date_register: date(2015 + rng.i32(..10), 1 + rng.u32(..12), 1 + rng.u32(..28)),
                employment_date: if id % 3 == 0 {
                    String::new()
                } else {
                    date(2015 + rng.i32(..10), 1 + rng.u32(..12), 1 + rng.u32(..28))
                },
                time_zone: zone,
                time_zone_offset: offset,
                inner_phone: if id % 4 == 0 {
                    String::new()
                } else {
                    format!("{}", 100 + id % 900)
                },
                work_phone: if id % 6 == 0 {
                    String::new()
                } else {
                    format!("+49 30 {:07}", 1_000_000 + id)
                },
                mobile: if id % 9 == 0 {
                    String::new()
                } else {
                    format!("+1 555 {:07}", 2_000_000 + id)
                },
                city: city.to_owned(),
                country: country.to_owned(),
                online: rng.u8(..3) == 0,
                absent_until: (id % 23 == 0).then(|| "2026-12-04T00:00:00+03:00".to_owned()),
                color: (*pick(&mut rng, COLORS)).to_owned(),
                profile: profile::profile(seed, id),
            });
        }
        // Heads: the first active employee of each department (some stay without one).
        for department in departments.iter_mut().skip(1) {
            if department.id % 11 == 0 {
                continue;
            }
            department.head = users
                .iter()
                .find(|u| u.active && u.departments.contains(&department.id))
                .map(|u| u.id);
        }
        Self { users, departments }
    }

    /// A user by id.
    pub fn user(&self, id: u32) -> Option<&User> {
        self.users
            .get(id.checked_sub(1)? as usize)
            .filter(|u| u.id == id)
    }

    /// Fills every text field of users 2, 3, … with one payload each, and department names
    /// too; then gives the next users the `photos` as their photo URLs. Returns the ids of
    /// both groups. A test control: the time zones it sets are leaked strings.
    pub fn make_hostile(&mut self, payloads: &[String], photos: &[String]) -> Hostile {
        let mut texts = Vec::new();
        let mut pictures = Vec::new();
        let mut fields_per_person = 0;
        for (i, payload) in payloads.iter().enumerate() {
            let Some(user) = self.users.get_mut(i + 1) else {
                break;
            };
            let fields = [
                &mut user.name,
                &mut user.last_name,
                &mut user.second_name,
                &mut user.position,
                &mut user.email,
                &mut user.work_phone,
                &mut user.mobile,
                &mut user.inner_phone,
                &mut user.city,
                &mut user.birthday,
                &mut user.employment_date,
            ];
            let plain = fields.len();
            for field in fields {
                *field = payload.clone();
            }
            let links = [
                "UF_WEB_SITES",
                "UF_SKYPE",
                "UF_SKYPE_LINK",
                "UF_ZOOM",
                "UF_LINKEDIN",
                "UF_XING",
                "UF_FACEBOOK",
                "UF_TWITTER",
            ];
            user.profile = Profile {
                interests: vec![payload.clone()],
                skills: vec![payload.clone()],
                about: payload.clone(),
                work_notes: payload.clone(),
                links: links.map(|field| (field, payload.clone())).to_vec(),
            };
            // The fields above, the time zone, and the profile's (four, and the links).
            fields_per_person = plain + 1 + 4 + links.len();
            user.time_zone = Box::leak(payload.clone().into_boxed_str());
            texts.push(user.id);
            let departments = self.departments.len();
            if departments > 1 {
                self.departments[1 + i % (departments - 1)].name = payload.clone();
            }
        }
        for (j, photo) in photos.iter().enumerate() {
            let Some(user) = self.users.get_mut(payloads.len() + 1 + j) else {
                break;
            };
            user.photo_url = Some(photo.clone());
            pictures.push(user.id);
        }
        let departments_of = texts
            .iter()
            .filter_map(|&id| self.user(id))
            .map(|user| {
                let names = user.departments.iter().filter_map(|&d| self.department(d));
                (user.id, names.map(|d| d.name.clone()).collect())
            })
            .collect();
        let names = self
            .users
            .iter()
            .map(|u| (u.name.clone(), u.last_name.clone()))
            .collect();
        Hostile {
            text_users: texts,
            photo_users: pictures,
            fields_per_person,
            departments_of,
            names,
        }
    }

    /// A department by id.
    pub fn department(&self, id: u32) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests;
