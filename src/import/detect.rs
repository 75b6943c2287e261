//! Looks at the start of a file and works out how to read it: spreadsheet or
//! CSV, the text encoding, the delimiter, which row is the header (reports
//! often have a preamble), and which till wrote it.
//!
//! A file that is UTF-8 but for a few damaged bytes is read as UTF-8 (its
//! damaged rows are then reported): taking the whole file for a legacy code
//! page would turn every name into mojibake without a word.

use encoding_rs::Encoding;

use super::formats::Format;
use super::near_miss::NearMiss;
use super::table::{Header, Input, Row, Shape, rows};
use crate::error::{Error, Result};

/// Enough of the file to judge it by.
const SAMPLE_BYTES: usize = 256 * 1024;
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
}

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
    let head = input.head(SAMPLE_BYTES)?;
    if head.is_empty() {
        return Err(Error::user(
            "import-err-empty",
            &[("path", &shown_path(input))],
        ));
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0") {
        let sheet = rows(input, Shape::Sheet)?.take(HEADER_SEARCH_ROWS);
        let mut near = None;
        return find_header(sheet, format, &mut near)?
            .map(|(header_index, header, format)| Detected {
                shape: Shape::Sheet,
                format,
                notes: format.notes(&header),
                header,
                header_index,
            })
            .ok_or_else(|| unknown(input, format, near));
    }
    let encoding = encoding.unwrap_or_else(|| sniff_encoding(&head, country));
    let sample = sample_bytes(&head, encoding);
    let mut near = None;
    for delimiter in delimiters_by_likelihood(&sample, encoding) {
        let shape = Shape::Csv {
            encoding,
            delimiter,
        };
        let bytes = Input::Bytes(sample.clone().into());
        let records = rows(&bytes, shape)?.take(HEADER_SEARCH_ROWS);
        if let Some((header_index, header, format)) = find_header(records, format, &mut near)? {
            return Ok(Detected {
                shape,
                format,
                notes: format.notes(&header),
                header,
                header_index,
            });
        }
    }
    Err(unknown(input, format, near))
}

