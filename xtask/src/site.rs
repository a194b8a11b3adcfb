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
    let dist = workspace_root().join("dist");
    trunk_build(tools, &[], &dist)?;
    report_sizes(&dist)?;
    Ok(dist)
}

/// Builds the `panic-probe` test build into `target/dist-panic-probe` (never shipped): the same
/// app, in which typing a probe text panics, so the tests can see the panic screen.
pub fn build_panic_probe(tools: &Tools) -> Result<PathBuf, String> {
    let dist = workspace_root().join("target/dist-panic-probe");
    trunk_build(tools, &["--features", "panic-probe"], &dist)?;
    Ok(dist)
}

/// Builds the engine's benchmark page (`wasm-bench/`, never shipped) into `target/wasm-bench`,
/// with the app's release profile and wasm-opt level.
pub fn build_wasm_bench(tools: &Tools) -> Result<PathBuf, String> {
    let dist = workspace_root().join("target/wasm-bench");
    let mut trunk = std::process::Command::new("trunk");
    trunk
        .current_dir(workspace_root())
        .env("PATH", &tools.path)
        .args(["build", "wasm-bench/index.html", "--release", "--dist"])
        .arg(&dist);
    run(&mut trunk)?;
    Ok(dist)
}

/// `trunk build --release` into `dist`, then the CSP pinning of its inline script.
fn trunk_build(tools: &Tools, extra_args: &[&str], dist: &Path) -> Result<(), String> {
    let mut trunk = std::process::Command::new("trunk");
    trunk
        .current_dir(workspace_root())
        .env("PATH", &tools.path)
        .args(["build", "--release"])
        .args(extra_args)
        .arg("--dist")
        .arg(dist);
    run(&mut trunk)?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, pin_inline_scripts(&html)?)
        .map_err(|e| format!("{}: {e}", index.display()))
}

/// Writes `dist/简文.html`: the whole app in one file (CSS, the JS glue and the wasm as base64
/// inlined), which works when opened from disk (`file://`) where module scripts and `fetch` of
/// the wasm are refused. Its CSP pins the inline script and style by hash and allows no loads.
pub fn single_file(dist: &Path) -> Result<PathBuf, String> {
    let find = |extension: &str| -> Result<PathBuf, String> {
        let mut found = std::fs::read_dir(dist)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == extension));
        match (found.next(), found.next()) {
            (Some(path), None) => Ok(path),
            _ => Err(format!("dist/ must hold exactly one .{extension} file")),
        }
    };
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let css = String::from_utf8(read(&find("css")?)?).map_err(|e| e.to_string())?;
    let glue = String::from_utf8(read(&find("js")?)?).map_err(|e| e.to_string())?;
    let wasm = base64::engine::general_purpose::STANDARD.encode(read(&find("wasm")?)?);
    if css.contains("</style") || glue.contains("</script") {
        return Err("the CSS or JS contains a closing tag and cannot be inlined".into());
    }
    let script = format!(
        "{glue}\nconst wasmBytes = Uint8Array.from(atob(\"{wasm}\"), c => c.charCodeAt(0));\ninitSync({{ module: wasmBytes }});\n"
    );
    let hash = |text: &str| {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    };
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-{script_hash}' 'wasm-unsafe-eval'; style-src 'sha256-{style_hash}'; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" />
<meta name="referrer" content="no-referrer" />
<title>简文 · 公文起草助手</title>
<link rel="icon" href="data:," />
<style>{css}</style>
<script type="module">{script}</script>
</head>
<body>
<noscript>简文需要启用 JavaScript 才能运行。</noscript>
</body>
</html>
"#,
        script_hash = hash(&script),
        style_hash = hash(&css),
    );
    let path = dist.join("简文.html");
    std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "==> wrote {} ({} B, {} B gzipped)",
        path.display(),
        std::fs::metadata(&path).map_or(0, |m| m.len()),
        gzip_len(&read(&path)?)
    );
    Ok(path)
}

const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// Adds the SHA-256 of every inline `<script>` (Trunk's module loader) to the page's
/// Content-Security-Policy, so the policy allows exactly that code and no other inline script.
fn pin_inline_scripts(html: &str) -> Result<String, String> {
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let tag_end = rest[open..].find('>').ok_or("unterminated <script> tag")? + open;
        let close = rest[tag_end..]
            .find("</script>")
            .ok_or("unterminated <script> element")?
            + tag_end;
        if !rest[open..tag_end].contains("src=") {
            let digest = Sha256::digest(&rest.as_bytes()[tag_end + 1..close]);
            hashes.push_str(&format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[close..];
    }
    if !html.contains(SCRIPT_SRC) {
        return Err(format!(
            "index.html has no `{SCRIPT_SRC}` in its Content-Security-Policy"
        ));
    }
    Ok(html.replacen(SCRIPT_SRC, &format!("{SCRIPT_SRC}{hashes}"), 1))
}

/// Prints raw and `gzip -9` sizes of the files a browser loads, and their total.
fn report_sizes(dist: &Path) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| ["html", "js", "wasm", "css"].iter().any(|e| x == *e))
        })
        .collect();
    entries.sort();
    // The single-file build is a second copy of the same app, not part of what a browser loads.
    entries.retain(|p| p.file_name().is_none_or(|n| n != "简文.html"));
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("==> dist/ size (raw / gzip -9):");
    for path in entries {
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        println!(
            "    {:>9} B / {:>8} B  {}",
            bytes.len(),
            gz,
            path.file_name().unwrap_or_default().to_string_lossy()
        );
    }
    println!("    {raw_total:>9} B / {gz_total:>8} B  total");
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder
        .finish()
        .expect("writing to memory cannot fail")
        .len()
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
        assert!(
            pinned.contains(&format!("{SCRIPT_SRC} 'sha256-{hash}'; style-src")),
            "{pinned}"
        );
        assert_eq!(pinned.matches("sha256-").count(), 1);
    }

    #[test]
    fn a_page_without_the_policy_is_refused() {
        assert!(pin_inline_scripts("<script>x</script>").is_err());
    }
}
