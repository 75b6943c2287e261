//! Amounts as tills and spreadsheets write them → integer minor units.
//!
//! `$1,234.50`, `1.234,50`, `-$9.00`, `($33.62)`, `12,50 kr`, `9.00-`,
//! `1'234.50`, `€ 12`: the number is the span from the first to the last
//! digit; what stands around it may only be a sign, brackets, a currency
//! symbol or code. Inside, the last of `.`/`,` is the decimal mark when both
//! occur; a single mark followed by exactly three digits groups thousands
//! (unless the currency itself has three decimals).

/// Why an amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Unreadable,
    TooLarge,
}

const GROUPING: [char; 5] = ['\'', '’', ' ', '\u{a0}', '\u{202f}'];

/// Reads an amount in a currency with `digits` decimals (2 for cents).
/// More decimals than the currency has are rounded half away from zero.
pub fn parse_money(input: &str, digits: u8) -> Result<i64, MoneyError> {
    parse_decimal(input, digits, true)
}

/// Reads a quantity (`1`, `1.000`, `-2`, `0,5`) as thousandths.
pub fn parse_qty_milli(input: &str) -> Result<i64, MoneyError> {
    parse_decimal(input, 3, false)
}

fn parse_decimal(input: &str, digits: u8, money: bool) -> Result<i64, MoneyError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    match plain_decimal(s, digits, money) {
        Some(value) => Ok(value),
        None => general(s, digits, money, None),
    }
}

/// Reads an amount whose decimal mark is known (`.` or `,`): the other
/// mark can only group thousands, so `1.234` is 1234 with `,` and 1.234
/// with `.`, never a guess.
pub fn parse_money_marked(input: &str, digits: u8, mark: char) -> Result<i64, MoneyError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    general(s, digits, true, Some(mark))
}

/// The digits of an amount as written, from its first to its last digit
/// (with a mark right before the first): what the decimal mark is decided
/// on. None when the cell holds no digit.
pub(super) fn number_part(s: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = s.chars().collect();
    let first = chars.iter().position(char::is_ascii_digit)?;
    let last = chars.iter().rposition(char::is_ascii_digit)?;
    let start = if first > 0 && matches!(chars[first - 1], '.' | ',') {
        first - 1
    } else {
        first
    };
    Some(chars[start..=last].to_vec())
}

/// The general rules (see the top of this file) for a trimmed, non-empty
/// text; `forced` is the decimal mark when the file has told it.
fn general(s: &str, digits: u8, money: bool, forced: Option<char>) -> Result<i64, MoneyError> {
    let chars: Vec<char> = s.chars().collect();
    let first = chars
        .iter()
        .position(char::is_ascii_digit)
        .ok_or(MoneyError::Unreadable)?;
    let last = chars
        .iter()
        .rposition(char::is_ascii_digit)
        .ok_or(MoneyError::Unreadable)?;
    // ".50" and ",5": a mark right before the first digit belongs to the number.
    let start = if first > 0 && matches!(chars[first - 1], '.' | ',') {
        first - 1
    } else {
        first
    };
    let negative = sign_around(&chars[..start], &chars[last + 1..], money)?;
    let (whole, fraction) = split_number(&chars[start..=last], digits, forced)?;
    let value = to_minor(&whole, &fraction, digits)?;
    Ok(if negative { -value } else { value })
}

/// The most common forms, read without the general rules: `12.50`,
/// `-$9.00`, `3`: an optional minus, a dollar sign (amounts only), digits,
/// and a decimal point with no more decimals than the currency has. None
/// for anything else (the general rules then decide, with the same result
/// for these forms). Three decimals are left to them too (they may group
/// thousands).
fn plain_decimal(s: &str, digits: u8, money: bool) -> Option<i64> {
    let rest = s.as_bytes();
    let (negative, rest) = match rest.split_first() {
        Some((b'-', tail)) => (true, tail),
        _ => (false, rest),
    };
    let rest = match rest.split_first() {
        Some((b'$', tail)) if money => tail,
        _ => rest,
    };
    let (whole, fraction) = match rest.iter().position(|&b| b == b'.') {
        Some(dot) => (&rest[..dot], &rest[dot + 1..]),
        None => (rest, &rest[rest.len()..]),
    };
    let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    let has_dot = whole.len() < rest.len();
    if whole.is_empty()
        || whole.len() > 15
        || !all_digits(whole)
        || !all_digits(fraction)
        || (has_dot && fraction.is_empty())
        || fraction.len() > usize::from(digits)
        || fraction.len() == 3
    {
        return None;
    }
    let mut value: i64 = 0;
    for &d in whole.iter().chain(fraction) {
        value = value.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
    }
    for _ in fraction.len()..usize::from(digits) {
        value = value.checked_mul(10)?;
    }
    Some(if negative { -value } else { value })
}

