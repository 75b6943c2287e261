//! Who a customer on a receipt is: the ways a till names a customer, and
//! the queries that find the member an identity belongs to (their own
//! card, phone or email, or one linked to them by hand).

use rusqlite::{Connection, params};

use crate::error::Result;

/// The ways a till names a customer, in the order they are matched (which
/// is also their order in [`Identity::ALL`], so `identity as usize` indexes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Identity {
    Card,
    /// The till's own id of the customer (Square's `Customer ID`): a
    /// member's only through a link, made by hand or by a receipt that
    /// carries it beside the member's card.
    TillCustomer,
    Phone,
    Email,
}

impl Identity {
    pub const ALL: [Identity; 4] = [
        Identity::Card,
        Identity::TillCustomer,
        Identity::Phone,
        Identity::Email,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Identity::Card => "card",
            Identity::TillCustomer => "till_customer",
            Identity::Phone => "phone",
            Identity::Email => "email",
        }
    }

    /// The receipts' column that holds an identity of this kind.
    pub fn column(self) -> &'static str {
        match self {
            Identity::Card => "cust_card",
            Identity::TillCustomer => "cust_till_id",
            Identity::Phone => "cust_phone",
            Identity::Email => "cust_email",
        }
    }

    pub fn from_code(code: &str) -> Option<Identity> {
        Identity::ALL.into_iter().find(|i| i.code() == code)
    }

    /// The query saying whether any member could be found by an identity
    /// of this kind (bound to its code).
    pub(super) fn anyone_sql(self) -> &'static str {
        match self {
            Identity::Card => ANYONE_BY_CARD,
            Identity::TillCustomer => ANYONE_BY_TILL_CUSTOMER,
            Identity::Phone => ANYONE_BY_PHONE,
            Identity::Email => ANYONE_BY_EMAIL,
        }
    }

    /// The query finding the member an identity of this kind belongs to.
    pub(super) fn member_sql(self) -> &'static str {
        match self {
            Identity::Card => MEMBER_BY_CARD,
            Identity::TillCustomer => MEMBER_BY_TILL_CUSTOMER,
            Identity::Phone => MEMBER_BY_PHONE,
            Identity::Email => MEMBER_BY_EMAIL,
        }
    }
}

/// The member a card, phone (E.164) or email (lower-case) belongs to: the
/// member's own field first, then an identity linked to them by hand.
pub fn member_for(conn: &Connection, identity: Identity, value: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(identity.member_sql())?
        .query_row(params![value, identity.code()], |r| r.get(0))?)
}

/// One row, the member's id or NULL: a member whose own field holds the
/// value (the lowest id of them), else one it is linked to by hand. Two
/// index lookups, not a union sorted for its first row: an import asks
/// this for every customer it has not met yet.
macro_rules! member_by {
    ($column:literal) => {
        concat!(
            "SELECT coalesce(
                (SELECT min(id) FROM members WHERE ",
            $column,
            " = ?1 AND erased_at IS NULL),
                (SELECT min(l.member_id) FROM customer_links l JOIN members m ON m.id = l.member_id
                 WHERE l.kind = ?2 AND l.value = ?1 AND m.erased_at IS NULL))"
        )
    };
}
const MEMBER_BY_CARD: &str = member_by!("card");
const MEMBER_BY_PHONE: &str = member_by!("phone");
const MEMBER_BY_EMAIL: &str = member_by!("email");
/// Whether any member can be found by an identity of kind ?1 at all.
macro_rules! anyone_by {
    ($column:literal) => {
        concat!(
            "SELECT EXISTS (SELECT 1 FROM members WHERE ",
            $column,
            " IS NOT NULL AND erased_at IS NULL)
                 OR EXISTS (SELECT 1 FROM customer_links WHERE kind = ?1)"
        )
    };
}
const ANYONE_BY_CARD: &str = anyone_by!("card");
const ANYONE_BY_PHONE: &str = anyone_by!("phone");
const ANYONE_BY_EMAIL: &str = anyone_by!("email");
const ANYONE_BY_TILL_CUSTOMER: &str =
    "SELECT EXISTS (SELECT 1 FROM customer_links WHERE kind = ?1)";
/// No member has a till customer id of their own: only links name one.
const MEMBER_BY_TILL_CUSTOMER: &str = "SELECT min(l.member_id) FROM customer_links l
    JOIN members m ON m.id = l.member_id
    WHERE l.kind = ?2 AND l.value = ?1 AND m.erased_at IS NULL";
