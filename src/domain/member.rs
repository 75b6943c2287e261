//! A club member as the counter sees it, and the rules for the data typed in
//! at signup: names, phone numbers, emails, birthdays. Pure: no I/O.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use phonenumber::{Mode, country};
use unicode_normalization::UnicodeNormalization;

use crate::domain::birth_calendar::CalendarBirthday;
use crate::domain::date_order::DateOrder;
use crate::domain::family::{Child, Pet};

/// A channel the member may be contacted on; consent is given per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Sms,
    Email,
    Phone,
    Post,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Sms, Channel::Email, Channel::Phone, Channel::Post];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Post => "post",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Day and month, with the year when the member told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birthday {
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
}

impl Birthday {
    /// `--birthday` form: `YYYY-MM-DD` or `MM-DD`.
    pub fn iso(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// What the owner typed for a new member or an edit, already checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberDraft {
    pub first_name: String,
    pub family_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub birthday: Option<Birthday>,
    pub card: Option<String>,
    pub area: Option<String>,
    pub language: Option<String>,
    pub note: Option<String>,
}

/// Current consent for one channel: the last entry of the consent log.
#[derive(Debug, Clone, PartialEq)]
pub struct Consent {
    pub channel: Channel,
    pub granted: bool,
    pub at: NaiveDateTime,
    pub how: String,
}

/// A stored member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: i64,
    pub draft: MemberDraft,
    pub joined_at: NaiveDate,
}

impl Member {
    pub fn full_name(&self) -> String {
        full_name(&self.draft.first_name, &self.draft.family_name)
    }
}

/// Everything the member card shows, loaded at once.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberCard {
    pub member: Member,
    pub children: Vec<Child>,
    pub pets: Vec<Pet>,
    /// A birthday kept in the Hebrew or Chinese calendar, instead of
    /// `member.draft.birthday`.
    pub calendar_birthday: Option<CalendarBirthday>,
    pub consents: Vec<Consent>,
    pub visits: i64,
    pub spend_minor: i64,
    pub last_visit: Option<NaiveDate>,
}

/// Why a typed value was refused; each maps to a locale message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Required,
    Phone,
    Email,
    Date,
    FutureDate,
    /// Not a day of the Hebrew or Chinese calendar as the form reads it.
    CalendarDate,
}

impl FieldError {
    pub fn message_key(&self) -> &'static str {
        match self {
            FieldError::Required => "field-required",
            FieldError::Phone => "field-bad-phone",
            FieldError::Email => "field-bad-email",
            FieldError::Date => "field-bad-date",
            FieldError::FutureDate => "field-future-date",
            FieldError::CalendarDate => "field-bad-calendar-date",
        }
    }
}

pub fn full_name(first: &str, family: &str) -> String {
    if family.is_empty() {
        first.to_string()
    } else if is_east_asian(first) && is_east_asian(family) {
        // Chinese, Japanese and Korean names are said family name first: 李伟.
        format!("{family}{first}")
    } else {
        format!("{first} {family}")
    }
}

fn is_east_asian(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| {
            matches!(c as u32,
                0x3040..=0x30FF     // kana
                | 0x3400..=0x4DBF   // CJK extension A
                | 0x4E00..=0x9FFF   // CJK unified ideographs
                | 0xAC00..=0xD7AF   // Hangul syllables
                | 0xF900..=0xFAFF   // CJK compatibility ideographs
                | 0x20000..=0x2FA1F // CJK extensions B–F
            )
        })
}

/// NFC, no control characters, single spaces, trimmed. Used on every name and
/// free text typed in or imported.
pub fn clean_text(s: &str) -> String {
    let nfc: String = s.nfc().filter(|c| !c.is_control()).collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case ASCII form for matching: "Željko Đurić" → "zeljko duric".
/// Scripts without a Latin form (Hebrew, Thai) keep their letters, lower-cased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_text(s).chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(latin) = deunicode::deunicode_char(c).filter(|_| is_latin_letter(c)) {
            out.push_str(&latin.to_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Latin letters with marks fold to ASCII; other scripts are kept as they are
/// (deunicode would turn 李 into "Li " and מ into "m", which nobody types).
fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

/// Phone as typed → E.164 (`+385912345678`), national numbers read with `country`.
/// A spreadsheet guard (`'+385…`) is removed first.
pub fn normalise_phone(input: &str, country: country::Id) -> Result<String, FieldError> {
    let trimmed = input.trim().trim_start_matches('\'');
    if trimmed.is_empty() || !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(FieldError::Phone);
    }
    let candidate = match trimmed.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => trimmed.to_string(),
    };
    let number = phonenumber::parse(Some(country), &candidate).map_err(|_| FieldError::Phone)?;
    // The numbering metadata lags behind real allocations (new mobile ranges
    // are refused for months), so a number that fits the country's general
    // numbering pattern is accepted too: refusing a real customer's phone at
    // the counter is the worse error. A national number read with the wrong
    // country (a leading 0 in the US) still fails that pattern.
    let plausible = fits_numbering_plan(&number);
    if !phonenumber::is_valid(&number) && !plausible {
        return Err(FieldError::Phone);
    }
    Ok(number.format().mode(Mode::E164).to_string())
}

