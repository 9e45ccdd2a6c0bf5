//! The `galley` binary: arguments -> command; errors -> one line on stderr and exit status 2.

use clap::Parser;
use galley::cli::{self, Cli, Io};
use galley::escape::Visible;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    // A terminal never gets a control character raw from an article, a name or a word list.
    let (out_tty, err_tty) = (stdout.is_terminal(), std::io::stderr().is_terminal());
    let buffered = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut out: Box<dyn Write> = if out_tty { Box::new(Visible::new(buffered)) } else { Box::new(buffered) };
    let mut err: Box<dyn Write> =
        if err_tty { Box::new(Visible::new(std::io::stderr())) } else { Box::new(std::io::stderr()) };
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
            let _ = writeln!(err, "galley: {}", one_line(&e));
            let _ = err.flush();
            ExitCode::from(cli::exit::ERROR)
        }
    }
}

/// The error and its causes on one line, each said once: a cause whose words the line already
/// holds (an I/O error the library named with its path) is not repeated.
fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line.replace('\n', " ")
}

/// A reader that stopped reading (`galley check | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
