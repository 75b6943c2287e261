//! What the member card asks of the app once the owner said yes: erasing
//! the member (the same operation as `member erase`), after which the card
//! has nothing left to show, and writing their own copy of their data (the
//! same operation as `member export`).

use crate::message::Message;
use crate::ops::erase::erase_member;
use crate::ops::member_export::write_member_export;
use crate::ui::App;
use crate::ui::screens::Effect;

impl App {
    /// Erases member `id` and goes back to the counter, naming who was
    /// erased by the name they had (it is stored nowhere now).
    pub(super) fn erase_member(&mut self, id: i64) {
        match erase_member(&self.ctx, id) {
            Ok(Some(erased)) => {
                // The card and anything opened from it show a person who
                // is gone: the counter is where to go on.
                self.apply(Effect::ToCounter);
                let said = Message::new("ui-erased", &[("name", &erased.name)]);
                self.message = Some((said, false));
            }
            Ok(None) => {
                self.apply(Effect::ToCounter);
                self.message = Some((Message::plain("ui-err-member-gone"), true));
            }
            Err(e) => self.problem(e),
        }
    }

    /// Writes member `id`'s export into the exports folder beside the
    /// database and says where it went, so it can be handed over.
    pub(super) fn export_member(&mut self, id: i64, name: &str) {
        match write_member_export(&self.ctx, id, None) {
            Ok(path) => {
                let path = path.display().to_string();
                let said = Message::new("ui-member-exported", &[("name", name), ("path", &path)]);
                self.message = Some((said, false));
            }
            Err(e) => self.problem(e),
        }
    }
}
