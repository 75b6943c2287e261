//! `consent KEY --grant sms,email | --withdraw sms [--how counter]`.

use clap::Args;
use serde_json::{Map, Value};

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::t_args;
use crate::ops::{consent, lookup};
use crate::words::consent::state_text;
use crate::words::review::channel_name;

#[derive(Debug, Args)]
pub struct ConsentArgs {
    /// The member: id, card, phone or email.
    key: String,
    /// Channels the member agrees to from now on.
    #[arg(long, value_delimiter = ',', value_name = "sms,email")]
    grant: Vec<String>,
    /// Channels the member no longer agrees to.
    #[arg(long, value_delimiter = ',', value_name = "sms")]
    withdraw: Vec<String>,
    /// Where it was given: counter, signup, import, form or cli.
    #[arg(long, default_value = "cli")]
    how: String,
    #[command(flatten)]
    json: JsonFlag,
}

/// `{"sms": true, "email": false, …}`: the current state per channel.
pub fn state_json(now: &[(crate::domain::member::Channel, bool)]) -> Value {
    let map: Map<String, Value> = now
        .iter()
        .map(|(c, granted)| (c.code().to_string(), Value::Bool(*granted)))
        .collect();
    Value::Object(map)
}

pub fn run_consent(ctx: &Ctx, a: ConsentArgs) -> Result<()> {
    let grant = consent::channels(&a.grant)?;
    let withdraw = consent::channels(&a.withdraw)?;
    let how = consent::how(&a.how)?;
    let id = lookup::find_member(ctx, &a.key)?;
    let changed = consent::change_consent(ctx, id, &grant, &withdraw, how)?;
    if a.json.json {
        let value = serde_json::json!({
            "member_id": changed.member_id,
            "name": changed.name,
            "consent": state_json(&changed.now),
        });
        return stdout::print_line(value);
    }
    let mut text = t_args(
        "cli-consent-saved",
        &[("name", &changed.name), ("id", &id.to_string())],
    );
    text.push('\n');
    for (channel, granted) in &changed.now {
        text.push_str(&format!(
            "  {}: {}\n",
            channel_name(*channel),
            state_text(*granted)
        ));
    }
    stdout::print(&text)
}
