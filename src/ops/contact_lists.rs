//! Contact lists for a group a screen picked (the members of a segment):
//! who of the group is on the list is what [`contacts`] says — the one
//! place that decides who may be contacted — and the file goes into an
//! `exports` folder next to the database, named after the group and the
//! day, readable by the owner only.

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::domain::member::Channel;
use crate::error::Result;
use crate::ops::export_contacts::{ListFormat, contacts, exports_folder, write_list};

/// What a list for a group would hold now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    /// Members of the group who may be contacted on the channel.
    pub written: usize,
    /// Members of the group left out: no consent now, no contact for the
    /// channel, or on the do-not-contact list.
    pub left_out: usize,
}

/// How many of `group` a list on `channel` would hold, and how many not.
pub fn plan(ctx: &Ctx, channel: Channel, group: &HashSet<i64>) -> Result<Planned> {
    let written = contacts(ctx, channel, Some(group))?.len();
    Ok(Planned {
        written,
        left_out: group.len().saturating_sub(written),
    })
}

/// A list written: where, and how many of the group it holds and left out.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFile {
    pub path: PathBuf,
    pub planned: Planned,
}

/// Writes the list of `group` (called `name`, e.g. a saved segment's name)
/// for `channel` into the exports folder.
pub fn write_group(
    ctx: &Ctx,
    name: &str,
    group: &HashSet<i64>,
    channel: Channel,
    format: ListFormat,
) -> Result<GroupFile> {
    // Chosen again as the file is written: a consent withdrawn since the
    // step opened is honoured.
    let rows = contacts(ctx, channel, Some(group))?;
    let folder = exports_folder(ctx)?;
    let path = folder.join(file_name(name, channel, format, ctx.clock.today()));
    let written = write_list(ctx, channel, &rows, format, &path)?;
    Ok(GroupFile {
        path: written.path,
        planned: Planned {
            written: written.rows,
            left_out: group.len().saturating_sub(written.rows),
        },
    })
}

/// `regulars-dog-owners-sms-2026-11-23.vcf`: the group's name as far as
/// it is safe in a file name, "segment" when nothing of it is.
pub fn file_name(name: &str, channel: Channel, format: ListFormat, today: NaiveDate) -> String {
    format!(
        "regulars-{}-{}-{}.{}",
        slug(name),
        channel.code(),
        today.format("%Y-%m-%d"),
        format.extension()
    )
}

/// Letters and digits of any script kept (a name in Hebrew stays
/// readable), everything else one dash: no slash, dot or space can make
/// the name point elsewhere.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars().take(40) {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "segment".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::export_contacts::Phones;

    #[test]
    fn a_name_becomes_a_safe_file_name() {
        assert_eq!(slug("Dog owners"), "dog-owners");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  בעלי כלבים "), "בעלי-כלבים");
        assert_eq!(
            slug("tier=Gold and not area=10000"),
            "tier-gold-and-not-area-10000"
        );
        assert_eq!(slug("..."), "segment");
        assert_eq!(slug(""), "segment");
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            file_name("Dog owners", Channel::Sms, ListFormat::Vcard, day),
            "regulars-dog-owners-sms-2026-11-23.vcf"
        );
        assert_eq!(
            file_name("", Channel::Email, ListFormat::Csv(Phones::National), day),
            "regulars-segment-email-2026-11-23.csv"
        );
    }

    #[test]
    fn a_group_is_written_beside_the_database_with_only_who_may_be_contacted() {
        use crate::ops::testing::{birthday_member, club};
        let (dir, mut ctx) = club();
        // No folder chosen in the config: beside the database.
        ctx.config.shop.export_dir.clear();
        let ana = birthday_member(&ctx, "Ana", &[Channel::Sms]);
        let iva = birthday_member(&ctx, "Iva", &[Channel::Email]);
        // Eva may be texted but is not in the group.
        birthday_member(&ctx, "Eva", &[Channel::Sms]);
        let group: HashSet<i64> = [ana, iva].into();
        assert_eq!(
            plan(&ctx, Channel::Sms, &group).unwrap(),
            Planned {
                written: 1,
                left_out: 1
            }
        );
        let done = write_group(&ctx, "Birthday", &group, Channel::Sms, ListFormat::Vcard).unwrap();
        assert_eq!(
            done.planned,
            Planned {
                written: 1,
                left_out: 1
            }
        );
        let folder = std::fs::canonicalize(dir.path().join("exports")).unwrap();
        assert_eq!(
            done.path,
            folder.join("regulars-birthday-sms-2026-11-23.vcf")
        );
        let text = std::fs::read_to_string(&done.path).unwrap();
        assert!(
            text.contains("FN:Ana Kovač") && !text.contains("Iva"),
            "{text}"
        );
        assert!(!text.contains("Eva"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode =
                |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&done.path), 0o600);
            assert_eq!(mode(&folder), 0o700);
        }
    }
}
