//! How loyalty figures read, on screen and on the command line: "€37 to
//! Gold", "2 visits to Silver", a tier's minimum, what a points row was for.

use crate::domain::ledger::{Entry, Reason};
use crate::domain::loyalty_config::{Amount, Program, TierGap};
use crate::domain::tiers::Standing;
use crate::i18n::{t, t_args, t_count};

/// "€37 to Gold" (money rounded up to whole units, so it is enough) or
/// "2 visits to Silver"; `None` at the top tier or without tiers.
pub fn gap_text(program: &Program, standing: &Standing) -> Option<String> {
    Some(tier_gap(&program.next_gap(standing.tier, standing.metric)?))
}

/// "€37 to Gold" for a gap of spend (minor units) or visits.
pub fn gap_to(program: &Program, gap: i64, tier: &str) -> String {
    tier_gap(&program.gap_to(gap, tier))
}

/// "€37 to Gold" as the rules worked it out.
pub fn tier_gap(gap: &TierGap) -> String {
    t_args(
        "loyalty-gap",
        &[("amount", &amount(gap.missing)), ("tier", &gap.tier)],
    )
}

/// A missing amount: money rounded up to whole units (so it is enough),
/// or visits.
pub fn amount_text(program: &Program, gap: i64) -> String {
    amount(program.missing(gap))
}

/// A 12-month figure: "€463" or "12 visits".
pub fn metric_text(program: &Program, metric: i64) -> String {
    amount(program.amount(metric))
}

/// "€463" (whole units) or "12 visits".
pub fn amount(amount: Amount) -> String {
    match amount {
        Amount::Money { minor, currency } => crate::words::numbers::money_whole(currency, minor),
        Amount::Visits(count) => t_count("loyalty-visits", "count", count),
    }
}

/// What a points row was for: "Purchase", "Redeemed: Free coffee", "Birthday bonus".
pub fn reason_text(entry: &Entry) -> String {
    let detail = entry.detail.as_deref().unwrap_or_default();
    match entry.reason {
        Reason::Earn if detail == "refund" => t("loyalty-reason-refund"),
        Reason::Earn if detail == "unlinked" => t("loyalty-reason-unlinked"),
        Reason::Earn => t("loyalty-reason-sale"),
        Reason::Redeem if detail.is_empty() => t("loyalty-reason-redeem"),
        Reason::Redeem => t_args("loyalty-reason-redeem-reward", &[("reward", detail)]),
        Reason::Bonus => match detail {
            "signup" | "referral" | "review" | "birthday" => {
                t(&format!("loyalty-reason-bonus-{detail}"))
            }
            _ => t("loyalty-reason-bonus"),
        },
        Reason::Expire => t("loyalty-reason-expire"),
        Reason::Adjust => t("loyalty-reason-adjust"),
    }
}

/// "+54" / "-40" / "0".
pub fn signed(delta: i64) -> String {
    if delta > 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::domain::tiers::TierBasis;

    fn program(extra: &str) -> Program {
        let text = format!(
            "[shop]\ncurrency = \"EUR\"\n{extra}\n[[tiers]]\nname = \"Silver\"\nmin = 0\n[[tiers]]\nname = \"Gold\"\nmin = 500\n"
        );
        Config::parse(&text, Path::new("c")).unwrap().loyalty()
    }

    fn at(tier: usize, metric: i64) -> Standing {
        Standing {
            tier,
            metric,
            since: None,
            grace_until: None,
        }
    }

    #[test]
    fn gaps_read_as_money_or_visits() {
        let spend = program("");
        assert_eq!(gap_text(&spend, &at(0, 46_300)).unwrap(), "€37 to Gold");
        assert_eq!(
            gap_text(&spend, &at(0, 46_350)).unwrap(),
            "€37 to Gold",
            "rounded up"
        );
        assert_eq!(gap_text(&spend, &at(1, 60_000)), None);
        let visits = program("[loyalty]\ntier_basis = \"visits\"");
        assert_eq!(gap_text(&visits, &at(0, 499)).unwrap(), "1 visit to Gold");
        assert_eq!(gap_text(&visits, &at(0, 498)).unwrap(), "2 visits to Gold");
        assert_eq!(metric_text(&visits, 12), "12 visits");
        assert_eq!(metric_text(&spend, 46_399), "€463");
        assert_eq!(spend.tiers.basis, TierBasis::Spend);
        let gap = spend.gap_to(3_650, "Gold");
        assert_eq!(tier_gap(&gap), "€37 to Gold");
        assert_eq!(gap_to(&spend, 3_650, "Gold"), "€37 to Gold");
        assert_eq!(amount_text(&spend, -5), "€0");
    }
}
