//! Looks at the start of a file and works out how to read it: spreadsheet or
//! CSV, the text encoding, the delimiter, which row is the header (reports
//! often have a preamble), and which till wrote it.
//!
//! A file that is UTF-8 but for a few damaged bytes is read as UTF-8 (its
//! damaged rows are then reported): taking the whole file for a legacy code
//! page would turn every name into mojibake without a word.

use encoding_rs::Encoding;

use super::formats::Format;
use super::mapping::{ColumnMap, header_key};
use super::near_miss::{NearMiss, unfound};
use super::table::{Header, Input, Row, Shape, rows};
use crate::error::{Error, Result};

/// Enough of the file to judge it by.
pub(super) const SAMPLE_BYTES: usize = 256 * 1024;
/// Preambles are a few lines; a header further down is not looked for.
const HEADER_SEARCH_ROWS: usize = 100;

/// How to read a file, as found out from its first bytes.
#[derive(Debug, Clone)]
pub struct Detected {
    pub shape: Shape,
    pub format: Format,
    pub header: Header,
    /// Records before the header (preamble rows), counted from the top.
    pub header_index: usize,
    /// What the owner should know about the columns (one that the format's
    /// spend uses is missing and read as 0).
    pub notes: Vec<String>,
    /// The column map the file is read with, and the key of the header
    /// it is kept under (the header above is then renamed by it).
    pub mapped: Option<(String, ColumnMap)>,
}

/// Column maps a file may be read with: the one the owner gives now
/// (which wins over any format), and those kept for earlier headers.
#[derive(Debug, Clone, Default)]
pub struct Maps {
    pub given: Option<ColumnMap>,
    pub kept: Vec<(String, ColumnMap)>,
}

/// A header row found: where, the header as read, the format, the map.
type Found = (usize, Header, Format, Option<(String, ColumnMap)>);

/// Countries whose legacy Windows code page for Latin letters is 1250.
const CENTRAL_EUROPE: [&str; 10] = ["HR", "SI", "PL", "CZ", "SK", "HU", "RO", "RS", "BA", "AL"];

/// Guesses the text encoding of a CSV from its first bytes. A BOM decides;
/// NUL bytes in every other place are UTF-16; text that is UTF-8 but for a
/// few damaged bytes is UTF-8 ([`mostly_utf8`]); otherwise the pattern of
/// non-ASCII bytes tells a Latin code page (accented letters stand alone
/// between ASCII letters) from Hebrew (whole words in 0xE0–0xFA) and
/// Chinese (byte pairs).
pub fn sniff_encoding(head: &[u8], country: &str) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return encoding;
    }
    if let Some(utf16) = utf16_without_bom(head) {
        return utf16;
    }
    if mostly_utf8(head) {
        return encoding_rs::UTF_8;
    }
    let mut runs = 0usize;
    let mut single = 0usize;
    let mut high = 0usize;
    let mut hebrew = 0usize;
    let mut run = 0usize;
    for &b in head.iter().chain(std::iter::once(&b' ')) {
        if b >= 0x80 {
            run += 1;
            high += 1;
            hebrew += usize::from((0xE0..=0xFA).contains(&b));
        } else if run > 0 {
            runs += 1;
            single += usize::from(run == 1);
            run = 0;
        }
    }
    let country = country.to_uppercase();
    let latin = if CENTRAL_EUROPE.contains(&country.as_str()) {
        encoding_rs::WINDOWS_1250
    } else {
        encoding_rs::WINDOWS_1252
    };
    if single * 2 >= runs {
        return latin;
    }
    if country == "TH" {
        return encoding_rs::WINDOWS_874;
    }
    if hebrew * 10 >= high * 9 {
        return encoding_rs::WINDOWS_1255;
    }
    let chinese = if matches!(country.as_str(), "TW" | "HK" | "MO") {
        encoding_rs::BIG5
    } else {
        encoding_rs::GBK
    };
    let (_, had_errors) = chinese.decode_without_bom_handling(head);
    if !had_errors { chinese } else { latin }
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: text that is
/// mostly ASCII has a NUL in every other byte, after each letter in
/// little-endian order and before it in big-endian.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len().min(4096) / 2;
    if pairs < 4 {
        return None;
    }
    let zeros = |first: usize| (0..pairs).filter(|i| head[2 * i + first] == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 2 >= pairs && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 2 >= pairs && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Whether the bytes read as UTF-8 but for rare damage: at least two valid
/// multi-byte characters for every invalid sequence. Legacy code pages
/// seldom form valid UTF-8 by chance: Latin and Hebrew ones never in
/// practice (an accented letter stands alone between ASCII ones), Chinese
/// and Thai text about one valid pair for every four or five invalid ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let multi_byte = |valid: &[u8]| valid.iter().filter(|&&b| b >= 0xC0).count();
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid += multi_byte(text.as_bytes());
                break;
            }
            Err(e) => {
                valid += multi_byte(&rest[..e.valid_up_to()]);
                // None: cut off in the middle of the last character, as a
                // sample is: not a fault of the text.
                let Some(bad) = e.error_len() else { break };
                invalid += 1;
                rest = &rest[e.valid_up_to() + bad..];
            }
        }
    }
    invalid == 0 || valid >= 2 * invalid
}

