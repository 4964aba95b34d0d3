//! The `shinchoku` binary: argument parsing and wiring only.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shinchoku_cli::pipeline;

#[derive(Parser)]
#[command(
    name = "shinchoku",
    version,
    about = "Turns Japanese municipal KPI progress reports (KPI進捗状況一覧表, 進行管理報告書) into canonical JSON."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one report (text or PDF) into a JSON document.
    Extract {
        /// Input file, or `-` for stdin.
        input: PathBuf,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Indented JSON for people instead of canonical JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Parse one Japanese date expression and print its Period as JSON.
    Date {
        /// The expression, e.g. `R5年度末`, `令和3（2021）年度`.
        expr: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            input,
            output,
            pretty,
        } => {
            let name = pipeline::display_name(&input);
            let bytes = match std::fs::read(&input) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: {}: {e}", input.display());
                    return ExitCode::from(2);
                }
            };
            let doc = match pipeline::process_bytes(&name, &bytes, &pipeline::Options::default()) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("error: {}: {e}", input.display());
                    return ExitCode::from(2);
                }
            };
            let out = if pretty {
                shinchoku_writer::to_pretty_json(&doc)
            } else {
                shinchoku_writer::to_canonical_json(&doc)
            }
            .expect("documents always serialize");
            let _ = output;
            let _ = std::io::stdout().write_all(&out);
            ExitCode::SUCCESS
        }
        Command::Date { expr } => match shinchoku_extract::era::parse_period(&expr) {
            Ok(p) => {
                let out =
                    shinchoku_writer::to_canonical_json(&p.period).expect("periods serialize");
                println!("{}", String::from_utf8_lossy(&out));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {expr}: {e}");
                ExitCode::from(2)
            }
        },
    }
}
