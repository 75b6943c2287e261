//! The import screen: the files in the inbox folder (those imported
//! before are marked), or a typed path; the import runs behind a gauge with
//! rows per second and can be cancelled; the result counts new, duplicate
//! and refunded receipts and lists the rejected rows with their reasons.
//! The country and format the file is read with are chosen above the list
//! (see `import_choices`); a file imported before can be read again with
//! them, and a file in another currency is asked about. A file the app
//! does not know goes to the mapping step (`import_mapping`), where the
//! owner says which column is what.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::import_choices::{CurrencyQuestion, ImportChoices};
use super::import_files::InboxFiles;
use super::import_mapping::{MappingStep, Step};
use super::import_progress::Running;
use super::import_result::ImportResult;
use super::open;
use super::unmatched::UnmatchedState;
use super::{Effect, View};
use crate::context::Ctx;
use crate::import::Confirmed;
use crate::import::mapping::ColumnMap;
use crate::message::Message;
use crate::ops::import::options;
use crate::ui::import_job::{self, JobEvent, Request};
use crate::ui::keymap::{
    Action, CONFIRM, IMPORT_COUNTRY, IMPORT_FILES, IMPORT_MAPPING, IMPORT_PATH, IMPORT_RESULT,
    IMPORT_RUNNING, Keymap,
};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;

#[derive(Debug)]
enum Phase {
    /// Picking a file from the inbox, or typing a path.
    Choosing,
    Running(Running),
    Done(ImportResult),
    /// The file is in another currency than the shop's: import it anyway?
    Asking(CurrencyQuestion),
    /// No format reads the file: which column is what?
    Mapping(MappingStep),
}

#[path = "import_opens_mapping.rs"]
mod opens_mapping;
#[path = "import_view.rs"]
mod view;

#[derive(Debug)]
pub struct ImportState {
    files: InboxFiles,
    path: TextField,
    /// The path field has focus (else the file list).
    typing: bool,
    /// The country and format the next file is read with.
    choices: ImportChoices,
    /// The file being read, with what the owner confirmed and mapped for
    /// it, to ask about its currency or its columns and start it again.
    current: Option<Request>,
    phase: Phase,
}

impl ImportState {
    /// Opens the screen on the inbox, creating the folder on first use.
    pub fn open(ctx: &Ctx) -> (ImportState, Effect) {
        let mut state = ImportState {
            files: InboxFiles::new(ctx.config.inbox()),
            path: TextField::default(),
            typing: false,
            choices: ImportChoices::new(ctx),
            current: None,
            phase: Phase::Choosing,
        };
        let effect = state.rescan(ctx);
        (state, effect)
    }

    /// Opens the screen in front, then shows what reading the inbox found.
    pub fn opened(ctx: &Ctx) -> Effect {
        let (state, effect) = ImportState::open(ctx);
        Effect::Many(vec![Effect::Open(Box::new(state)), effect])
    }

    fn rescan(&mut self, ctx: &Ctx) -> Effect {
        self.files
            .rescan(ctx)
            .map_or_else(Effect::from, |_| Effect::None)
    }

    /// Starts importing `file` with the country and format chosen (and
    /// the owner's column map, when they gave one): on a worker when the
    /// database is a file, else in place (the app runs it after the next
    /// frame).
    fn start(
        &mut self,
        file: PathBuf,
        ctx: &Ctx,
        confirmed: Confirmed,
        map: Option<ColumnMap>,
    ) -> Effect {
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let opts = match options(ctx, &self.choices.overrides()) {
            Ok(opts) => opts,
            Err(e) => return e.into(),
        };
        let request = Request {
            file,
            opts,
            confirmed,
            map,
        };
        self.current = Some(request.clone());
        let job = import_job::start(ctx, request);
        self.phase = Phase::Running(Running::new(name, job));
        Effect::None
    }

    /// Takes what the worker reported (the app calls this between frames).
    pub fn poll(&mut self, ctx: &Ctx) -> Effect {
        let events = match &self.phase {
            Phase::Running(running) => running.job().drain(),
            _ => return Effect::None,
        };
        let mut effect = Effect::None;
        for event in events {
            effect = self.receive(event, ctx);
        }
        effect
    }