/// Works out how to read `input`. `format` and `encoding` are what the user
/// said on the command line, if anything.
pub fn detect(
    input: &Input,
    format: Option<Format>,
    encoding: Option<&'static Encoding>,
    country: &str,
) -> Result<Detected> {
    detect_with(input, format, encoding, country, &Maps::default())
}

/// Like [`detect`], with column maps for a file no format reads.
pub fn detect_with(
    input: &Input,
    format: Option<Format>,
    encoding: Option<&'static Encoding>,
    country: &str,
    maps: &Maps,
) -> Result<Detected> {
    let head = input.head(SAMPLE_BYTES)?;
    if head.is_empty() {
        return Err(Error::user(
            "import-err-empty",
            &[("path", &shown_path(input))],
        ));
    }
    if is_sheet(&head) {
        let sheet = rows(input, Shape::Sheet)?.take(HEADER_SEARCH_ROWS);
        let mut near = None;
        let mut best = None;
        return find_header(sheet, format, maps, &mut near, &mut best)?
            .map(|found| detected(Shape::Sheet, found))
            .ok_or_else(|| unfound(input, format, maps, near, best));
    }
    let encoding = encoding.unwrap_or_else(|| sniff_encoding(&head, country));
    let sample = sample_bytes(&head, encoding);
    let mut near = None;
    let mut best = None;
    for delimiter in delimiters_by_likelihood(&sample, encoding) {
        let shape = Shape::Csv {
            encoding,
            delimiter,
        };
        let bytes = Input::Bytes(sample.clone().into());
        let records = rows(&bytes, shape)?.take(HEADER_SEARCH_ROWS);
        if let Some(found) = find_header(records, format, maps, &mut near, &mut best)? {
            return Ok(detected(shape, found));
        }
    }
    Err(unfound(input, format, maps, near, best))
}

/// Whether the first bytes are a spreadsheet's (xlsx/ods are zip files,
/// xls an OLE file) rather than text.
pub(super) fn is_sheet(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0")
}

fn detected(shape: Shape, (header_index, header, format, mapped): Found) -> Detected {
    Detected {
        shape,
        format,
        notes: format.notes(&header),
        header,
        header_index,
        mapped,
    }
}

/// The sample up to its last line break, so no record is cut in two (in
/// UTF-16 a break is two bytes, one of them NUL).
pub(super) fn sample_bytes(head: &[u8], encoding: &'static Encoding) -> Vec<u8> {
    if head.len() < SAMPLE_BYTES {
        return head.to_vec();
    }
    let is_break = |b: u8| b == b'\n' || b == b'\r';
    let end = if encoding == encoding_rs::UTF_16LE {
        (0..head.len() - 1)
            .rev()
            .find(|&i| i % 2 == 0 && is_break(head[i]) && head[i + 1] == 0)
            .map(|i| i + 2)
    } else if encoding == encoding_rs::UTF_16BE {
        (1..head.len())
            .rev()
            .find(|&i| i % 2 == 1 && is_break(head[i]) && head[i - 1] == 0)
            .map(|i| i + 1)
    } else {
        head.iter().rposition(|&b| is_break(b)).map(|i| i + 1)
    };
    head[..end.unwrap_or(head.len())].to_vec()
}

