//! Filling the club with made-up members to try the app: the same fill
//! for `regulars demo` and the welcome screen's `d`.

use crate::context::Ctx;
use crate::demo;
use crate::error::Result;

/// How many demo members are made unless asked otherwise, and with which
/// seed (the same club every time, so a demo can be repeated).
pub const MEMBERS: usize = 200;
pub const SEED: u64 = 42;

/// Adds `members` made-up members (the same ones for the same `seed`) with
/// their receipts and points, in one transaction. `progress` hears how
/// many are made so far; when it answers false nothing is added. Returns
/// how many were added.
pub fn fill(
    ctx: &mut Ctx,
    members: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<usize> {
    let program = ctx.program().clone();
    let now = ctx.clock.now();
    demo::fill_with_progress(&mut ctx.conn, now, members, seed, &program, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::testing::{club, ledger_rows};

    fn members(ctx: &Ctx) -> i64 {
        ctx.conn
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_fill_adds_members_and_a_stopped_one_adds_nothing() {
        let (_dir, mut ctx) = club();
        // Asked after every hundred members: stopped at the first ask.
        let mut asked = 0;
        let stopped = fill(&mut ctx, 1500, SEED, &mut |_| {
            asked += 1;
            false
        });
        assert_eq!((stopped.unwrap(), asked), (0, 1));
        assert_eq!(members(&ctx), 0);
        assert_eq!(ledger_rows(&ctx), 0);
        let added = fill(&mut ctx, 30, SEED, &mut |_| true).unwrap();
        assert_eq!(added, 30);
        assert_eq!(members(&ctx), 30);
    }
}
