//! Entry point: everything happens in the library so tests can reach it.

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, so `regulars member find a | head` would panic on
    // the closed pipe; the default action ends the process quietly instead,
    // as every other command-line tool does.
    #[cfg(unix)]
    // SAFETY: called before any other thread exists; only resets a signal disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    regulars::run()
}