/// Checks what stands before and after the number; true when it is negative.
fn sign_around(before: &[char], after: &[char], money: bool) -> Result<bool, MoneyError> {
    let mut minus = false;
    let mut open = false;
    let mut close = false;
    for &c in before.iter().chain(after) {
        match c {
            '-' | '−' | '–' => minus = true,
            '(' => open = true,
            ')' => close = true,
            '+' => {}
            c if c.is_whitespace() => {}
            // Currency symbols and codes: `$`, `€`, `kr`, `kr.`, `EUR`, `zł`, `₪`.
            c if money && (c.is_alphabetic() || is_currency_symbol(c) || c == '.') => {}
            _ => return Err(MoneyError::Unreadable),
        }
    }
    if open != close {
        return Err(MoneyError::Unreadable);
    }
    Ok(minus || open)
}

fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₪' | '₩' | '₹' | '₺' | '₽' | '฿' | '¢'
    ) || ('\u{20a0}'..='\u{20cf}').contains(&c)
}

/// Splits the digits of the number into whole and fraction parts.
fn split_number(
    number: &[char],
    digits: u8,
    forced: Option<char>,
) -> Result<(String, String), MoneyError> {
    let dots = number.iter().filter(|&&c| c == '.').count();
    let commas = number.iter().filter(|&&c| c == ',').count();
    let decimal_mark = match (dots, commas) {
        // A known mark, written once and after every grouping mark.
        _ if forced.is_some() => {
            let mark = forced.unwrap_or('.');
            let marks = number.iter().filter(|&&c| c == mark).count();
            let last_mark = number.iter().rposition(|&c| c == mark);
            let last_group = number
                .iter()
                .rposition(|&c| matches!(c, '.' | ',') && c != mark);
            if marks > 1 || (last_mark.is_some() && last_group > last_mark) {
                return Err(MoneyError::Unreadable);
            }
            last_mark.map(|_| mark)
        }
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let pos = number.iter().rposition(|&c| c == mark).unwrap_or(0);
            let after = number.len() - pos - 1;
            // "0.250" is never grouped: no number is written with a leading 0 group.
            let grouped_thousands = after == 3 && digits != 3 && pos > 0 && number[0] != '0';
            if count > 1 || grouped_thousands {
                None
            } else {
                Some(mark)
            }
        }
        _ => {
            let last_dot = number.iter().rposition(|&c| c == '.');
            let last_comma = number.iter().rposition(|&c| c == ',');
            if last_dot > last_comma {
                Some('.')
            } else {
                Some(',')
            }
        }
    };
    let (int_part, frac_part) = match decimal_mark {
        Some(mark) => {
            let pos = number.iter().rposition(|&c| c == mark).unwrap_or(0);
            (&number[..pos], &number[pos + 1..])
        }
        None => (number, &number[number.len()..]),
    };
    if !frac_part.iter().all(char::is_ascii_digit) {
        return Err(MoneyError::Unreadable);
    }
    Ok((whole_digits(int_part)?, frac_part.iter().collect()))
}

/// The digits of the whole part, checking that grouping marks group: after
/// the first group every group has 3 digits (2 for the Indian lakh style).
fn whole_digits(int_part: &[char]) -> Result<String, MoneyError> {
    let mut groups: Vec<usize> = vec![0];
    for &c in int_part {
        if c.is_ascii_digit() {
            if let Some(last) = groups.last_mut() {
                *last += 1;
            }
        } else if c == '.' || c == ',' || GROUPING.contains(&c) {
            groups.push(0);
        } else {
            return Err(MoneyError::Unreadable);
        }
    }
    let grouped_well =
        groups.len() == 1 || (groups[0] > 0 && groups[1..].iter().all(|&g| g == 3 || g == 2));
    if !grouped_well {
        return Err(MoneyError::Unreadable);
    }
    Ok(int_part.iter().filter(|c| c.is_ascii_digit()).collect())
}

fn to_minor(whole: &str, fraction: &str, digits: u8) -> Result<i64, MoneyError> {
    let digits = digits as usize;
    let mut value: i64 = 0;
    let push = |value: i64, d: char| -> Result<i64, MoneyError> {
        value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d as u8 - b'0')))
            .ok_or(MoneyError::TooLarge)
    };
    for d in whole.chars() {
        value = push(value, d)?;
    }
    let kept: Vec<char> = fraction.chars().take(digits).collect();
    for i in 0..digits {
        value = push(value, kept.get(i).copied().unwrap_or('0'))?;
    }
    // Half away from zero on the first dropped digit (the sign is applied later).
    if fraction.chars().nth(digits).is_some_and(|d| d >= '5') {
        value = value.checked_add(1).ok_or(MoneyError::TooLarge)?;
    }
    Ok(value)
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
