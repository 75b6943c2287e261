//! `member export` and `member erase`: the member's own data, given to
//! them whole, or removed for good while the shop's figures stay.

use std::path::Path;

use super::{Ctx, stdout};
use crate::error::{Error, Result};
use crate::i18n::t_args;
use crate::ops::erase::erase_member;
use crate::ops::lookup;
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

/// Erases the member `key` names. Without `--yes` nothing happens and the
/// refusal says what would go and what stays.
pub fn erase(ctx: &Ctx, key: &str, yes: bool, json: bool, said_as: Said) -> Result<()> {
    let id = lookup::find_member(ctx, key)?;
    if !yes {
        let name = lookup::member_name(ctx, id)?;
        return Err(Error::user(
            "err-erase-needs-yes",
            &[("id", &id.to_string()), ("name", &name)],
        ));
    }
    let erased = erase_member(ctx, id)?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", key)]))?;
    if json {
        let mut value = serde_json::json!({"id": id, "name": erased.name, "erased": true,
            "receipts_blanked": erased.receipts_blanked});
        // `member delete` said this before it became an erasure.
        if said_as == Said::Delete {
            value["deleted"] = serde_json::Value::Bool(true);
        }
        return stdout::print_line(value);
    }
    stdout::print_line(t_args(
        "cli-member-erased",
        &[("id", &id.to_string()), ("name", &erased.name)],
    ))
}

/// The command the erasure was asked for by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Erase,
    Delete,
}
