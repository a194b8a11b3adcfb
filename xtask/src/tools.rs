//! Finding, and installing when missing, the tools the build and the tests need. Versions are
//! the ones known to work together (see the README's development section).

use crate::process::{self, output, run};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where the build tools are: `PATH` with the project's tool folders first.
pub struct Tools {
    pub path: OsString,
}

/// The browser, its driver, and the accessibility checker for the end-to-end tests.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    /// `axe.min.js` of the npm package axe-core, injected by the accessibility test.
    pub axe_core: PathBuf,
}

impl Browser {
    /// Tells the end-to-end tests where the browser, its driver and axe-core are.
    pub fn pass_to<'c>(&self, command: &'c mut Command) -> &'c mut Command {
        command
            .env("CHROME", &self.chromium)
            .env("CHROMEDRIVER", &self.chromedriver)
            .env("AXE_CORE_JS", &self.axe_core)
    }
}

const AXE_CORE_VERSION: &str = "4.14.1";

/// Installs axe-core from the npm registry into the tool cache when missing.
fn ensure_axe_core() -> Result<PathBuf, String> {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .ok_or("HOME is not set")?;
    let prefix = home.join(".cache/jianwen/axe");
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    let installed = std::fs::read_to_string(prefix.join("node_modules/axe-core/package.json"))
        .is_ok_and(|manifest| manifest.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")));
    if !installed {
        npm_install(&prefix, &format!("axe-core@{AXE_CORE_VERSION}"))?;
    }
    Ok(script)
}

/// Makes sure the wasm target, Trunk, wasm-bindgen-cli (at the lockfile's version) and wasm-opt
/// are installed, installing what is missing, then fetches all crates so Trunk can build offline.
pub fn ensure_build_tools() -> Result<Tools, String> {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .ok_or("HOME is not set")?;
    let binaryen_dir = home.join(".cache/jianwen/binaryen");
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".cargo"))
        .join("bin");
    let mut dirs = vec![binaryen_dir.join("node_modules/.bin"), cargo_bin];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).map_err(|e| e.to_string())?;
    // Probes below must see the same PATH as the commands they decide about.
    std::env::set_var("PATH", &path);
    let tools = Tools { path };

    let installed_targets =
        output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed_targets.lines().any(|t| t.trim() == WASM_TARGET) {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    if !version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        run(Command::new("cargo").args([
            "install",
            "--locked",
            &format!("trunk@{TRUNK_VERSION}"),
        ]))?;
    }

    let bindgen_version = lockfile_version("wasm-bindgen")?;
    if !version_of("wasm-bindgen")
        .is_some_and(|v| v.split_whitespace().any(|w| w == bindgen_version))
    {
        // Not `--locked`: the CLI's own lockfile pins a crate the registry no longer serves.
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &bindgen_version,
        ]))?;
    }

    if !version_of("wasm-opt").is_some_and(|v| v.contains(&format!("version {BINARYEN_VERSION}"))) {
        // Debian's binaryen is too old for Rust 1.95's output; the npm package is current.
        npm_install(&binaryen_dir, &format!("binaryen@{BINARYEN_VERSION}.0.0"))?;
    }

    run(process::cargo(&tools).args(["fetch"]))?;
    Ok(tools)
}

/// Makes sure Chromium, ChromeDriver and a CJK font are installed (Debian/Ubuntu packages), so
/// the browser tests render Chinese rather than boxes.
pub fn ensure_browser() -> Result<Browser, String> {
    let chromium = find_program(&["chromium", "chromium-browser"]);
    let chromedriver = find_program(&["chromedriver"]);
    let has_cjk_font =
        output("fc-list", &[":lang=zh", "family"]).is_some_and(|fonts| !fonts.trim().is_empty());
    let axe_core = ensure_axe_core()?;
    if let (Some(chromium), Some(chromedriver), true) = (&chromium, &chromedriver, has_cjk_font) {
        return Ok(Browser {
            chromium: chromium.clone(),
            chromedriver: chromedriver.clone(),
            axe_core,
        });
    }
    apt_install(&["chromium", "chromium-driver", "fonts-noto-cjk"], true)?;
    Ok(Browser {
        chromium: find_program(&["chromium", "chromium-browser"])
            .ok_or("chromium is still missing after apt-get install")?,
        chromedriver: find_program(&["chromedriver"])
            .ok_or("chromedriver is still missing after apt-get install")?,
        axe_core,
    })
}

/// Installs an npm package into its own folder of the tool cache.
fn npm_install(prefix: &Path, package: &str) -> Result<(), String> {
    std::fs::create_dir_all(prefix).map_err(|e| e.to_string())?;
    let prefix = prefix.to_string_lossy();
    run(Command::new("npm").args([
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--prefix",
        &prefix,
        package,
    ]))
}

/// Installs Debian packages, as root or through sudo, with what they recommend or without.
fn apt_install(packages: &[&str], recommended: bool) -> Result<(), String> {
    let as_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y"]);
    if !recommended {
        install.arg("--no-install-recommends");
    }
    install.args(packages);
    run(&mut install)
}

/// LibreOffice Writer (headless), poppler's PDF tools and a CJK font: the reference typesetter
/// the exported `.docx` is laid out with. Returns the `soffice` program.
pub fn ensure_libreoffice() -> Result<PathBuf, String> {
    let ready = || {
        let soffice = find_program(&["soffice", "libreoffice"])?;
        find_program(&["pdftotext"])?;
        find_program(&["pdfinfo"])?;
        output("fc-list", &["Liberation Serif"]).filter(|f| !f.trim().is_empty())?;
        Some(soffice)
    };
    if let Some(soffice) = ready() {
        return Ok(soffice);
    }
    // Liberation Serif is metric-compatible with Times New Roman, which the file names for
    // Latin letters and digits; without it the layout would depend on whatever serif is there.
    apt_install(
        &[
            "libreoffice-writer-nogui",
            "poppler-utils",
            "fonts-noto-cjk",
            "fonts-liberation",
        ],
        false,
    )?;
    ready().ok_or_else(|| "LibreOffice is still missing after apt-get install".to_owned())
}

fn version_of(program: &str) -> Option<String> {
    output(program, &["--version"])
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// The version of `crate_name` recorded in the workspace's `Cargo.lock`.
fn lockfile_version(crate_name: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let name_line = format!("name = \"{crate_name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("{crate_name} is not in Cargo.lock"))
}

/// The workspace root: the parent of this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}
