//! The terminal UI.

use crate::cli::Ctx;
use crate::error::Result;

pub fn run(_ctx: Ctx) -> Result<()> {
    Ok(())
}
