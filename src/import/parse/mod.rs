//! Reading the values inside till exports: amounts, quantities, dates and
//! times, and the customer's contact details. Pure functions, no I/O.
//!
//! Phones and emails are normalised with the same rules as signup
//! (`domain::member`), so a number typed at the till matches the one typed
//! at the counter.

mod date_order;
mod dates;
mod decimal_mark;
mod money;
mod time;
mod words;
mod zones;

pub use date_order::{DateVotes, OrderDecision, locale_order};
pub use dates::{DateError, DateOrder, DateRules, FIRST_YEAR, LAST_YEAR, Stamp, parse_stamp};
pub use decimal_mark::{DecimalMark, Evidence, MarkDecision, MarkVotes, evidence};
pub use money::{MoneyError, parse_money, parse_money_marked, parse_qty_milli};
pub use time::parse_time;
pub use words::{clean, ends_with_lower, starts_with_any_lower};
pub use zones::{offset_at, zone_named};

/// A "customer contacts" cell may hold a phone, an email or both
/// (`+385 98 111 2233, ana@example.hr`): returns (phone, email) as written.
pub fn split_contacts(cell: &str) -> (Option<String>, Option<String>) {
    let mut phone = None;
    let mut email = None;
    for part in cell.split([',', ';', '|']).map(str::trim) {
        if part.contains('@') {
            email.get_or_insert_with(|| part.to_string());
        } else if part.chars().filter(char::is_ascii_digit).count() >= 6 {
            phone.get_or_insert_with(|| part.to_string());
        }
    }
    (phone, email)
}

/// `Sale`, `Salg`, `Verkauf` … → false; `Refund`, `Refundering`, `Erstattung` … → true.
/// None when the word is neither (the amount's sign then decides).
pub fn refund_word(word: &str) -> Option<bool> {
    const REFUND: [&str; 14] = [
        "refund",
        "return",
        "erstatt",
        "rückerstatt",
        "rembours",
        "reembols",
        "devol",
        "rimbors",
        "återbetal",
        "retur",
        "возврат",
        "คืน",
        "退款",
        "povrat",
    ];
    const SALE: [&str; 14] = [
        "sale",
        "payment",
        "salg",
        "verkauf",
        "zahlung",
        "vente",
        "venta",
        "vendita",
        "försälj",
        "köp",
        "продажа",
        "ขาย",
        "销售",
        "prodaja",
    ];
    let w = word.trim();
    if w.is_empty() {
        None
    } else if starts_with_any_lower(w, &REFUND) {
        Some(true)
    } else if starts_with_any_lower(w, &SALE) {
        Some(false)
    } else {
        None
    }
}

/// A status that means the receipt never happened: cancelled, voided,
/// failed, declined (in the languages tills export in).
pub fn dropped_status(word: &str) -> bool {
    const DROPPED: [&str; 16] = [
        "cancel",
        "void",
        "fail",
        "declin",
        "storn",
        "abgebrochen",
        "fehlgeschlagen",
        "annul",
        "anul",
        "отмен",
        "ยกเลิก",
        "取消",
        "afvis",
        "mislyk",
        "misslyck",
        "otkaz",
    ];
    starts_with_any_lower(word.trim(), &DROPPED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_cell_gives_phone_and_email() {
        assert_eq!(
            split_contacts("+385 98 111 2233"),
            (Some("+385 98 111 2233".into()), None)
        );
        assert_eq!(
            split_contacts("Ivana.Babic@Example.hr"),
            (None, Some("Ivana.Babic@Example.hr".into()))
        );
        assert_eq!(
            split_contacts("091 234 5678; z@x.hr"),
            (Some("091 234 5678".into()), Some("z@x.hr".into()))
        );
        assert_eq!(split_contacts(""), (None, None));
        assert_eq!(split_contacts("n/a"), (None, None));
    }

    #[test]
    fn sale_and_refund_words_in_several_languages() {
        for w in [
            "Refund",
            "Refundering",
            "Erstattung",
            "Remboursement",
            "Reembolso",
        ] {
            assert_eq!(refund_word(w), Some(true), "{w}");
        }
        for w in ["Sale", "Payment", "Salg", "Verkauf", "Venta"] {
            assert_eq!(refund_word(w), Some(false), "{w}");
        }
        assert_eq!(refund_word(""), None);
        assert_eq!(refund_word("Transfer"), None);
    }

    #[test]
    fn cancelled_voided_failed_are_dropped() {
        for w in [
            "Cancelled",
            "canceled",
            "VOIDED",
            "Failed",
            "Storniert",
            "Fehlgeschlagen",
        ] {
            assert!(dropped_status(w), "{w}");
        }
        for w in ["Closed", "Successful", "Refunded", "Posted", "Paid", ""] {
            assert!(!dropped_status(w), "{w}");
        }
    }
}