fn fits_numbering_plan(number: &phonenumber::PhoneNumber) -> bool {
    use phonenumber::Type;
    let national = number.national().to_string();
    let length = national.len() as u16;
    let Some(regions) = phonenumber::metadata::DATABASE.by_code(&number.code().value()) else {
        return false;
    };
    regions.iter().any(|m| {
        let d = m.descriptors();
        // The general pattern is not anchored, so the length must also be
        // one that a fixed or mobile number of the country can have.
        let lengths_fit = [Type::FixedLine, Type::Mobile]
            .into_iter()
            .filter_map(|t| d.get(t))
            .chain(std::iter::once(d.general()))
            .any(|desc| desc.possible_length().contains(&length));
        lengths_fit && d.general().is_match(&national)
    })
}

/// `+385912345678` → `091 234 5678` when the number is of the shop's country,
/// else the international form. Unparseable input is shown as it is.
pub fn display_phone(e164: &str, country: country::Id) -> String {
    match phonenumber::parse(None, e164) {
        Ok(number) => {
            let mode = if number.country().id() == Some(country) {
                Mode::National
            } else {
                Mode::International
            };
            number.format().mode(mode).to_string()
        }
        Err(_) => e164.to_string(),
    }
}

/// The digits of the phone as the shop would type it (national form).
pub fn national_digits(e164: &str) -> String {
    match phonenumber::parse(None, e164) {
        Ok(number) => number
            .format()
            .mode(Mode::National)
            .to_string()
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
        Err(_) => e164.chars().filter(char::is_ascii_digit).collect(),
    }
}

/// Lower-cased, trimmed; one `@` with text on both sides and a dot in the domain.
pub fn normalise_email(input: &str) -> Result<String, FieldError> {
    let email = input.trim().trim_start_matches('\'').to_lowercase();
    let (local, domain) = email.split_once('@').ok_or(FieldError::Email)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@');
    if local.is_empty() || !domain_ok || email.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(FieldError::Email);
    }
    Ok(email)
}

/// Birthday as typed: `1986-03-14`, `03-14` / `--03-14` (ISO, month first),
/// or day first with dots or slashes: `14.3.`, `14.03.1986`, `14/3`.
/// With slashes the shop's [`DateOrder`] decides: `3/14` the American way.
/// A year must give a real date in the past; without a year Feb 29 is fine.
pub fn parse_birthday(
    input: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<Birthday, FieldError> {
    let month_first_slash = order.month_first();
    let s = input.trim().trim_start_matches("--").trim_end_matches('.');
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let parts: Vec<&str> = s.split(['-', '.', '/']).map(str::trim).collect();
    let nums: Vec<i64> = parts
        .iter()
        .map(|p| p.parse::<i64>())
        .collect::<Result<_, _>>()
        .map_err(|_| FieldError::Date)?;
    let (day, month, year) = match (s.contains('-'), s.contains('/'), nums.as_slice()) {
        (true, _, [y, m, d]) if parts[0].len() == 4 => (*d, *m, Some(*y)),
        (true, _, [m, d]) => (*d, *m, None),
        (false, true, [a, b]) if month_first_slash => (*b, *a, None),
        (false, true, [a, b, y]) if month_first_slash => (*b, *a, Some(*y)),
        (false, _, [d, m]) => (*d, *m, None),
        (false, _, [d, m, y]) => (*d, *m, Some(*y)),
        _ => return Err(FieldError::Date),
    };
    let year = year.map(|y| {
        if (0..100).contains(&y) {
            expand_two_digit_year(y, today)
        } else {
            y
        }
    });
    birthday_from_parts(day, month, year, today)
}

fn expand_two_digit_year(y: i64, today: NaiveDate) -> i64 {
    let century = (today.year() as i64 / 100) * 100;
    if century + y > today.year() as i64 {
        century - 100 + y
    } else {
        century + y
    }
}

fn birthday_from_parts(
    day: i64,
    month: i64,
    year: Option<i64>,
    today: NaiveDate,
) -> Result<Birthday, FieldError> {
    let (Ok(day), Ok(month)) = (u32::try_from(day), u32::try_from(month)) else {
        return Err(FieldError::Date);
    };
    // 2000 is a leap year, so Feb 29 without a year passes this check.
    let check_year = year.unwrap_or(2000);
    let check_year = i32::try_from(check_year).map_err(|_| FieldError::Date)?;
    let date = NaiveDate::from_ymd_opt(check_year, month, day).ok_or(FieldError::Date)?;
    if year.is_some() {
        if date > today {
            return Err(FieldError::FutureDate);
        }
        if check_year < 1880 {
            return Err(FieldError::Date);
        }
    }
    Ok(Birthday {
        month,
        day,
        year: year.map(|_| check_year),
    })
}

/// A possible duplicate: same phone, or same email, or the same name with the
/// same birthday (day and month). Names alone never match: shops have many
/// Maya Cohens.
pub fn possible_duplicate(a: &MemberDraft, b: &MemberDraft) -> bool {
    let same =
        |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x == y);
    if same(&a.phone, &b.phone) || same(&a.email, &b.email) {
        return true;
    }
    let same_name = fold(&full_name(&a.first_name, &a.family_name))
        == fold(&full_name(&b.first_name, &b.family_name));
    let same_day = matches!((a.birthday, b.birthday), (Some(x), Some(y)) if x.month == y.month && x.day == y.day);
    same_name && same_day
}

/// Two-letter country code from config or `--country`.
pub fn country_id(code: &str) -> Option<country::Id> {
    country::Id::from_str(&code.trim().to_uppercase()).ok()
}
