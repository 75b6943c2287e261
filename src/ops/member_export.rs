//! A member's own copy of everything the club keeps about them (the right
//! of access): one JSON document, the same from the command line and the
//! card. Dates are as stored (ISO), money in minor units.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::context::Ctx;
use crate::db;
use crate::db::member_data::{self, MEMBER_TABLES};
use crate::error::{Error, Result};
use crate::ops::export_contacts::exports_folder;
use crate::ops::loyalty::{IfBusy, settled};
use crate::ops::{consent, lookup};

/// The member a key names for an export: any key of a member, or the id
/// of an erased one, whose copy shows what is left of them.
pub fn export_key(ctx: &Ctx, key: &str) -> Result<i64> {
    if let Some(id) = lookup::member_by_key(ctx, key)? {
        return Ok(id);
    }
    match key.trim().parse::<i64>() {
        Ok(id) if member_data::erased(&ctx.conn, id)?.is_some() => Ok(id),
        _ => Err(Error::user("err-member-not-found", &[("key", key)])),
    }
}

/// Everything stored about member `id`, as one JSON document.
pub fn member_export(ctx: &Ctx, id: i64) -> Result<Value> {
    let erased_at = member_data::erased(&ctx.conn, id)?;
    // Points and tiers as they stand today (an erased member has none).
    if erased_at.is_none() {
        settled(ctx, IfBusy::Wait)?;
    }
    let conn = &ctx.conn;
    let Some(member) = member_data::member_row(conn, id)? else {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &id.to_string())],
        ));
    };
    let consent_now: serde_json::Map<String, Value> = consent::current(conn, id)?
        .into_iter()
        .map(|(channel, granted)| (channel.code().to_string(), Value::from(granted)))
        .collect();
    let mut export = json!({
        "id": id,
        "erased": erased_at.is_some(),
        "erased_at": erased_at,
        "exported_at": ctx.clock.now().format("%Y-%m-%dT%H:%M:%S").to_string(),
        "member": member,
        "consent": consent_now,
        "points_balance": db::ledger::balance(conn, id)?,
        "receipts": member_data::receipts(conn, id)?,
    });
    for (name, table, order) in MEMBER_TABLES {
        export[*name] = Value::from(member_data::table_rows(conn, table, order, id)?);
    }
    Ok(export)
}

/// The export as written to a file or printed: indented for reading.
pub fn export_text(export: &Value) -> String {
    let mut text = serde_json::to_string_pretty(export).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes member `id`'s export to `out`, or (None) to a file named with
/// the member's id and today's date in the exports folder, readable by the
/// owner only; gives where it went.
pub fn write_member_export(ctx: &Ctx, id: i64, out: Option<&Path>) -> Result<PathBuf> {
    let text = export_text(&member_export(ctx, id)?);
    let path = match out {
        Some(path) => path.to_path_buf(),
        None => {
            let day = ctx.clock.today().format("%Y-%m-%d");
            exports_folder(ctx)?.join(format!("member-{id}-{day}.json"))
        }
    };
    write_private(&path, &text)?;
    Ok(path)
}

/// Writes `text` to `path`, mode 0600 (set again on a file that was there).
fn write_private(path: &Path, text: &str) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A person's whole file: for the owner's eyes only.
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Error::io(path, e))?;
    }
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(path, e))
}
