//! Building the static site into `dist/` and checking what it weighs.

use crate::process::run;
use crate::tools::{workspace_root, Tools};
use base64::Engine as _;
use flate2::{write::GzEncoder, Compression};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Builds the release site with Trunk, pins its inline loader script in the CSP, and prints the
/// size of each file, raw and gzipped. Returns the `dist/` path.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    let root = workspace_root();
    let mut trunk = std::process::Command::new("trunk");
    trunk.current_dir(&root).env("PATH", &tools.path).args(["build", "--release"]);
    run(&mut trunk)?;
    let dist = root.join("dist");
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, pin_inline_scripts(&html)?).map_err(|e| format!("{}: {e}", index.display()))?;
    report_sizes(&dist)?;
    Ok(dist)
}

const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// Adds the SHA-256 of every inline `<script>` (Trunk's module loader) to the page's
/// Content-Security-Policy, so the policy allows exactly that code and no other inline script.
fn pin_inline_scripts(html: &str) -> Result<String, String> {
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let tag_end = rest[open..].find('>').ok_or("unterminated <script> tag")? + open;
        let close = rest[tag_end..].find("</script>").ok_or("unterminated <script> element")? + tag_end;
        if !rest[open..tag_end].contains("src=") {
            let digest = Sha256::digest(rest[tag_end + 1..close].as_bytes());
            hashes.push_str(&format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &rest[close..];
    }
    if !html.contains(SCRIPT_SRC) {
        return Err(format!("index.html has no `{SCRIPT_SRC}` in its Content-Security-Policy"));
    }
    Ok(html.replacen(SCRIPT_SRC, &format!("{SCRIPT_SRC}{hashes}"), 1))
}

/// Prints raw and `gzip -9` sizes of the files a browser loads, and their total.
fn report_sizes(dist: &Path) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| ["html", "js", "wasm", "css"].iter().any(|e| x == *e)))
        .collect();
    entries.sort();
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("==> dist/ size (raw / gzip -9):");
    for path in entries {
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        println!("    {:>9} B / {:>8} B  {}", bytes.len(), gz, path.file_name().unwrap_or_default().to_string_lossy());
    }
    println!("    {raw_total:>9} B / {gz_total:>8} B  total");
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail").len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_pinned_and_external_ones_are_not() {
        let html = format!(
            "<meta content=\"default-src 'self'; {SCRIPT_SRC}; style-src 'self'\"><script type=\"module\">import init from './a.js';</script><script src=\"b.js\"></script>"
        );
        let pinned = pin_inline_scripts(&html).unwrap();
        let digest = Sha256::digest(b"import init from './a.js';");
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(pinned.contains(&format!("{SCRIPT_SRC} 'sha256-{hash}'; style-src")), "{pinned}");
        assert_eq!(pinned.matches("sha256-").count(), 1);
    }

    #[test]
    fn a_page_without_the_policy_is_refused() {
        assert!(pin_inline_scripts("<script>x</script>").is_err());
    }
}
