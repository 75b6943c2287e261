//! Clap's help texts from the locale files.
//!
//! Doc comments on the clap structs are the English fallback; for every
//! command and argument a message `help-<command path>[-<arg>]` in the
//! chosen language replaces it, so `--help` speaks the user's language.

use clap::{Command, CommandFactory};

use super::Cli;
use crate::i18n::t_opt;

/// The CLI definition with help texts in the current language.
pub fn localised_command() -> Command {
    localise(Cli::command(), "help")
}

fn localise(mut cmd: Command, prefix: &str) -> Command {
    if let Some(about) = t_opt(prefix) {
        cmd = cmd.about(about);
    }
    let arg_ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in arg_ids {
        let key = format!("{prefix}-{}", id.replace('_', "-"));
        if let Some(help) = t_opt(&key) {
            cmd = cmd.mut_arg(id, |a| a.help(help));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let child_prefix = format!("{prefix}-{name}");
        cmd = cmd.mut_subcommand(name, |sub| localise(sub, &child_prefix));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_localised_about() {
        fn walk(cmd: &Command, prefix: &str, missing: &mut Vec<String>) {
            if t_opt(prefix).is_none() {
                missing.push(prefix.to_string());
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                walk(sub, &format!("{prefix}-{}", sub.get_name()), missing);
            }
        }
        let mut missing = vec![];
        walk(&Cli::command(), "help", &mut missing);
        assert!(missing.is_empty(), "no help text in en.ftl for {missing:?}");
        localised_command().debug_assert();
    }
}
