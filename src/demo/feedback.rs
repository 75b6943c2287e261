//! The answers a demo club gives at the counter: some members were asked
//! how likely they are to recommend the shop (NPS) or how satisfied they
//! were (CSAT) on one of their visits of the last year, so the Stats screen
//! of a fresh demo has figures to explain instead of "not defined".

use chrono::{Days, NaiveDate, NaiveDateTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::basket::Bought;

/// One answer, as the counter stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Nps(u8),
    Csat(u8),
}

/// A member's answers: at most one of each kind, each on a sale visit of
/// the last 365 days. Most members of a shop people come back to would
/// recommend it; some are passive and a few would not.
pub fn answers(
    rng: &mut ChaCha8Rng,
    bought: &[Bought],
    today: NaiveDate,
) -> Vec<(NaiveDateTime, Answer)> {
    let year_ago = today - Days::new(365);
    let visits: Vec<NaiveDateTime> = bought
        .iter()
        .filter(|b| !b.refund && b.at.date() > year_ago && b.at.date() <= today)
        .map(|b| b.at)
        .collect();
    if visits.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if rng.random_bool(0.3) {
        let at = visits[rng.random_range(0..visits.len())];
        let score = match rng.random_range(0..100) {
            0..55 => rng.random_range(9..=10),
            55..82 => rng.random_range(7..=8),
            _ => rng.random_range(2..=6),
        };
        out.push((at, Answer::Nps(score)));
    }
    if rng.random_bool(0.2) {
        let at = visits[rng.random_range(0..visits.len())];
        let score = match rng.random_range(0..100) {
            0..80 => rng.random_range(4..=5),
            _ => rng.random_range(1..=3),
        };
        out.push((at, Answer::Csat(score)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn answers_fall_on_visits_of_the_last_year_and_in_range() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let at = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap()
        };
        let bought = vec![
            Bought {
                at: at(2024, 5, 1),
                refund: false,
                lines: vec![],
            },
            Bought {
                at: at(2026, 6, 1),
                refund: false,
                lines: vec![],
            },
            Bought {
                at: at(2026, 6, 2),
                refund: true,
                lines: vec![],
            },
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut seen = 0;
        for _ in 0..200 {
            for (when, answer) in answers(&mut rng, &bought, today) {
                seen += 1;
                assert_eq!(when, at(2026, 6, 1));
                match answer {
                    Answer::Nps(n) => assert!(n <= 10),
                    Answer::Csat(n) => assert!((1..=5).contains(&n)),
                }
            }
        }
        assert!(seen > 0);
        assert!(answers(&mut rng, &bought[..1], today).is_empty());
    }
}