    /// One report of the running import.
    pub fn receive(&mut self, event: JobEvent, ctx: &Ctx) -> Effect {
        let Phase::Running(running) = &mut self.phase else {
            return Effect::None;
        };
        match event {
            JobEvent::Progress {
                rows_done,
                rows_total,
                rows_per_sec,
            } => {
                running.progress(rows_done, rows_total, rows_per_sec);
                Effect::None
            }
            JobEvent::Waiting(waiting) => {
                running.waiting(waiting);
                Effect::None
            }
            JobEvent::Finished(Ok(report)) => {
                self.phase = Phase::Done(ImportResult::new(report, &ctx.conn));
                Effect::None
            }
            JobEvent::Finished(Err(why)) if why.key() == "import-err-currency" => {
                let file = self.current.as_ref().map(|r| r.file.clone());
                self.phase = Phase::Asking(CurrencyQuestion {
                    file: file.unwrap_or_default(),
                    currency: why.value("currency").unwrap_or_default().to_string(),
                    shop: why.value("shop").unwrap_or_default().to_string(),
                });
                Effect::None
            }
            JobEvent::Finished(Err(why)) => {
                self.phase = Phase::Choosing;
                if let Some(effect) = self.offer_mapping(why.clone(), ctx) {
                    return effect;
                }
                match self.rescan(ctx) {
                    Effect::None => Effect::Error(why),
                    problem => problem,
                }
            }
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match &mut self.phase {
            Phase::Running(running) => {
                if action == Action::Back {
                    running.cancel();
                }
                Effect::None
            }
            Phase::Done(done) => match action {
                Action::Back | Action::Open => {
                    self.phase = Phase::Choosing;
                    self.rescan(ctx)
                }
                Action::OpenUnmatched => open(UnmatchedState::open(ctx)),
                Action::Quit => Effect::Quit,
                other => {
                    done.update(other);
                    Effect::None
                }
            },
            Phase::Asking(question) => match action {
                Action::Yes => {
                    let question = question.clone();
                    self.phase = Phase::Choosing;
                    self.accept_currency(question, ctx)
                }
                Action::No | Action::Back => {
                    self.phase = Phase::Choosing;
                    Effect::None
                }
                _ => Effect::None,
            },
            Phase::Mapping(step) => match step.update(action) {
                Step::Stay => Effect::None,
                Step::Problem(why) => Effect::Error(why),
                // Nothing was read into the club or kept: back to the files.
                Step::Back => {
                    self.phase = Phase::Choosing;
                    Effect::None
                }
                Step::Import(map) => {
                    let file = step.file().to_path_buf();
                    self.start(file, ctx, Confirmed::default(), Some(map))
                }
            },
            Phase::Choosing if self.choices.typing => match action {
                Action::Input(request) => {
                    self.choices.country_field().handle(request);
                    Effect::None
                }
                _ => {
                    self.choices.typing = false;
                    Effect::None
                }
            },
            Phase::Choosing if self.typing => match action {
                Action::Input(request) => {
                    self.path.handle(request);
                    Effect::None
                }
                Action::Save => match self.path.value().trim() {
                    "" => Effect::Error(Message::plain("ui-import-type-a-path")),
                    typed => self.start(PathBuf::from(typed), ctx, Confirmed::default(), None),
                },
                Action::Back | Action::NextField => {
                    self.typing = false;
                    Effect::None
                }
                _ => Effect::None,
            },
            Phase::Choosing => self.choose(action, ctx),
        }
    }

    /// Starts the file asked about again, its currency accepted as it is
    /// (and its columns mapped as they were).
    fn accept_currency(&mut self, question: CurrencyQuestion, ctx: &Ctx) -> Effect {
        let (mut confirmed, map) = match &self.current {
            Some(request) => (request.confirmed, request.map.clone()),
            None => (Confirmed::default(), None),
        };
        confirmed.currency = question.accepted();
        self.start(question.file, ctx, confirmed, map)
    }

    fn choose(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Up | Action::Down => self.files.step(action == Action::Down),
            Action::Open => match self.files.selected() {
                Some(file) => {
                    return self.start(file.path.clone(), ctx, Confirmed::default(), None);
                }
                None => self.typing = true,
            },
            Action::PickCountry => self.choices.typing = true,
            Action::PickFormat => self.choices.next_format(),
            Action::ReadAgain => {
                if let Some(file) = self.files.selected() {
                    let again = Confirmed {
                        again: true,
                        ..Confirmed::default()
                    };
                    return self.start(file.path.clone(), ctx, again, None);
                }
            }
            Action::MapColumns => {
                if let Some(file) = self.files.selected() {
                    return self.map_file(file.path.clone(), ctx);
                }
            }
            Action::NextField => self.typing = true,
            Action::Rescan => return self.rescan(ctx),
            Action::OpenUnmatched => return open(UnmatchedState::open(ctx)),
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }
}

impl Screen for ImportState {
    fn name(&self) -> &'static str {
        "import"
    }

    fn keymap(&self) -> Keymap {
        match &self.phase {
            Phase::Choosing if self.choices.typing => IMPORT_COUNTRY,
            Phase::Choosing if self.typing => IMPORT_PATH,
            Phase::Choosing => IMPORT_FILES,
            Phase::Asking(_) => CONFIRM,
            Phase::Running(_) => IMPORT_RUNNING,
            Phase::Done(_) => IMPORT_RESULT,
            Phase::Mapping(_) => IMPORT_MAPPING,
        }
    }

    fn text_focus(&self) -> bool {
        matches!(self.phase, Phase::Choosing) && (self.typing || self.choices.typing)
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-import-files", IMPORT_FILES),
            ("ui-help-import-path", IMPORT_PATH),
            ("ui-help-import-country", IMPORT_COUNTRY),
            ("ui-help-import-running", IMPORT_RUNNING),
            ("ui-help-import-result", IMPORT_RESULT),
            ("ui-help-import-mapping", IMPORT_MAPPING),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        ImportState::update(self, action, ctx)
    }

    fn working(&self) -> bool {
        self.is_running()
    }

    fn poll(&mut self, ctx: &Ctx) -> Effect {
        ImportState::poll(self, ctx)
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        match &mut self.phase {
            Phase::Running(running) => running.job_mut().run_here(ctx),
            _ => false,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        ImportState::render(self, area, buf, view)
    }
}
