//! `member export` and `member erase`: the member's own data, given to
//! them whole, or removed for good while the shop's figures stay.

use std::path::Path;

use super::{Ctx, stdout};
use crate::error::Result;
use crate::i18n::t_args;
use crate::ops::member_export::{export_key, export_text, member_export, write_member_export};

/// Prints the export, or writes it to `out` (0600) and says where.
pub fn export(ctx: &Ctx, key: &str, out: Option<&Path>) -> Result<()> {
    let id = export_key(ctx, key)?;
    let Some(out) = out else {
        return stdout::print(&export_text(&member_export(ctx, id)?));
    };
    let path = write_member_export(ctx, id, Some(out))?;
    let path = path.display().to_string();
    stdout::print_line(t_args(
        "cli-member-exported",
        &[("id", &id.to_string()), ("path", &path)],
    ))
}