/// Delimiters in the order worth trying: the one that splits most records
/// into the same, larger number of fields first.
pub(super) fn delimiters_by_likelihood(sample: &[u8], encoding: &'static Encoding) -> Vec<u8> {
    let mut scored: Vec<(usize, u8)> = [b',', b';', b'\t', b'|']
        .into_iter()
        .map(|d| {
            let shape = Shape::Csv {
                encoding,
                delimiter: d,
            };
            let input = Input::Bytes(sample.to_vec().into());
            let counts: Vec<usize> = rows(&input, shape)
                .map(|it| {
                    it.take(200)
                        .filter_map(|r| r.ok())
                        .map(|r| r.len())
                        .collect()
                })
                .unwrap_or_default();
            let mut best = (0usize, 0usize);
            for &n in counts.iter().filter(|&&n| n > 1) {
                let same = counts.iter().filter(|&&c| c == n).count();
                best = best.max((same * (n - 1), n));
            }
            (best.0, d)
        })
        .collect();
    // Stable sort: on a tie the comma (listed first) stays first.
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    scored.into_iter().map(|(_, d)| d).collect()
}

/// The first row that names the columns of a till format this app reads.
fn find_header(
    records: impl Iterator<Item = Result<Row>>,
    wanted: Option<Format>,
    maps: &Maps,
    near: &mut Option<NearMiss>,
    best: &mut Option<(usize, Header)>,
) -> Result<Option<Found>> {
    for (index, row) in records.enumerate() {
        let row = row?;
        if row.len() < 2 {
            continue;
        }
        let header = Header::new(&row);
        if let Some(map) = &maps.given {
            // The owner said which column is what: the first row naming
            // every given column is the header, whatever till wrote it.
            let found = map.found_in(&header);
            if best.as_ref().is_none_or(|(n, _)| found > *n) {
                *best = Some((found, header.clone()));
            }
            if map.missing_in(&header).is_none() {
                let kept = (header_key(&header), map.clone());
                return Ok(Some((
                    index,
                    map.rename(&header)?,
                    Format::Generic,
                    Some(kept),
                )));
            }
            continue;
        }
        if wanted.is_none() && Format::recognise(&header).is_none() {
            let key = header_key(&header);
            let kept = maps
                .kept
                .iter()
                .find(|(k, m)| *k == key && m.missing_in(&header).is_none());
            if let Some((key, map)) = kept {
                let renamed = map.rename(&header)?;
                return Ok(Some((
                    index,
                    renamed,
                    Format::Generic,
                    Some((key.clone(), map.clone())),
                )));
            }
        }
        let found = match wanted {
            Some(f) => f.fits(&header).then_some(f),
            None => Format::recognise(&header),
        };
        if let Some(format) = found {
            return Ok(Some((index, header, format, None)));
        }
        // Only when no format was asked for: one asked for is refused by name.
        if wanted.is_none()
            && let Some(miss) = NearMiss::of(&header)
        {
            *near = Some(match near.take() {
                Some(before) => before.closer(miss),
                None => miss,
            });
        }
    }
    Ok(None)
}

/// The file's path as a message shows it (without control characters).
pub(super) fn shown_path(input: &Input) -> String {
    match input {
        Input::File(p) => printable(&p.display().to_string()),
        Input::Bytes(_) => "-".to_string(),
    }
}

/// Text for a message with control characters replaced but nothing cut
/// (a path, or what a library says about a file, is shown whole).
pub(super) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
#[path = "detect_tests.rs"]
mod tests;
