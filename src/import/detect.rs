//! Looks at the start of a file and works out how to read it: spreadsheet or
//! CSV, the text encoding, the delimiter, which row is the header (reports
//! often have a preamble), and which till wrote it.

use encoding_rs::Encoding;

use super::formats::Format;
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
}

/// Countries whose legacy Windows code page for Latin letters is 1250.
const CENTRAL_EUROPE: [&str; 10] = ["HR", "SI", "PL", "CZ", "SK", "HU", "RO", "RS", "BA", "AL"];

/// Guesses the text encoding of a CSV from its first bytes. A BOM decides;
/// valid UTF-8 is UTF-8; otherwise the pattern of non-ASCII bytes tells a
/// Latin code page (accented letters stand alone between ASCII letters) from
/// Hebrew (whole words in 0xE0–0xFA) and Chinese (byte pairs).
pub fn sniff_encoding(head: &[u8], country: &str) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return encoding;
    }
    match std::str::from_utf8(head) {
        Ok(_) => return encoding_rs::UTF_8,
        // Only cut off in the middle of the last character: still UTF-8.
        Err(e) if e.error_len().is_none() => return encoding_rs::UTF_8,
        Err(_) => {}
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

/// Works out how to read `input`. `format` and `encoding` are what the user
/// said on the command line, if anything.
pub fn detect(
    input: &Input,
    format: Option<Format>,
    encoding: Option<&'static Encoding>,
    country: &str,
) -> Result<Detected> {
    let head = input.head(SAMPLE_BYTES)?;
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0") {
        let sheet = rows(input, Shape::Sheet)?.take(HEADER_SEARCH_ROWS);
        return find_header(sheet, format)?
            .map(|(header_index, header, format)| Detected {
                shape: Shape::Sheet,
                format,
                header,
                header_index,
            })
            .ok_or_else(|| unknown(input, format));
    }
    let encoding = encoding.unwrap_or_else(|| sniff_encoding(&head, country));
    let sample = sample_bytes(&head);
    for delimiter in delimiters_by_likelihood(&sample, encoding) {
        let shape = Shape::Csv {
            encoding,
            delimiter,
        };
        let bytes = Input::Bytes(sample.clone().into());
        let records = rows(&bytes, shape)?.take(HEADER_SEARCH_ROWS);
        if let Some((header_index, header, format)) = find_header(records, format)? {
            return Ok(Detected {
                shape,
                format,
                header,
                header_index,
            });
        }
    }
    Err(unknown(input, format))
}

/// The sample up to its last line break, so no record is cut in two.
fn sample_bytes(head: &[u8]) -> Vec<u8> {
    if head.len() < SAMPLE_BYTES {
        return head.to_vec();
    }
    let end = head
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(head.len(), |i| i + 1);
    head[..end].to_vec()
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
    }
    Ok(None)
}

fn unknown(input: &Input, format: Option<Format>) -> Error {
    let path = match input {
        Input::File(p) => p.display().to_string(),
        Input::Bytes(_) => "-".to_string(),
    };
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
    fn unknown_files_say_so() {
        let input = Input::Bytes(b"name,colour\nAna,red\n".to_vec().into());
        let err = detect(&input, None, None, "US").unwrap_err().to_string();
        assert!(!err.is_empty());
        assert!(detect(&input, Some(Format::Sumup), None, "US").is_err());
    }
}
