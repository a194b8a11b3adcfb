//! Running external commands with the step printed first.

use crate::tools::Tools;
use std::process::{Command, Stdio};

/// Prints the command, runs it, and fails with its exit status.
pub fn run(command: &mut Command) -> Result<(), String> {
    println!("==> {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Passed and failed tests, summed over `cargo test` runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
}

impl Tally {
    /// Adds the counts of a libtest summary line (`test result: ok. 3 passed; 0 failed; …`).
    fn add_summary(&mut self, line: &str) {
        let Some(rest) = line.strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(['.', ';']) {
            let mut words = part.split_whitespace();
            if let (Some(n), Some(what)) = (
                words.next().and_then(|n| n.parse::<usize>().ok()),
                words.next(),
            ) {
                match what {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    _ => {}
                }
            }
        }
    }
}

/// Runs a `cargo test` command like [`run`], echoing its output and adding its summaries to
/// `tally`; fails when the command fails.
pub fn run_tests(command: &mut Command, tally: &mut Tally) -> Result<(), String> {
    use std::io::{BufRead, BufReader};
    println!("==> {}", describe(command));
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    for line in BufReader::new(child.stdout.take().expect("stdout is piped")).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        tally.add_summary(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
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
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_summed() {
        let mut tally = Tally::default();
        for line in [
            "test result: ok. 21 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.24s",
            "running 3 tests",
            "test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
            "test counting_table ... ok",
        ] {
            tally.add_summary(line);
        }
        assert_eq!(
            tally,
            Tally {
                passed: 23,
                failed: 1
            }
        );
    }
}
