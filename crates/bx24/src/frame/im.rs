//! The messenger's commands (`BX24.im`): chats, calls, phone numbers, history. Fire and
//! forget: the portal never answers them.

use crate::error::Error;
use crate::{Bx24, sys, thrown};

impl Bx24 {
    fn im(&self, member: &str) -> Result<sys::ImApi, Error> {
        self.sub_api(self.lib.im(), member, &format!("im.{member}"))
    }

    /// Opens the chat with `dialog_id` (a user id, or `chat<N>`). Fire and forget: the
    /// portal never answers.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.open_messenger("42")?;
    /// # Ok(()) }
    /// ```
    pub fn open_messenger(&self, dialog_id: &str) -> Result<(), Error> {
        self.im("openMessenger")?
            .open_messenger(dialog_id)
            .map_err(|e| thrown("im.openMessenger", &e))
    }

    /// Starts an audio or video call with a user. Fire and forget.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.call_to(42, true)?;
    /// # Ok(()) }
    /// ```
    pub fn call_to(&self, user: u32, video: bool) -> Result<(), Error> {
        self.im("callTo")?
            .call_to(user, video)
            .map_err(|e| thrown("im.callTo", &e))
    }

    /// Calls a phone number through the portal's telephony. Fire and forget.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.phone_to("+4930123456")?;
    /// # Ok(()) }
    /// ```
    pub fn phone_to(&self, phone: &str) -> Result<(), Error> {
        self.im("phoneTo")?
            .phone_to(phone)
            .map_err(|e| thrown("im.phoneTo", &e))
    }

    /// Opens the message history of a dialog. Fire and forget.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.open_history("42")?;
    /// # Ok(()) }
    /// ```
    pub fn open_history(&self, dialog_id: &str) -> Result<(), Error> {
        self.im("openHistory")?
            .open_history(dialog_id)
            .map_err(|e| thrown("im.openHistory", &e))
    }
}
