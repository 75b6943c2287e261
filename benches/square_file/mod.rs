//! Square "Item Sales" files for the import bench, in two shapes.
//!
//! `Shape::Messy` is written like the dashboard's real exports: newest
//! first, random 22-character ids, a customer (Customer ID, name and club
//! card) on more than half of the lines, quoted cells holding commas on
//! about one line in six (modifiers, split payments, empty customer
//! slots), about 2.8 lines a receipt, refunds with their own Transaction
//! ID and the sale's Payment ID, and three named time zones across the
//! changes of daylight saving. `Shape::Easy` is the older file: no quotes,
//! short ids, few customers, one zone.

use std::io::{BufWriter, Write};
use std::path::Path;

pub const HEADER: &str = "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,\
Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,\
Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,GTIN,\
Itemization Type,Commission,Employee,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix";

const ITEMS: [(&str, &str, &str, u64); 8] = [
    ("Bread", "Rugbrød", "RB-1", 450),
    ("Pastry", "Croissant", "CR-1", 275),
    ("Pastry", "Cinnamon roll", "CN-1", 356),
    ("Cakes", "Birthday cake", "BC-1", 3200),
    ("Coffee", "Latte", "LT-1", 450),
    ("Coffee", "Flat white", "FW-1", 425),
    ("Bread", "Sourdough loaf", "SD-1", 650),
    ("Sandwiches", "Bagel", "BG-1", 595),
];

const MODIFIERS: [&str; 4] = [
    "Oat milk, Extra shot",
    "Toasted, Cream cheese",
    "Gift wrap, Candle",
    "Large, No sugar, Cinnamon",
];

/// One shop's three stores, each in its own zone.
const STORES: [(&str, &str); 3] = [
    ("Main Street Bakery", "Eastern Time (US & Canada)"),
    ("Lakeside Bakery", "Central Time (US & Canada)"),
    ("Harbor Bakery", "Pacific Time (US & Canada)"),
];

const FIRST: [&str; 8] = [
    "Emily", "James", "Sofia", "Liam", "Ava", "Noah", "Mia", "Lucas",
];
const LAST: [&str; 8] = [
    "Carter", "O'Brien", "Nguyen", "Smith", "Garcia", "Kowalski", "Haddad", "Lee",
];

/// Lines of a receipt: about 2.8 on average, as in real exports.
const LINES_PER_RECEIPT: [u64; 8] = [1, 2, 2, 3, 3, 3, 4, 5];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    Messy,
    Easy,
}

/// A small fixed-seed generator: the same file every run, no dependency.
struct Seq(u64);

impl Seq {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// A random 22-character id like Square's.
    fn token(&mut self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        (0..22)
            .map(|_| ALPHABET[self.below(ALPHABET.len() as u64) as usize] as char)
            .collect()
    }
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}${}.{:02}", c / 100, c % 100)
}

/// A cell with a comma, quoted as a CSV writer does.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Square's customer `n` of the shop: its id, name and club card. The id
/// comes from its own generator, so the same customer always has the same.
fn customer(n: u64) -> (String, String, String) {
    let mut own = Seq(0x9E37_79B9_7F4A_7C15 ^ (n + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let id = own.token();
    let name = format!("{} {}", FIRST[(n % 8) as usize], LAST[(n / 8 % 8) as usize]);
    (id, name, format!("SQ-{:05}", n))
}

struct Receipt {
    date: String,
    time: String,
    store: usize,
    transaction: String,
    payment: String,
    refund: bool,
    /// Customer ID, name and card cells as written.
    customer: [String; 3],
}

/// What one line of a receipt sells.
#[derive(Clone, Copy)]
struct Item {
    pick: usize,
    qty: i64,
    voided: bool,
    modifiers: Option<&'static str>,
}

fn write_line(out: &mut impl Write, r: &Receipt, item: &Item) -> std::io::Result<()> {
    let (category, name, sku, price) = ITEMS[item.pick];
    let net = if item.voided {
        0
    } else {
        price as i64 * item.qty
    };
    let tax = net * 8 / 100;
    let name = if item.voided {
        format!("{name} (Voided)")
    } else {
        name.to_string()
    };
    let (location, zone) = STORES[r.store];
    let event = if r.refund { "Refund" } else { "Payment" };
    let modifiers = quoted(item.modifiers.unwrap_or(""));
    let [id, customer_name, card] = &r.customer;
    writeln!(
        out,
        "{},{},{zone},{category},{name},{},Regular,{sku},{modifiers},{},$0.00,{},{},{},{},Counter iPad,,,\
         {event},{location},,{},{},{},,,,Physical Item,$0.00,Sam Lee,,{location},,Visa,4242",
        r.date,
        r.time,
        item.qty,
        money(net),
        money(net),
        money(tax),
        r.transaction,
        quoted(&r.payment),
        quoted(id),
        quoted(customer_name),
        quoted(card),
    )
}

/// The customer cells of a sale: most carry all three, some only the
/// till's id and name, a few the empty slots real exports write.
fn customer_cells(seq: &mut Seq) -> [String; 3] {
    let none = || [String::new(), String::new(), String::new()];
    let (id, name, card) = customer(seq.below(40_000));
    match seq.below(100) {
        0..60 => [id, name, card],
        60..72 => [id, name, String::new()],
        72..74 => [id, format!(", , {name}"), format!(", , {card}")],
        74..75 => [String::new(), ", ".into(), ", ".into()],
        _ => none(),
    }
}

/// Writes `lines` item rows into `path`.
pub fn generate(path: &Path, lines: u64, shape: Shape) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "{HEADER}")?;
    match shape {
        Shape::Messy => messy(&mut out, lines)?,
        Shape::Easy => easy(&mut out, lines)?,
    }
    out.flush()
}

