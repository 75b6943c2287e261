//! Whole files the way real shops' exports arrive: other encodings, other
//! delimiters, columns moved or missing, currencies without cents, files
//! cut off mid-row.

use super::formats::testing::{options, read_bytes, read_csv};
use crate::domain::money::Currency;
use crate::import::receipt::Kind;

const GENERIC: &str = "receipt_id,time,total,phone,email,card,item,qty,amount\n\
    R1,2026-03-01T10:00:00,54.00,,,IL-2001,חלה,1,54.00\n\
    R2,2026-03-02T11:00:00,159.00,054-765-4321,,,积木套装,1,159.00\n";

#[test]
fn windows_1255_hebrew_is_read_as_hebrew() {
    let text = "receipt_id,time,total,item\nR1,2026-03-01T10:00:00,54.00,חלה\nR2,2026-03-02T10:00:00,12.00,דנה מזרחי\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode(text);
    let got = read_bytes(&bytes, &options("IL"));
    assert_eq!(got.receipts[0].lines[0].item, "חלה");
    assert_eq!(got.receipts[1].lines[0].item, "דנה מזרחי");
}

#[test]
fn gbk_chinese_and_latin1_accents_are_read() {
    let text = "receipt_id,time,total,item\nR1,2026-03-01T10:00:00,159.00,积木套装\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    assert_eq!(
        read_bytes(&bytes, &options("CN")).receipts[0].lines[0].item,
        "积木套装"
    );
    let text = "receipt_id,time,total,item\nR1,2026-03-01T10:00:00,3.50,Crème brûlée\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    assert_eq!(
        read_bytes(&bytes, &options("FR")).receipts[0].lines[0].item,
        "Crème brûlée"
    );
}

#[test]
fn the_encoding_can_be_given_when_the_guess_is_wrong() {
    // Two Latin letters in a row look like a Chinese character to the guess.
    let text = "receipt_id,time,total,item\nR1,2026-03-01T10:00:00,3.50,ÆØ\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let guessed = read_bytes(&bytes, &options("DK"));
    assert_ne!(guessed.receipts[0].lines[0].item, "ÆØ");
    let mut opts = options("DK");
    opts.encoding = Some(encoding_rs::WINDOWS_1252);
    assert_eq!(read_bytes(&bytes, &opts).receipts[0].lines[0].item, "ÆØ");
}

#[test]
fn utf16_tab_separated_from_a_spreadsheet() {
    let text = "receipt_id\ttime\ttotal\titem\r\nR1\t2026-03-01T10:00:00\t54.00\tחלה\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let got = read_bytes(&bytes, &options("IL"));
    assert_eq!(got.receipts.len(), 1);
    assert_eq!(got.receipts[0].total_minor, 5400);
}

#[test]
fn columns_in_another_order_missing_or_twice() {
    let text = "total,item,time,receipt_id,total\n54.00,Tea,2026-03-01T10:00:00,R1,99.99\n";
    let got = read_csv(text, "IL");
    assert_eq!(got.receipts[0].till_id, "R1");
    assert_eq!(
        got.receipts[0].total_minor, 5400,
        "the first of two equal names counts"
    );
    assert_eq!(got.receipts[0].customer.phone, None);
    let got = read_csv(GENERIC, "IL");
    assert_eq!(
        got.receipts[1].customer.phone.as_deref(),
        Some("054-765-4321")
    );
}

#[test]
fn a_file_cut_off_mid_row_rejects_that_row_only() {
    let cut = format!("{GENERIC}R3,2026-03-03T10:00:00,12");
    let got = read_csv(&cut, "IL");
    assert_eq!(got.receipts.len(), 2);
    assert_eq!(got.rejected.len(), 1);
    assert_eq!(got.rejected[0].line, 4);
    assert!(
        got.rejected[0].reason.to_string().contains("cut off"),
        "{}",
        got.rejected[0].reason
    );
}

#[test]
fn currencies_without_cents_and_with_three_decimals() {
    let text = "Receipt number,Date,Time,Type,Total (JPY),Tip (JPY)\n1,2026-03-01,10:00,Sale,\"1,200\",0\n";
    assert_eq!(read_csv(text, "JP").receipts[0].total_minor, 1200);
    let text = "Transaction ID,Date,Type,Status,Amount,Tip,Currency\nT1,01/03/2026 10:00,Sale,Successful,12.345,0,KWD\n";
    assert_eq!(read_csv(text, "US").receipts[0].total_minor, 12345);
    let mut opts = options("US");
    opts.currency = Currency::from_code("JPY").unwrap_or_default();
    let text = "receipt_id,time,total\nR1,2026-03-01T10:00:00,¥500\n";
    assert_eq!(
        read_bytes(text.as_bytes(), &opts).receipts[0].total_minor,
        500
    );
}

#[test]
fn two_digit_years_dotted_times_and_serial_dates() {
    let text = "Date,Receipt number,Receipt type,Total collected,Customer contacts,Status\n\
        13/05/25 23.43,1-1,Sale,5.00,,Closed\n\
        02/05/25 9.05,1-2,Refund,-5.00,,Closed\n";
    let got = read_csv(text, "US");
    let dates: Vec<String> = got
        .receipts
        .iter()
        .map(|r| r.local_date().to_string())
        .collect();
    assert_eq!(
        dates,
        vec!["2025-05-13", "2025-05-02"],
        "13/05 decides day-first"
    );
    assert_eq!(got.receipts[1].kind, Kind::Refund);
    assert!(got.notes.is_empty());
}

#[test]
fn ambiguous_dates_follow_the_country_and_say_so() {
    let text =
        "Transaction ID,Date,Type,Status,Amount,Tip\nT1,03/04/2026 10:00,Sale,Successful,5.00,0\n";
    let us = read_csv(text, "US");
    assert_eq!(us.receipts[0].local_date().to_string(), "2026-03-04");
    assert_eq!(us.notes.len(), 1);
    let hr = read_csv(text, "HR");
    assert_eq!(hr.receipts[0].local_date().to_string(), "2026-04-03");
}

#[test]
fn a_trailing_delimiter_in_the_header_is_no_missing_field() {
    let text = "receipt_id,time,total,\nR1,2026-03-01T10:00:00,5.00\n";
    let got = read_csv(text, "IL");
    assert_eq!((got.receipts.len(), got.rejected.len()), (1, 0));
}

#[test]
fn a_refunded_shopify_order_without_the_amount_gives_it_all_back() {
    let text = "Name,Financial Status,Shipping,Total,Created at,Lineitem name\n\
        #1,refunded,5.00,25.00,2026-02-04 08:39:00 +0100,Crayons\n";
    let got = read_csv(text, "HR");
    let totals: Vec<i64> = got.receipts.iter().map(|r| r.total_minor).collect();
    assert_eq!(totals, vec![2000, -2000]);
}
