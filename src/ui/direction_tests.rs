use super::*;

const HE: Direction = Direction {
    rtl: true,
    reorders: true,
};

fn drawn(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn numbers_emails_and_latin_names_keep_their_order_in_hebrew() {
    assert_eq!(HE.text("+385 91 234 5678"), "+385 91 234 5678");
    assert_eq!(HE.text("ana@example.com"), "ana@example.com");
    assert_eq!(HE.text("5% off every purchase"), "5% off every purchase");
    assert_eq!(HE.text("Ана Ковач"), "Ана Ковач");
}

#[test]
fn hebrew_is_put_in_drawing_order_with_the_languages_direction() {
    assert_eq!(HE.text("רבקה כהן"), "ןהכ הקבר");
    // A Latin name inside a Hebrew sentence keeps its own order.
    assert_eq!(HE.text("שלום Ana"), "Ana םולש");
    assert_eq!(
        Direction::LTR.text("Noam · נועם · boy"),
        "Noam · םעונ · boy"
    );
    assert_eq!(HE.text("Noam · נועם · boy"), "boy · םעונ · Noam");
}

#[test]
fn a_reordering_terminal_gets_logical_order() {
    let terminal = Direction::new(true, true);
    assert_eq!(terminal.text("רבקה כהן"), "רבקה כהן");
    assert!(terminal.is_rtl());
    assert_eq!(Direction::from_settings(true, Bidi::Auto, true), terminal);
    assert_eq!(Direction::from_settings(true, Bidi::App, true), HE);
    assert_eq!(
        Direction::from_settings(true, Bidi::Terminal, false),
        terminal
    );
}

#[test]
fn a_row_puts_the_label_on_the_right_in_hebrew() {
    let line = HE.line(vec![Span::raw("טלפון     "), Span::raw("+385 91 234 5678")]);
    assert_eq!(drawn(&line), "+385 91 234 5678     ןופלט");
    assert_eq!(line.alignment, Some(Alignment::Right));
    let line = Direction::LTR.line(vec![Span::raw("Phone  "), Span::raw("+1 555")]);
    assert_eq!(drawn(&line), "Phone  +1 555");
}

#[test]
fn a_cell_keeps_its_padding_on_the_far_side() {
    assert_eq!(HE.cell("Ana Kovač   "), "   Ana Kovač");
    assert_eq!(HE.cell("  120"), "120  ");
    assert_eq!(Direction::LTR.cell("Ana   "), "Ana   ");
}

#[test]
fn areas_are_mirrored_inside_their_whole() {
    let whole = Rect::new(10, 3, 40, 1);
    let [label, value] = HE.row(whole, 12);
    assert_eq!(label, Rect::new(38, 3, 12, 1));
    assert_eq!(value, Rect::new(10, 3, 28, 1));
    let [label, value] = Direction::LTR.row(whole, 12);
    assert_eq!((label.x, value.x), (10, 22));
    let cols = HE.columns(whole, &[10, 5, 100], 1);
    assert_eq!(cols[0], Rect::new(40, 3, 10, 1));
    assert_eq!(cols[1], Rect::new(34, 3, 5, 1));
    // The last column is cut at the edge.
    assert_eq!(cols[2], Rect::new(10, 3, 23, 1));
}
