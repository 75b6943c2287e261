//! When the import screen opens its mapping step: offered after a file
//! no format reads (unknown, or nearly a known export), or asked for with
//! `m` on any file, starting from the mapping kept for its header.

use std::path::PathBuf;

use super::{Effect, ImportState, MappingStep, Phase};
use crate::context::Ctx;
use crate::message::Message;
use crate::ops::import::{first_rows, kept_map, mapping_may_mend, options};

impl ImportState {
    /// After a file no format reads: the mapping step, when its header
    /// names the three columns a receipt needs; else why it stopped.
    pub(super) fn offer_mapping(&mut self, why: Message, ctx: &Ctx) -> Option<Effect> {
        let request = self.current.as_ref()?;
        if request.map.is_some() || !mapping_may_mend(&why) {
            return None;
        }
        // The file could not be read as a till's; one that cannot be read
        // at all says why as before.
        let first = first_rows(ctx, &request.file, &self.choices.overrides()).ok()??;
        let step = MappingStep::new(request.file.clone(), first, request.opts.clone());
        self.phase = Phase::Mapping(step);
        Some(Effect::None)
    }

    /// `m` on a file: the mapping step for it, from the mapping kept for
    /// its header if there is one, so a wrong one can be mended.
    pub(super) fn map_file(&mut self, file: PathBuf, ctx: &Ctx) -> Effect {
        let overrides = self.choices.overrides();
        let opened = options(ctx, &overrides).and_then(|opts| {
            let Some(first) = first_rows(ctx, &file, &overrides)? else {
                return Ok(None);
            };
            let kept = kept_map(ctx, &first)?;
            let step = MappingStep::new(file.clone(), first, opts).by_hand();
            Ok(Some(match kept {
                Some(map) => step.with_map(&map),
                None => step,
            }))
        });
        match opened {
            Ok(Some(step)) => {
                self.phase = Phase::Mapping(step);
                Effect::None
            }
            Ok(None) => {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                Effect::Error(Message::new("ui-map-no-header", &[("file", &name)]))
            }
            Err(e) => e.into(),
        }
    }
}
