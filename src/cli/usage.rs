//! Usage errors in the user's language. Clap writes its own errors in
//! English; the common ones (an unknown option or command, a missing or
//! bad value) are worded here from clap's parts instead. Help and version
//! output, and kinds not listed, stay clap's.

use clap::error::{ContextKind, ErrorKind};

use crate::i18n::t_args;

/// Prints a usage error and ends the process with code 2, as clap would.
pub fn exit(e: clap::Error) -> ! {
    match words(&e) {
        Some(text) => {
            eprintln!("regulars: {text}");
            eprintln!("{}", crate::i18n::t("err-usage-help"));
            std::process::exit(2)
        }
        None => e.exit(),
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    e.get(kind).map(|v| v.to_string()).unwrap_or_default()
}

/// The error in words, or None for what clap says best itself.
fn words(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let text = match e.kind() {
        ErrorKind::UnknownArgument => t_args("err-usage-unknown-arg", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let command = context(e, ContextKind::InvalidSubcommand);
            t_args("err-usage-unknown-command", &[("command", &command)])
        }
        ErrorKind::MissingRequiredArgument => t_args("err-usage-missing", &[("arg", &arg)]),
        ErrorKind::NoEquals | ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            match valid.is_empty() {
                true => t_args("err-usage-bad-value", &[("arg", &arg), ("value", &value)]),
                false => t_args(
                    "err-usage-bad-value-choose",
                    &[("arg", &arg), ("value", &value), ("valid", &valid)],
                ),
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            t_args(
                "err-usage-invalid",
                &[("arg", &arg), ("value", &value), ("why", &why)],
            )
        }
        _ => return None,
    };
    Some(text)
}
