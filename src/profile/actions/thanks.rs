//! An appreciation posted to the person: badge, draft, parameters, write.

use super::{Action, Write, json};
use crate::context::UserId;
use crate::i18n::Msg;
use crate::profile::outcome::{Lookup, SLACK_MS};
use serde::Serialize;
use serde_json::Value;

/// Posts an appreciation to the person.
pub const THANKS: Action = Action {
    name: "thanks",
    label: Msg::ActThanks,
    on_my_card: false,
    method: "log.blogpost.add",
    scope: "log",
    done: Msg::ThanksSent,
    made: Value::as_u64,
};

/// A gratitude badge (`GRATITUDE_MEDAL` XML ids of the portal's standard set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medal {
    /// `thumbsup`
    ThumbsUp,
    /// `heart`
    Heart,
    /// `cup`
    Cup,
    /// `star`
    Star,
}

impl Medal {
    /// Every badge offered, in order.
    pub const ALL: [Medal; 4] = [Medal::ThumbsUp, Medal::Heart, Medal::Cup, Medal::Star];

    /// The XML id the portal knows the badge by.
    pub fn xml_id(self) -> &'static str {
        match self {
            Medal::ThumbsUp => "thumbsup",
            Medal::Heart => "heart",
            Medal::Cup => "cup",
            Medal::Star => "star",
        }
    }
}

/// What the appreciation form holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ThanksDraft {
    /// The badge.
    pub medal: Medal,
    /// The text (required).
    pub message: String,
}

impl Default for ThanksDraft {
    fn default() -> Self {
        Self {
            medal: Medal::ThumbsUp,
            message: String::new(),
        }
    }
}

/// `log.blogpost.add` parameters: gratitude keys top-level, as the module reads them.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct BlogPostAdd {
    post_title: String,
    post_message: String,
    dest: [String; 1],
    gratitude_medal: &'static str,
    gratitude_employees: [u32; 1],
}

impl ThanksDraft {
    /// The parameters, addressed to the person only, or `None` while the text is blank.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::actions::{Medal, ThanksDraft};
    /// let draft = ThanksDraft { medal: Medal::Cup, message: "Great release".into() };
    /// let params = serde_json::to_value(draft.params(UserId::new(42).unwrap(), "Thank you!").unwrap()).unwrap();
    /// assert_eq!(params, serde_json::json!({"POST_TITLE": "Thank you!", "POST_MESSAGE": "Great release",
    ///     "DEST": ["U42"], "GRATITUDE_MEDAL": "cup", "GRATITUDE_EMPLOYEES": [42]}));
    /// ```
    pub fn params(&self, to: UserId, title: &str) -> Option<BlogPostAdd> {
        let message = self.message.trim();
        (!message.is_empty()).then(|| BlogPostAdd {
            post_title: title.to_owned(),
            post_message: message.to_owned(),
            dest: [format!("U{to}")],
            gratitude_medal: self.medal.xml_id(),
            gratitude_employees: [to.get()],
        })
    }
}

impl ThanksDraft {
    /// The write of this appreciation from `me` to `them` at `now_ms`, titled `title` (in
    /// the viewer's language), or the message to show while the text is blank.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::actions::{Medal, ThanksDraft};
    /// let (me, them) = (UserId::new(7).unwrap(), UserId::new(42).unwrap());
    /// let draft = ThanksDraft { medal: Medal::Cup, message: "Great release".into() };
    /// assert_eq!(draft.write(me, them, "Thank you!", 0.0).unwrap().params["DEST"][0], "U42");
    /// ```
    pub fn write(&self, me: UserId, them: UserId, title: &str, now_ms: f64) -> Result<Write, Msg> {
        let params = self.params(them, title).ok_or(Msg::FieldRequired)?;
        Ok(Write {
            action: &THANKS,
            params: json(params),
            lookup: Lookup::Post {
                author: me.get(),
                message: self.message.trim().to_owned(),
                since_ms: now_ms - SLACK_MS,
            },
        })
    }
}
