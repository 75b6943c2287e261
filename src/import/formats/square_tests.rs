//! Square's two exports read row by row: receipts, refunds, customers,
//! payment ids and time zones.

use crate::import::formats::testing::read_csv;
use crate::import::receipt::Kind;

const ITEMS: &str = "Date,Time,Time Zone,Category,Item,Qty,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Customer Reference ID\n\
    2026-03-03,16:55:38,ET,Bread,Rugbrød,1,$4.05,$0.36,T1,P1,Payment,SQ-3002\n\
    2026-03-03,16:55:38,ET,Bread,Rugbrød,1,$4.50,$0.40,T1,P1,Payment,SQ-3002\n\
    2026-03-03,16:55:38,ET,Pastry,Croissant (Voided),2,$0.00,$0.00,T1,P1,Payment,SQ-3002\n\
    2026-03-05,10:00:00,ET,Cakes,Cake,-1,-$32.00,-$2.84,T1,P2,Refund,SQ-3002\n\
    2026-04-31,10:00:00,ET,Cakes,Cake,1,$32.00,$2.84,T2,P3,Payment,\n";

#[test]
fn item_rows_make_one_receipt_and_refunds_their_own() {
    let got = read_csv(ITEMS, "US");
    assert_eq!(got.format, "square-items");
    assert_eq!(got.receipts.len(), 2);
    let sale = &got.receipts[0];
    assert_eq!(
        (sale.till_id.as_str(), sale.kind, sale.total_minor),
        ("T1", Kind::Sale, 931)
    );
    assert_eq!(sale.lines.len(), 2, "the voided line is dropped");
    assert_eq!(sale.customer.card.as_deref(), Some("SQ-3002"));
    let refund = &got.receipts[1];
    assert_eq!(
        (refund.till_id.as_str(), refund.kind, refund.total_minor),
        ("T1/refund", Kind::Refund, -3484)
    );
    assert_eq!(got.rejected.len(), 1);
    assert_eq!(got.rejected[0].line, 6);
}

#[test]
fn transactions_spend_leaves_out_tips_and_gift_cards() {
    let text = "Date,Time,Gross Sales,Net Sales,Gift Card Sales,Tax,Tip,Total Collected,Transaction ID,Event Type,Transaction Status,Customer Reference ID\n\
        3/1/2026,4:51:55 PM,$16.20,$16.20,$25.00,$1.17,$1.00,$43.37,A,Payment,Complete,SQ-3001\n\
        3/2/2026,9:00:00 AM,\"$1,234.50\",\"$1,234.50\",$0.00,$0.00,$0.00,\"$1,234.50\",B,Payment,Complete,\n\
        3/14/2026,9:00:00 AM,($33.62),($33.62),$0.00,$0.00,$0.00,($33.62),A,Refund,Complete,SQ-3001\n\
        3/15/2026,9:00:00 AM,$5.00,$5.00,$0.00,$0.00,$0.00,$5.00,C,Payment,Canceled,\n";
    let got = read_csv(text, "US");
    assert_eq!(got.format, "square-transactions");
    let totals: Vec<i64> = got.receipts.iter().map(|r| r.total_minor).collect();
    assert_eq!(totals, vec![1737, 123450, -3362]);
    assert_eq!(got.receipts[2].till_id, "A/refund");
    assert_eq!(
        got.receipts[0].local_time(),
        chrono::NaiveTime::from_hms_opt(16, 51, 55)
    );
}

const REAL: &str = "Date,Time,Time Zone,Item,Qty,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Customer ID,Customer Name,Customer Reference ID\n\
    2026-03-24,09:42:35,Eastern Time (US & Canada),Latte,-2,-$9.00,-$0.80,R1,PAY-2,Refund,,,\n\
    2026-03-20,12:00:00,Eastern Time (US & Canada),Latte,2,$9.00,$0.80,T2,\"PAY-1, PAY-2\",Payment,\", , CUST-E\",\", , Emily Carter\",\", , SQ-3001\"\n\
    2026-03-19,12:00:00,Eastern Time (US & Canada),Latte,1,$4.50,$0.40,T3,PAY-3,Payment,\", \",\", \",\", \"\n\
    2026-03-18,12:00:00,Eastern Time (US & Canada),Bagel,1,$2.00,$0.18,T4,PAY-4,Payment,CUST-C,\"Carter, Emily\",\n";

#[test]
fn customer_cells_drop_their_empty_slots_and_a_comma_alone_is_nobody() {
    let got = read_csv(REAL, "US");
    let who: Vec<_> = got
        .receipts
        .iter()
        .map(|r| {
            let c = &r.customer;
            (
                c.card.as_deref(),
                c.till_customer.as_deref(),
                c.name.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        who,
        vec![
            (None, None, None),
            (Some("SQ-3001"), Some("CUST-E"), Some("Emily Carter")),
            (None, None, None),
            // A name keeps a comma of its own.
            (None, Some("CUST-C"), Some("Carter, Emily")),
        ]
    );
}

#[test]
fn a_receipt_keeps_its_payment_ids_and_its_transaction_id() {
    let got = read_csv(REAL, "US");
    let refund = &got.receipts[0];
    assert_eq!(
        (refund.till_id.as_str(), refund.kind),
        ("R1/refund", Kind::Refund)
    );
    assert_eq!(refund.payments, vec!["PAY-2", "R1"]);
    // A split payment: each of its ids, then the transaction.
    assert_eq!(got.receipts[1].payments, vec!["PAY-1", "PAY-2", "T2"]);
    // Both parts of a receipt on several rows keep every id once.
    let got = read_csv(ITEMS, "US");
    assert_eq!(got.receipts[0].payments, vec!["P1", "T1"]);
    assert_eq!(got.receipts[1].payments, vec!["P2", "T1"]);
}

#[test]
fn the_time_zone_gives_the_offset_and_the_local_date_stays() {
    let text = "Date,Time,Time Zone,Item,Qty,Net Sales,Tax,Transaction ID,Event Type\n\
        2026-07-01,22:30:00,Eastern Time (US & Canada),Cake,1,$5.00,$0.00,A,Payment\n\
        2026-12-01,22:30:00,Eastern Time (US & Canada),Cake,1,$5.00,$0.00,B,Payment\n\
        2026-12-01,22:30:00,America/Los_Angeles,Cake,1,$5.00,$0.00,C,Payment\n\
        2026-12-02,08:00:00,Mars Standard Time,Cake,1,$5.00,$0.00,D,Payment\n\
        2026-12-03,08:00:00,Mars Standard Time,Cake,1,$5.00,$0.00,E,Payment\n\
        2026-12-04,08:00:00,,Cake,1,$5.00,$0.00,F,Payment\n";
    let got = read_csv(text, "US");
    let utc: Vec<Option<String>> = got.receipts.iter().map(|r| r.at_utc()).collect();
    assert_eq!(
        utc,
        vec![
            Some("2026-07-02T02:30:00Z".to_string()),
            Some("2026-12-02T03:30:00Z".to_string()),
            Some("2026-12-02T06:30:00Z".to_string()),
            None,
            None,
            None,
        ]
    );
    assert_eq!(got.receipts[0].local_date().to_string(), "2026-07-01");
    // The unknown zone is said once, with its first line and its column;
    // an empty cell is no zone and says nothing.
    let zones: Vec<&String> = got.notes.iter().filter(|n| n.contains("Mars")).collect();
    assert_eq!(zones.len(), 1, "{:?}", got.notes);
    assert!(
        zones[0].contains("Line 5:") && zones[0].contains("Time Zone"),
        "{zones:?}"
    );
    assert!(got.rejected.is_empty());
}