/// The sample up to its last line break, so no record is cut in two (in
/// UTF-16 a break is two bytes, one of them NUL).
fn sample_bytes(head: &[u8], encoding: &'static Encoding) -> Vec<u8> {
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
fn delimiters_by_likelihood(sample: &[u8], encoding: &'static Encoding) -> Vec<u8> {
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
    near: &mut Option<NearMiss>,
) -> Result<Option<(usize, Header, Format)>> {
    for (index, row) in records.enumerate() {
        let row = row?;
        if row.len() < 2 {
            continue;
        }
        let header = Header::new(&row);
        let found = match wanted {
            Some(f) => f.fits(&header).then_some(f),
            None => Format::recognise(&header),
        };
        if let Some(format) = found {
            return Ok(Some((index, header, format)));
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

fn unknown(input: &Input, format: Option<Format>, near: Option<NearMiss>) -> Error {
    let path = shown_path(input);
    if let (None, Some(near)) = (format, near) {
        return Error::user(
            "import-err-near-miss",
            &[
                ("path", &path),
                ("format", &near.export_name()),
                ("missing", &near.missing_list()),
                ("hint", &near.hint()),
            ],
        );
    }
    match format {
        Some(f) => Error::user(
            "import-err-not-format",
            &[("path", &path), ("format", f.name())],
        ),
        None => Error::user("import-err-unknown-format", &[("path", &path)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let utf8 = "Željko,Đurić\n".as_bytes();
        assert_eq!(sniff_encoding(utf8, "HR"), encoding_rs::UTF_8);
        let bom = b"\xef\xbb\xbfDato;Bel\xc3\xb8b\n";
        assert_eq!(sniff_encoding(bom, "DK"), encoding_rs::UTF_8);
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Café,Bäckerei Müller,Crème brûlée\n");
        assert_eq!(sniff_encoding(&latin, "DE"), encoding_rs::WINDOWS_1252);
        let (croatian, _, _) = encoding_rs::WINDOWS_1250.encode("Đurić,Kovačić,Šime\n");
        assert_eq!(sniff_encoding(&croatian, "HR"), encoding_rs::WINDOWS_1250);
        let (hebrew, _, _) = encoding_rs::WINDOWS_1255.encode("R1,חלה,54.00\nR2,דנה מזרחי,12\n");
        assert_eq!(sniff_encoding(&hebrew, "IL"), encoding_rs::WINDOWS_1255);
        assert_eq!(sniff_encoding(&hebrew, "US"), encoding_rs::WINDOWS_1255);
        let (chinese, _, _) = encoding_rs::GBK.encode("R1,积木套装,159.00\nR2,李伟,12\n");
        assert_eq!(sniff_encoding(&chinese, "CN"), encoding_rs::GBK);
        assert_eq!(sniff_encoding(&chinese, "US"), encoding_rs::GBK);
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_is_still_utf8() {
        let mut damaged = "R1,Rugbrød\nR2,Smørrebrød\nR3,Æblekage\n"
            .as_bytes()
            .to_vec();
        damaged[1] = 0xff;
        assert_eq!(sniff_encoding(&damaged, "DK"), encoding_rs::UTF_8);
        // Legacy text forms valid UTF-8 by chance only now and then.
        let names = "积木套装,李伟,王芳,张伟,刘洋,陈静,杨敏,赵磊,黄勇,周杰,吴霞,徐明,孙丽,胡军\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(names);
        assert_eq!(sniff_encoding(&gbk, "CN"), encoding_rs::GBK);
        let thai = "สวัสดีครับ ขนมปัง กาแฟ ชาเย็น ข้าวผัด ต้มยำกุ้ง ส้มตำ ผัดไทย สมชาย สมหญิง\n";
        let (cp874, _, _) = encoding_rs::WINDOWS_874.encode(thai);
        assert_eq!(sniff_encoding(&cp874, "TH"), encoding_rs::WINDOWS_874);
    }

    #[test]
    fn utf16_is_told_by_its_nul_bytes() {
        let text = "receipt_id,time,total\nR1,2026-03-01T10:00:00,5.00\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff_encoding(&le, "US"), encoding_rs::UTF_16LE);
        assert_eq!(sniff_encoding(&be, "US"), encoding_rs::UTF_16BE);
        // NUL bytes here and there are no UTF-16.
        assert_eq!(
            sniff_encoding(b"a,b\nc\0\0,d\0\n", "US"),
            encoding_rs::UTF_8
        );
        assert_eq!(sniff_encoding(&[0u8; 64], "US"), encoding_rs::UTF_8);
    }

    #[test]
    fn an_empty_file_says_so() {
        let err = detect(&Input::Bytes(Vec::new().into()), None, None, "US").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let text = "ab€".as_bytes();
        assert_eq!(sniff_encoding(&text[..3], "US"), encoding_rs::UTF_8);
    }

    #[test]
    fn semicolons_with_decimal_commas_beat_commas() {
        let sample = b"Dato;Navn;Bel\xc3\xb8b;Besked\n2026-04-08;Mads;40,95;Latte, Croissant\n2026-04-09;Ana;1,50;Te\n";
        assert_eq!(
            delimiters_by_likelihood(sample, encoding_rs::UTF_8)[0],
            b';'
        );
        let sample = b"a,b,c\n1,\"2;3\",4\n5,6,7\n";
        assert_eq!(
            delimiters_by_likelihood(sample, encoding_rs::UTF_8)[0],
            b','
        );
    }

    #[test]
    fn header_found_below_a_preamble() {
        let text = "Sales report\nShop,Main Street\n\nreceipt_id,time,total\nR1,2026-03-01T10:00:00,5.00\n";
        let input = Input::Bytes(text.as_bytes().into());
        let d = detect(&input, None, None, "US").unwrap();
        // Blank lines are not records: the header is the third record.
        assert_eq!((d.format, d.header_index), (Format::Generic, 2));
    }

    #[test]
    fn a_near_miss_names_the_format_and_what_is_missing() {
        let text = "Date,Time,Category,Item,Qty,Customer Name,Customer ID\n\
            2026-03-01,10:00:00,Toys,Kite,1,Ana,C1\n";
        let input = Input::Bytes(text.as_bytes().into());
        let err = detect(&input, None, None, "US").unwrap_err();
        assert_eq!(err.key(), Some("import-err-near-miss"));
        let text = err.to_string();
        for word in ["Square", "\"Transaction ID\"", "\"Net Sales\"", "\"Tax\""] {
            assert!(text.contains(word), "{text}");
        }
        // Asked for another format, the file is refused by that one's name.
        let err = detect(&input, Some(Format::Sumup), None, "US").unwrap_err();
        assert_eq!(err.key(), Some("import-err-not-format"));
    }

    #[test]
    fn unknown_files_say_so() {
        let input = Input::Bytes(b"name,colour\nAna,red\n".to_vec().into());
        let err = detect(&input, None, None, "US").unwrap_err().to_string();
        assert!(!err.is_empty());
        assert!(detect(&input, Some(Format::Sumup), None, "US").is_err());
    }
}
