use super::*;
use serde_json::json;

#[test]
fn a_large_team_shares_one_department() {
    let company = Company::generate_with_team(6_000, 42, 5_000);
    let team = company
        .users
        .iter()
        .filter(|u| u.departments.first() == Some(&2))
        .count();
    assert!(team >= 5_000, "{team}");
    assert_eq!(
        company.users[1].departments.first(),
        Some(&2),
        "the card owner is in it"
    );
}

#[test]
fn deterministic_and_sized() {
    let a = Company::generate(300, 7);
    let b = Company::generate(300, 7);
    assert_eq!(a.users, b.users);
    assert_eq!(a.users.len(), 300);
    assert_ne!(Company::generate(300, 8).users, a.users);
    assert_eq!(Company::generate(3, 1).users.len(), 10);
    assert_eq!(Company::generate(90_000, 1).users.len(), 50_000);
}

#[test]
fn awkward_cases_are_present() {
    let company = Company::generate(300, 1);
    let users = &company.users;
    assert!(users.iter().any(|u| !u.active));
    assert!(
        users
            .iter()
            .any(|u| u.user_type == "extranet" && u.departments.is_empty())
    );
    assert!(
        users
            .iter()
            .any(|u| u.user_type == "employee" && u.departments.is_empty())
    );
    assert!(users.iter().any(|u| !u.has_photo));
    assert!(users.iter().any(|u| u.departments.len() > 1));
    assert!(users.iter().any(|u| {
        u.name
            .chars()
            .any(|c| ('\u{0590}'..='\u{06FF}').contains(&c))
    }));
    assert!(users.iter().any(|u| u.full_name().chars().count() > 30));
    let zones: std::collections::HashSet<_> = users.iter().map(|u| u.time_zone).collect();
    assert!(zones.len() >= 8);
}

#[test]
fn tree_is_acyclic_with_heads_in_their_departments() {
    let company = Company::generate(1_000, 3);
    for department in &company.departments {
        let mut seen = vec![department.id];
        let mut at = department.parent;
        while let Some(parent) = at {
            assert!(!seen.contains(&parent), "cycle at {}", department.id);
            seen.push(parent);
            at = company.department(parent).unwrap().parent;
        }
        if let Some(head) = department.head {
            let head = company.user(head).unwrap();
            assert!(head.departments.contains(&department.id) || department.id == 1);
        }
    }
    assert!(company.departments.iter().any(|d| d.head.is_none()));
}

#[test]
fn records_follow_the_scope() {
    let company = Company::generate(10, 1);
    let user = company.user(2).unwrap();
    let brief = user_record(user, UserScope::Brief, "http://p", false);
    assert!(brief.get("EMAIL").is_none());
    assert_eq!(brief["TIMESTAMP_X"], json!({}));
    let basic = user_record(user, UserScope::Basic, "http://p", true);
    assert_eq!(basic["EMAIL"], json!("user2@demo.test"));
    assert!(basic["TIMESTAMP_X"].is_string());
    assert!(basic.get("LAST_LOGIN").is_none());
    let full = user_record(user, UserScope::Full, "http://p", false);
    assert!(full.get("LAST_LOGIN").is_some());
    assert_eq!(full["ID"], json!("2"));
    assert!(full["UF_DEPARTMENT"].is_array());
}
