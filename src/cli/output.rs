//! How members look on the command line: JSON for scripts (field names are a
//! contract, see DESIGN.md) and aligned text for people.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::Ctx;
use crate::domain::family::{BirthInfo, Child, Pet};
use crate::domain::member::{Birthday, MemberCard, display_phone, full_name};
use crate::i18n::t;
use crate::ops::lookup::MemberRow;

fn birthday_value(b: Option<Birthday>) -> Value {
    match b {
        Some(Birthday {
            month,
            day,
            year: Some(y),
        }) => json!(format!("{y:04}-{month:02}-{day:02}")),
        Some(Birthday {
            month,
            day,
            year: None,
        }) => json!(format!("{month:02}-{day:02}")),
        None => Value::Null,
    }
}

fn birth_value(birth: &BirthInfo, today: NaiveDate) -> (Value, Value, bool) {
    let age = birth.age(today);
    let born = match birth {
        BirthInfo::Born(d) => json!(d.format("%Y-%m-%d").to_string()),
        _ => Value::Null,
    };
    (
        born,
        age.map(|(a, _)| json!(a)).unwrap_or(Value::Null),
        age.is_some_and(|(_, approx)| approx),
    )
}

/// A child as `member show --json` and the `child` commands print it.
pub fn child_json(c: &Child, today: NaiveDate) -> Value {
    let (born, age, approximate) = birth_value(&c.birth, today);
    json!({"id": c.id, "member_id": c.member_id, "name": c.name, "gender": c.gender, "born": born, "age": age, "age_approximate": approximate})
}

/// A pet as `member show --json` and the `pet` commands print it.
pub fn pet_json(p: &Pet, today: NaiveDate) -> Value {
    let (born, age, approximate) = birth_value(&p.birth, today);
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    json!({"id": p.id, "member_id": p.member_id, "name": p.name, "kind": p.kind, "born": born, "age": age, "age_approximate": approximate, "gotcha": day(p.gotcha), "passed_away": day(p.passed_away)})
}

fn consent_state(card: &MemberCard) -> Value {
    let map: serde_json::Map<String, Value> = crate::domain::member::Channel::ALL
        .into_iter()
        .map(|channel| {
            let granted = card
                .consents
                .iter()
                .any(|c| c.channel == channel && c.granted);
            (channel.code().to_string(), Value::Bool(granted))
        })
        .collect();
    Value::Object(map)
}

pub fn card_json(card: &MemberCard, today: NaiveDate) -> Value {
    let d = &card.member.draft;
    let children: Vec<Value> = card.children.iter().map(|c| child_json(c, today)).collect();
    let pets: Vec<Value> = card.pets.iter().map(|p| pet_json(p, today)).collect();
    let consents: serde_json::Map<String, Value> = card
        .consents
        .iter()
        .map(|c| {
            let v = json!({"granted": c.granted, "at": c.at.format("%Y-%m-%dT%H:%M:%S").to_string(), "how": c.how});
            (c.channel.code().to_string(), v)
        })
        .collect();
    json!({
        "id": card.member.id,
        "first_name": d.first_name,
        "family_name": d.family_name,
        "phone": d.phone,
        "email": d.email,
        "birthday": birthday_value(d.birthday),
        "card": d.card,
        "area": d.area,
        "note": d.note,
        "joined_at": card.member.joined_at.format("%Y-%m-%d").to_string(),
        "tier": Value::Null,
        "points": 0,
        "visits": card.visits,
        "spend_minor": card.spend_minor,
        "last_visit": card.last_visit.map(|d| d.format("%Y-%m-%d").to_string()),
        "consents": consents,
        // The current state per channel; a channel never asked is false.
        "consent": consent_state(card),
        "children": children,
        "pets": pets,
    })
}

pub fn rows_json(rows: &[MemberRow]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "first_name": r.first_name,
                    "family_name": r.family_name,
                    "phone": r.phone,
                    "email": r.email,
                    "birthday": birthday_value(r.birthday),
                    "card": r.card,
                    "tier": r.tier,
                    "points": r.points,
                    "last_visit": r.last_visit.map(|d| d.format("%Y-%m-%d").to_string()),
                })
            })
            .collect(),
    )
}

pub fn rows_text(rows: &[MemberRow], ctx: &Ctx) -> String {
    let mut out = String::new();
    for r in rows {
        let phone = r
            .phone
            .as_deref()
            .map(|p| display_phone(p, ctx.config.country()))
            .unwrap_or_default();
        let contact = if phone.is_empty() {
            r.email.clone().unwrap_or_default()
        } else {
            phone
        };
        out.push_str(&format!(
            "{:>6}  {}  {}\n",
            r.id,
            full_name(&r.first_name, &r.family_name),
            contact
        ));
    }
    out
}

pub fn card_text(card: &MemberCard, ctx: &Ctx) -> String {
    let d = &card.member.draft;
    let currency = ctx.config.currency();
    let mut lines = vec![format!("{} (#{})", card.member.full_name(), card.member.id)];
    let mut push = |key: &str, value: String| {
        if !value.is_empty() {
            lines.push(format!("  {}: {value}", t(key)));
        }
    };
    push(
        "field-phone",
        d.phone
            .as_deref()
            .map(|p| display_phone(p, ctx.config.country()))
            .unwrap_or_default(),
    );
    push("field-email", d.email.clone().unwrap_or_default());
    push(
        "field-birthday",
        d.birthday
            .map(|b| crate::words::dates::birthday(&b))
            .unwrap_or_default(),
    );
    push("field-card", d.card.clone().unwrap_or_default());
    push("field-area", d.area.clone().unwrap_or_default());
    push("field-note", d.note.clone().unwrap_or_default());
    push("field-visits", card.visits.to_string());
    push(
        "field-spend",
        crate::words::numbers::money(currency, card.spend_minor),
    );
    for c in &card.children {
        push("field-child", c.name.clone());
    }
    for p in &card.pets {
        let line = format!("{} ({})", p.name, p.kind);
        push(
            "field-pet",
            match p.passed_away {
                Some(day) => crate::i18n::t_args(
                    "cli-pet-passed-away",
                    &[
                        ("pet", &line),
                        ("date", &crate::words::dates::date_with_year(day)),
                    ],
                ),
                None => line,
            },
        );
    }
    lines.join("\n") + "\n"
}
