//! What the member card asks of the app once the owner said yes: erasing
//! the member (the same operation as `member erase`), after which the card
//! has nothing left to show.

use crate::message::Message;
use crate::ops::erase::erase_member;
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
}