fn messy(out: &mut impl Write, lines: u64) -> std::io::Result<()> {
    let mut seq = Seq(0x5EED_2026);
    let (mut written, mut count) = (0u64, 0u64);
    let mut date = (u64::MAX, String::new());
    while written < lines {
        count += 1;
        // Newest first: 1,500 receipts a day, going back from the last day.
        let day = count / 1500;
        if date.0 != day {
            date = (day, day_before((2026, 11, 30), day));
        }
        let time = format!(
            "{:02}:{:02}:{:02}",
            7 + seq.below(12),
            seq.below(60),
            seq.below(60)
        );
        let transaction = seq.token();
        let payment = if seq.below(50) == 0 {
            format!("{}, {}", seq.token(), seq.token())
        } else {
            seq.token()
        };
        let sale = Receipt {
            date: date.1.clone(),
            time,
            store: seq.below(3) as usize,
            transaction,
            payment,
            refund: false,
            customer: customer_cells(&mut seq),
        };
        let n = LINES_PER_RECEIPT[seq.below(8) as usize];
        let items: Vec<Item> = (0..n.min(lines - written))
            .map(|_| Item {
                pick: seq.below(ITEMS.len() as u64) as usize,
                qty: 1 + seq.below(3) as i64,
                voided: seq.below(500) == 0,
                modifiers: (seq.below(8) == 0).then(|| MODIFIERS[seq.below(4) as usize]),
            })
            .collect();
        // A sale refunded in full later the same day: as real exports
        // write it, with its own Transaction ID, the sale's Payment ID and
        // no customer; one refund in four repeats the sale's Transaction
        // ID. Newest first, so the refund's rows come before the sale's.
        if seq.below(100) == 0 && written + 2 * items.len() as u64 <= lines {
            let refund = Receipt {
                date: sale.date.clone(),
                time: format!("{}:59:59", &sale.time[..2]),
                store: sale.store,
                transaction: if seq.below(4) == 0 {
                    sale.transaction.clone()
                } else {
                    seq.token()
                },
                payment: sale.payment.clone(),
                refund: true,
                customer: [String::new(), String::new(), String::new()],
            };
            for item in items.iter().filter(|i| !i.voided) {
                let back = Item {
                    qty: -item.qty,
                    voided: false,
                    ..*item
                };
                write_line(out, &refund, &back)?;
                written += 1;
            }
        }
        for item in &items {
            write_line(out, &sale, item)?;
            written += 1;
        }
    }
    Ok(())
}

/// The older bench file (as it was written before the messy one): no
/// quotes, short ids, a quarter of the receipts with a card and nothing
/// else of the customer, one zone, oldest first.
fn easy(out: &mut impl Write, lines: u64) -> std::io::Result<()> {
    const EASY_ITEMS: [(&str, &str, &str, u64); 6] = [
        ("Bread", "Rugbrød", "RB-1", 450),
        ("Pastry", "Croissant", "CR-1", 275),
        ("Pastry", "Cinnamon roll", "CN-1", 356),
        ("Cakes", "Birthday cake", "BC-1", 3200),
        ("Coffee", "Latte", "LT-1", 450),
        ("Bread", "Sourdough loaf", "SD-1", 650),
    ];
    let mut seq = Seq(0x5EED_2026);
    let (mut written, mut receipt) = (0u64, 0u64);
    while written < lines {
        receipt += 1;
        let day = receipt / 1500;
        let date = format!(
            "{}-{:02}-{:02}",
            2024 + day / 336,
            day / 28 % 12 + 1,
            day % 28 + 1
        );
        let time = format!(
            "{:02}:{:02}:{:02}",
            7 + seq.below(12),
            seq.below(60),
            seq.below(60)
        );
        let refund = seq.below(200) == 0;
        let card = match seq.below(4) {
            0 => format!("SQ-{:05}", seq.below(20_000)),
            _ => String::new(),
        };
        for _ in 0..(1 + seq.below(4)).min(lines - written) {
            let (category, item, sku, price) = EASY_ITEMS[seq.below(6) as usize];
            let voided = seq.below(500) == 0;
            let qty = if refund { -1 } else { 1 + seq.below(3) as i64 };
            let net = if voided { 0 } else { price as i64 * qty };
            let tax = net * 8 / 100;
            let name = if voided {
                format!("{item} (Voided)")
            } else {
                item.to_string()
            };
            let event = if refund { "Refund" } else { "Payment" };
            writeln!(
                out,
                "{date},{time},Eastern Time (US & Canada),{category},{name},{qty},Regular,{sku},,{},$0.00,{},{},\
                 T{receipt:010},P{receipt},Counter iPad,,,{event},Main Street Bakery,,C{receipt},,{card},,,,\
                 Physical Item,$0.00,Sam Lee,,Main Street Bakery,,Visa,4242",
                money(net),
                money(net),
                money(tax),
            )?;
            written += 1;
        }
    }
    Ok(())
}

/// The date `back` days before `(year, month, day)`, as `YYYY-MM-DD`.
fn day_before((mut y, mut m, mut d): (u32, u32, u32), back: u64) -> String {
    for _ in 0..back {
        if d > 1 {
            d -= 1;
            continue;
        }
        if m == 1 {
            y -= 1;
            m = 12;
        } else {
            m -= 1;
        }
        d = match m {
            2 if y % 4 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
    }
    format!("{y}-{m:02}-{d:02}")
}
