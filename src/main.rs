//! Entry point: everything happens in the library so tests can reach it.

fn main() -> std::process::ExitCode {
    regulars::run()
}
