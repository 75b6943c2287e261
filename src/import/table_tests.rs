//! Cells cleaned of spreadsheet guards, columns found by name, line numbers kept.
use super::*;

#[test]
fn spreadsheet_guards_are_removed() {
    assert_eq!(clean_cell(" '+385912345678 "), "+385912345678");
    assert_eq!(clean_cell("'=SUM(A1)"), "=SUM(A1)");
    assert_eq!(clean_cell("'0912345678"), "0912345678");
    assert_eq!(clean_cell("=\"00123\""), "00123");
    assert_eq!(clean_cell("O'Brien"), "O'Brien");
    assert_eq!(clean_cell("'Tis"), "'Tis");
}

#[test]
fn columns_by_name_any_case_accents_and_units() {
    let row = Row::new(
        1,
        ["Dato", "Beløb", "Transaktions-ID", "Total (SEK)", "beløb"],
    );
    let h = Header::new(&row);
    assert_eq!(h.find(&["BELØB"]), Some(1));
    assert_eq!(h.find(&["Transaktions ID"]), Some(2));
    assert_eq!(h.find(&["Amount", "Belob"]), Some(1));
    assert_eq!(
        h.find_with_unit(&["Total (*)"]),
        Some((3, Some("SEK".into())))
    );
    assert_eq!(h.find(&["Tip (*)"]), None);
    assert_eq!(h.find(&["Missing"]), None);
}

#[test]
fn csv_rows_keep_line_numbers_across_quoted_newlines() {
    let text = "a,b\r\n\"x\ny\",2\r\n\r\n3,4\r\n\"p\r\nq\",5\n6,7\n";
    let input = Input::Bytes(text.as_bytes().into());
    let shape = Shape::Csv {
        encoding: encoding_rs::UTF_8,
        delimiter: b',',
    };
    let rows: Vec<Row> = rows(&input, shape).unwrap().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5, "the blank line is no record");
    assert_eq!(rows[1].get(Some(0)), "x\ny");
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![1, 2, 5, 6, 8]);
    assert_eq!(rows[2].get(Some(5)), "");
}
