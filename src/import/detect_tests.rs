//! Tests of [`super`]: encodings, delimiters, header rows, unknown files
//! and near misses.

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
    let text =
        "Sales report\nShop,Main Street\n\nreceipt_id,time,total\nR1,2026-03-01T10:00:00,5.00\n";
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
