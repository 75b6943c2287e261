//! Service notes on a real database file: added, listed newest first,
//! resolved once with what was done (the text stays), refused clearly
//! when they cannot be; erased with the member, moved by a merge and in
//! the member's own copy of their data.

mod privacy_support;

use privacy_support::{ana, count, shop, sign};
use regulars::domain::note::NoteKind;
use regulars::error::Error;
use regulars::ops::erase::erase_member;
use regulars::ops::member_export::member_export;
use regulars::ops::members::MemberInput;
use regulars::ops::merge::merge;
use regulars::ops::notes;
use tempfile::TempDir;

fn ivo() -> MemberInput {
    MemberInput {
        first_name: "Ivo".into(),
        family_name: "Babić".into(),
        ..MemberInput::default()
    }
}

fn refusal(err: Error) -> String {
    err.key()
        .map(str::to_string)
        .unwrap_or_else(|| err.to_string())
}

#[test]
fn a_complaint_stays_open_until_resolved_and_keeps_its_text() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = sign(&ctx, &ana());
    let note = notes::add(
        &ctx,
        ana,
        NoteKind::Note,
        " Prefers paper receipts ",
        "counter",
    )
    .unwrap();
    assert_eq!(note.text, "Prefers paper receipts");
    assert!(!note.is_open());
    let complaint =
        notes::add(&ctx, ana, NoteKind::Complaint, "Bread was stale", "counter").unwrap();
    let request = notes::add(&ctx, ana, NoteKind::Request, "Stock rye flour", "cli").unwrap();
    assert_eq!(notes::open_count(&ctx, ana).unwrap(), 2);
    assert_eq!(complaint.at.date().to_string(), "2026-11-23");

    // Newest first; the same second falls back to the order written.
    let ids: Vec<i64> = notes::list(&ctx, Some(ana), false)
        .unwrap()
        .iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(ids, vec![request.id, complaint.id, note.id]);

    let done = notes::resolve(&ctx, complaint.id, "Gave a fresh loaf").unwrap();
    assert_eq!(done.text, "Bread was stale");
    assert_eq!(done.resolution.as_deref(), Some("Gave a fresh loaf"));
    assert!(done.resolved_at.is_some() && !done.is_open());
    assert_eq!(notes::open_count(&ctx, ana).unwrap(), 1);
    let open: Vec<i64> = notes::list(&ctx, None, true)
        .unwrap()
        .iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(open, vec![request.id]);
}

#[test]
fn what_cannot_be_done_is_refused_and_nothing_changes() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = sign(&ctx, &ana());
    let plain = notes::add(&ctx, ana, NoteKind::Note, "Has a dog", "counter").unwrap();
    let complaint = notes::add(&ctx, ana, NoteKind::Complaint, "Queue", "counter").unwrap();
    notes::resolve(&ctx, complaint.id, "Second till opened").unwrap();

    let blank = notes::add(&ctx, ana, NoteKind::Request, "   ", "counter").unwrap_err();
    assert_eq!(refusal(blank), "err-note-empty");
    let nobody = notes::add(&ctx, 999, NoteKind::Note, "Hello", "counter").unwrap_err();
    assert_eq!(refusal(nobody), "err-member-not-found");
    let on_plain = notes::resolve(&ctx, plain.id, "Nothing").unwrap_err();
    assert_eq!(refusal(on_plain), "err-note-plain");
    let again = notes::resolve(&ctx, complaint.id, "Again").unwrap_err();
    assert_eq!(refusal(again), "err-note-resolved");
    let missing = notes::resolve(&ctx, 77, "Done").unwrap_err();
    assert_eq!(refusal(missing), "err-note-not-found");
    let no_words = notes::resolve(&ctx, complaint.id, " ").unwrap_err();
    assert_eq!(refusal(no_words), "err-note-how-empty");
    assert!(
        notes::unknown_kind("praise")
            .to_string()
            .contains("complaint")
    );

    assert_eq!(count(&ctx, "SELECT count(*) FROM notes"), 2);
    let kept = notes::list(&ctx, Some(ana), false).unwrap();
    assert_eq!(kept[0].resolution.as_deref(), Some("Second till opened"));
}

#[test]
fn notes_go_with_erasure_follow_a_merge_and_are_in_the_export() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = sign(&ctx, &ana());
    let ivo = sign(&ctx, &ivo());
    notes::add(
        &ctx,
        ana,
        NoteKind::Complaint,
        "Card did not scan",
        "counter",
    )
    .unwrap();
    let export = member_export(&ctx, ana).unwrap();
    assert_eq!(export["notes"][0]["text"], "Card did not scan");
    assert_eq!(export["notes"][0]["kind"], "complaint");

    notes::add(&ctx, ivo, NoteKind::Request, "Gluten-free rolls", "counter").unwrap();
    merge(&ctx, ana, ivo).unwrap();
    assert_eq!(notes::open_count(&ctx, ana).unwrap(), 2);
    let elsewhere = format!("SELECT count(*) FROM notes WHERE member_id <> {ana}");
    assert_eq!(count(&ctx, &elsewhere), 0);

    erase_member(&ctx, ana).unwrap().expect("erased");
    assert_eq!(count(&ctx, "SELECT count(*) FROM notes"), 0);
}
