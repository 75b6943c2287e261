//! Times of day and UTC offsets: `15:35:46`, `5:11 PM`, `23.43`,
//! `17:04:33.3640811`, `14:23:11+02:00`, `+0100`, `Z`.

use chrono::{FixedOffset, NaiveTime};

use super::dates::DateError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meridiem {
    Am,
    Pm,
}

impl Meridiem {
    /// `am`, `a.m.`, `pm`, `p.m.`, and the Chinese/Japanese forms.
    pub fn from_word(lower: &str) -> Option<Meridiem> {
        match lower {
            "am" | "a.m." | "a.m" | "上午" | "午前" => Some(Meridiem::Am),
            "pm" | "p.m." | "p.m" | "下午" | "午後" => Some(Meridiem::Pm),
            _ => None,
        }
    }

    /// 12 AM is midnight, 12 PM is noon; a 12-hour clock has no hour 0 or 13.
    pub fn apply(self, t: NaiveTime) -> Result<NaiveTime, DateError> {
        use chrono::Timelike;
        let h = t.hour();
        if !(1..=12).contains(&h) {
            return Err(DateError::Unreadable);
        }
        let hour = match self {
            Meridiem::Am => h % 12,
            Meridiem::Pm => h % 12 + 12,
        };
        t.with_hour(hour).ok_or(DateError::Unreadable)
    }
}

/// `+01:00`, `+0100`, `+01`, `-05:00`, `Z`.
pub fn parse_offset(text: &str) -> Result<FixedOffset, DateError> {
    if text.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0).ok_or(DateError::Unreadable);
    }
    let (sign, rest) = match text.chars().next() {
        Some('+') => (1, &text[1..]),
        Some('-') => (-1, &text[1..]),
        _ => return Err(DateError::Unreadable),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return Err(DateError::Unreadable);
    }
    let hours: i32 = digits[..2].parse().map_err(|_| DateError::Unreadable)?;
    let minutes: i32 = digits
        .get(2..4)
        .map_or(Ok(0), str::parse)
        .map_err(|_| DateError::Unreadable)?;
    if hours > 14 || minutes > 59 {
        return Err(DateError::Unreadable);
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or(DateError::Unreadable)
}

/// One word holding a time, possibly with an attached meridiem or offset:
/// `5:11PM`, `14:23:11+02:00`, `17:04:33.3640811Z`.
pub fn parse_time_token(
    word: &str,
) -> Result<(NaiveTime, Option<Meridiem>, Option<FixedOffset>), DateError> {
    let lower = word.to_lowercase();
    let split = lower
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '+' | '-' | 'z' | 'a' | 'p'))
        .map(|(i, _)| i)
        .unwrap_or(lower.len());
    let (clock, tail) = lower.split_at(split);
    let (meridiem, offset) = match tail {
        "" => (None, None),
        t if t.starts_with(['a', 'p']) => (
            Some(Meridiem::from_word(t).ok_or(DateError::Unreadable)?),
            None,
        ),
        t => (None, Some(parse_offset(t)?)),
    };
    Ok((clock_time(clock)?, meridiem, offset))
}

/// `h:mm`, `h:mm:ss`, `h:mm:ss.fffffff` (fractions are cut to microseconds).
fn clock_time(text: &str) -> Result<NaiveTime, DateError> {
    let (main, fraction) = match text.split_once('.') {
        Some((m, f)) if f.chars().all(|c| c.is_ascii_digit()) && !f.is_empty() => (m, f),
        Some(_) => return Err(DateError::Unreadable),
        None => (text, ""),
    };
    let parts: Vec<&str> = main.split(':').collect();
    let ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| (1..=2).contains(&p.len()) && (i == 0 || p.len() == 2))
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        return Err(DateError::Unreadable);
    }
    let num = |i: usize| parts.get(i).map_or(Ok(0), |p| p.parse::<u32>());
    let (h, m, s) = (
        num(0).map_err(|_| DateError::Unreadable)?,
        num(1).map_err(|_| DateError::Unreadable)?,
        num(2).map_err(|_| DateError::Unreadable)?,
    );
    let micro: u32 = format!("{fraction:0<6}")[..6]
        .parse()
        .map_err(|_| DateError::Unreadable)?;
    NaiveTime::from_hms_micro_opt(h, m, s, micro).ok_or(DateError::Unreadable)
}

/// `16:55:38`, `9:05:00` or `9:05`, the most common forms, read without the
/// general rules (which give the same time). None for anything else.
pub(super) fn plain_clock(text: &str) -> Option<NaiveTime> {
    let mut parts = [0u32; 3];
    let mut count = 0;
    for (i, part) in text.split(':').enumerate() {
        let fits = if i == 0 {
            (1..=2).contains(&part.len())
        } else {
            part.len() == 2
        };
        if i >= 3 || !fits || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts[i] = part.parse().ok()?;
        count = i + 1;
    }
    if count < 2 {
        return None;
    }
    NaiveTime::from_hms_opt(parts[0], parts[1], parts[2])
}

/// A time column on its own: `15:35:46`, `3:35 PM`, `23.43`, `11:37+01:00`.
pub fn parse_time(text: &str) -> Result<(NaiveTime, Option<FixedOffset>), DateError> {
    match plain_clock(text.trim()) {
        Some(time) => Ok((time, None)),
        None => general_time(text),
    }
}

/// The general rules for a time column.
pub(super) fn general_time(text: &str) -> Result<(NaiveTime, Option<FixedOffset>), DateError> {
    let mut time = None;
    let mut meridiem = None;
    let mut offset = None;
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        if let Some(m) = Meridiem::from_word(&lower) {
            meridiem = Some(m);
        } else if time.is_none() && (word.contains(':') || word.contains('.')) {
            // `23.43` is how some locales write 23:43.
            let word = if word.contains(':') {
                word.to_string()
            } else {
                word.replace('.', ":")
            };
            let (t, m, o) = parse_time_token(&word)?;
            time = Some(t);
            meridiem = m.or(meridiem);
            offset = o;
        } else if time.is_some() {
            offset = Some(parse_offset(word)?);
        } else {
            return Err(DateError::Unreadable);
        }
    }
    let time = time.ok_or(DateError::Unreadable)?;
    let time = match meridiem {
        Some(m) => m.apply(time)?,
        None => time,
    };
    Ok((time, offset))
}
