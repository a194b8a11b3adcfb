//! `compare-docx`: every corpus document exported as the GB/T 9704 `.docx`, laid out by
//! LibreOffice Writer (headless, converted to PDF), against the pages and lines the engine
//! shows. The exported file is what the drafter hands in, so the two must agree.
//!
//! Lines are counted as the PDF shows them: lines with text inside the text block (the page
//! number below it is not a line). The engine's figure to compare is its lines less the empty
//! paragraphs, which take a line but print nothing.

use crate::process;
use crate::tools;
use jianwen_engine::elements::elements;
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_io::{gbt9704_docx, DocxOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Points from the top of an A4 page to the bottom of the 版心 (297 − 35 mm): anything lower is
/// the page number.
const TEXT_BOTTOM_PT: f64 = (297.0 - 35.0) * 72.0 / 25.4;

/// Two words whose vertical centres are closer than this are on one line (lines are 28.95 pt
/// apart; a Latin and a CJK glyph of one line differ by a few points).
const SAME_LINE_PT: f64 = 8.0;

/// One document's figures.
struct Row {
    name: String,
    engine: (usize, usize),
    office: (usize, usize),
}

pub fn compare() -> Result<(), String> {
    let soffice = tools::ensure_libreoffice()?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = root.join("engine/tests/fixtures/corpus");
    let out = root.join("target/docx-compare");
    std::fs::remove_dir_all(&out).ok();
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .map_err(|e| format!("cannot read {}: {e}", corpus.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    names.sort();
    let profile = LayoutProfile::gbt9704();
    let mut engine = Vec::new();
    let mut files = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(corpus.join(format!("{name}.txt")))
            .map_err(|e| e.to_string())?;
        let laid_out = layout(&text, &profile);
        let empty = laid_out
            .paragraphs
            .iter()
            .filter(|p| text[p.span.clone()].trim().is_empty())
            .count();
        engine.push((laid_out.pages, laid_out.lines - empty));
        let docx = gbt9704_docx(&text, &elements(&text), &DocxOptions::default());
        let file = out.join(format!("{name}.docx"));
        std::fs::write(&file, docx).map_err(|e| e.to_string())?;
        files.push(file);
    }
    let profile_dir = out.join("profile");
    let mut convert = Command::new(&soffice);
    convert
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile_dir.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out)
        .args(&files)
        .env("SAL_USE_VCLPLUGIN", "svp");
    process::run(&mut convert)?;
    let mut rows = Vec::new();
    for (name, engine) in names.iter().zip(engine) {
        let pdf = out.join(format!("{name}.pdf"));
        rows.push(Row {
            name: name.clone(),
            engine,
            office: pdf_pages_and_lines(&pdf)?,
        });
    }
    print!("{}", table(&rows));
    Ok(())
}

/// The page count of a PDF and its lines of text inside the text block.
fn pdf_pages_and_lines(pdf: &Path) -> Result<(usize, usize), String> {
    let run = |program: &str, args: &[&str]| -> Result<String, String> {
        let output = Command::new(program)
            .args(args)
            .arg(pdf)
            .args(if program == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        if !output.status.success() {
            return Err(format!("{program} failed on {}", pdf.display()));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let info = run("pdfinfo", &[])?;
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("no page count for {}", pdf.display()))?;
    let boxes = run("pdftotext", &["-bbox"])?;
    Ok((pages, count_lines(&boxes)))
}

/// Lines of text in `pdftotext -bbox` output: per page, the distinct vertical positions of
/// words above the bottom of the 版心.
fn count_lines(bbox_html: &str) -> usize {
    bbox_html
        .split("<page ")
        .skip(1)
        .map(|page| {
            let mut centres: Vec<f64> = page
                .split("<word ")
                .skip(1)
                .filter_map(|word| {
                    let number = |key: &str| -> Option<f64> {
                        let rest = &word[word.find(&format!("{key}=\""))? + key.len() + 2..];
                        rest[..rest.find('"')?].parse().ok()
                    };
                    Some((number("yMin")? + number("yMax")?) / 2.0)
                })
                .filter(|&y| y < TEXT_BOTTOM_PT)
                .collect();
            centres.sort_by(f64::total_cmp);
            let mut lines = 0;
            let mut last = f64::NEG_INFINITY;
            for y in centres {
                if y - last > SAME_LINE_PT {
                    lines += 1;
                }
                last = y;
            }
            lines
        })
        .sum()
}

fn table(rows: &[Row]) -> String {
    let mut out = format!(
        "{:<58} {:>13} {:>17} {:>6}\n",
        "document", "engine pp/ln", "LibreOffice pp/ln", "agree"
    );
    for row in rows {
        let agree = row.engine == row.office;
        out.push_str(&format!(
            "{:<58} {:>6} {:>6} {:>8} {:>8} {:>6}\n",
            row.name,
            row.engine.0,
            row.engine.1,
            row.office.0,
            row.office.1,
            if agree { "yes" } else { "no" }
        ));
    }
    let pages = rows.iter().filter(|r| r.engine.0 == r.office.0).count();
    let both = rows.iter().filter(|r| r.engine == r.office).count();
    out.push_str(&format!(
        "same pages: {pages} of {}; same pages and lines: {both} of {}\n",
        rows.len(),
        rows.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_distinct_heights_above_the_page_number() {
        let word = |y: f64| {
            format!(
                r#"<word xMin="1" yMin="{y}" xMax="2" yMax="{}">字</word>"#,
                y + 14.0
            )
        };
        let page = |ys: &[f64]| {
            format!(
                "<page >{}</page>",
                ys.iter().map(|&y| word(y)).collect::<String>()
            )
        };
        let html = format!(
            "<doc>{}{}</doc>",
            page(&[100.0, 101.5, 130.0, 159.0, 780.0]),
            page(&[100.0])
        );
        assert_eq!(
            count_lines(&html),
            4,
            "three lines, then one; the footer is not a line"
        );
    }
}
