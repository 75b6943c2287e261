//! The shop's settings as the app saves them: the first start's setup
//! writes the config file and makes way for the welcome screen; the
//! Settings screen's save changes the file in place and takes effect at
//! once, handing a change of language's list sorting to the screen as a
//! job with progress rather than running it between two key presses.

use crate::message::Message;
use crate::ops::settings::{save_settings, set_up_shop};
use crate::ui::App;
use crate::ui::screens::Effect;
use crate::ui::screens::settings::{SettingsEffect, SettingsState};

impl App {
    /// A first start (no config file yet): the shop's setup comes before
    /// anything else, filled in with the config the app was started with
    /// (guessed from the system's locale). Accepting it shows what was
    /// below: the welcome screen of an empty club, or the counter.
    pub fn first_start(&mut self) {
        let guessed = crate::ops::settings::ShopSettings::of(&self.ctx.config);
        self.stack.push(Box::new(SettingsState::set_up(&guessed)));
    }

    pub(super) fn apply_settings(&mut self, effect: SettingsEffect) {
        match effect {
            SettingsEffect::SetUp(shop) => {
                let Some(path) = self.ctx.config.path.clone() else {
                    self.message = Some((Message::plain("ui-settings-no-file"), true));
                    return;
                };
                match set_up_shop(&path, &shop) {
                    Ok(config) => {
                        self.stack.pop();
                        // The club is new: its lists (if any) are few.
                        self.set_config(config);
                    }
                    Err(e) => self.problem(e),
                }
            }
            SettingsEffect::Save(shop) => match save_settings(&mut self.ctx, &shop) {
                Ok(saved) if saved.language_changed => {
                    if let Some(screen) = self.stack.top_as_mut::<SettingsState>() {
                        screen.start_sorting(&self.ctx);
                    }
                }
                Ok(_) => {
                    self.apply(Effect::Back);
                    self.message = Some((Message::plain("ui-settings-saved"), false));
                }
                Err(e) => self.problem(e),
            },
        }
    }
}
