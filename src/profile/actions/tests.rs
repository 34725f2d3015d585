use super::*;
use crate::context::UserId;
use crate::profile::Date;

fn id(n: u64) -> UserId {
    UserId::new(n).unwrap()
}

#[test]
fn blank_drafts_send_nothing() {
    let task = TaskDraft {
        title: " \n\t".into(),
        ..TaskDraft::default()
    };
    assert!(task.params(id(1)).is_none());
    let thanks = ThanksDraft {
        medal: Medal::Star,
        message: "   ".into(),
    };
    assert!(thanks.params(id(1), "t").is_none());
    let meeting = MeetingDraft {
        name: "Sync".into(),
        length: 30,
        day: None,
        start: Some(600),
    };
    assert!(meeting.params(id(1), id(2), "4", "").is_none());
}

#[test]
fn hostile_text_is_sent_as_data() {
    let task = TaskDraft {
        title: "<script>alert(1)</script>&cmd[x]=batch".into(),
        description: "a\"b".into(),
        deadline: String::new(),
    };
    let value = serde_json::to_value(task.params(id(5)).unwrap()).unwrap();
    assert_eq!(
        value["fields"]["TITLE"],
        "<script>alert(1)</script>&cmd[x]=batch"
    );
    assert_eq!(value["fields"]["DESCRIPTION"], "a\"b");
    assert!(value["fields"].get("DEADLINE").is_none());
}

#[test]
fn meeting_without_zone_omits_it() {
    let meeting = MeetingDraft {
        name: "Sync".into(),
        length: 60,
        day: Some(Date {
            year: Some(2026),
            month: 1,
            day: 2,
        }),
        start: Some(17 * 60),
    };
    let value = serde_json::to_value(meeting.params(id(1), id(2), "9", "").unwrap()).unwrap();
    assert_eq!(value["to"], "2026-01-02T18:00:00");
    assert_eq!(value["is_meeting"], "Y");
    assert_eq!(value["section"], "9");
    assert!(value.get("timezone_from").is_none());
}
