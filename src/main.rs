//! The `galley` binary: arguments -> command; errors -> one line on stderr and exit status 2.

use clap::Parser;
use galley::cli::{self, Cli, Io};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut err = std::io::stderr();
    let mut input = std::io::stdin();
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        input: &mut input,
        personal: cli::personal_dictionary(),
        state: cli::state_dir(),
        config: cli::config_path(),
    };
    let result = cli::run(cli, &mut io).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "galley: {e:#}");
            ExitCode::from(cli::exit::ERROR)
        }
    }
}

/// A reader that stopped reading (`galley check | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
