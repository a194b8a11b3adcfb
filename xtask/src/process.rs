//! Running external commands with the step printed first.

use crate::tools::Tools;
use std::process::Command;

/// Prints the command, runs it, and fails with its exit status.
pub fn run(command: &mut Command) -> Result<(), String> {
    println!("==> {}", describe(command));
    let status = command.status().map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs the command quietly and returns its standard output, or `None` if it cannot run or
/// fails. Used to probe installed tools.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `cargo` with the project's tools first on `PATH`.
pub fn cargo(tools: &Tools) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.env("PATH", &tools.path);
    command
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program().to_string_lossy().into_owned())
        .chain(command.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}
