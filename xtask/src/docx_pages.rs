//! `compare-docx`: every corpus document exported as the GB/T 9704 `.docx` (without a 版头, with
//! its space left for 红头纸, and with a full 版头), laid out by
//! LibreOffice Writer (headless, converted to PDF), against the pages and lines the engine
//! shows. The exported file is what the drafter hands in, so the two must agree.
//!
//! The figures are kept in `xtask/docx-pages.tsv`. `cargo xtask test` runs the comparison and
//! fails on any document whose file and screen differ in pages or lines, and when any figure
//! differs from the table (`cargo xtask compare-docx --write` brings the table up to date, for
//! review in the commit; the end-to-end tests read LibreOffice's figures from it).
//!
//! Lines are counted as the PDF shows them: lines with text inside the text block (the page
//! number below it is not a line). The engine's figure to compare is its lines less the empty
//! paragraphs, which take a line but print nothing.

use crate::process;
use crate::tools;
use jianwen_engine::elements::elements;
use jianwen_engine::layout::{layout, LayoutProfile};
use jianwen_io::{full_header_lines, gbt9704_docx, DocFields, DocxOptions, HeaderMode};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Points from the top of an A4 page to the bottom of the 版心 (297 − 35 mm): anything lower is
/// the page number.
const TEXT_BOTTOM_PT: f64 = (297.0 - 35.0) * 72.0 / 25.4;

/// Two words whose vertical centres are closer than this are on one line (lines are 28.95 pt
/// apart; a Latin and a CJK glyph of one line differ by a few points).
const SAME_LINE_PT: f64 = 8.0;

/// Each document is exported three ways: without a 版头, with its space left blank for 红头纸,
/// and with a full 版头 (发文机关标志 and 发文字号: two lines of text the PDF shows, which the
/// engine's reservation holds but does not count as lines). (name suffix, fields, header lines of
/// text).
fn header_variants() -> [(&'static str, DocFields, usize); 3] {
    let full = DocFields {
        header: HeaderMode::Full,
        issuer_mark: "某某市人民政府文件".to_owned(),
        doc_number: "某政发〔2026〕1号".to_owned(),
        ..DocFields::default()
    };
    let space = DocFields {
        header: HeaderMode::Space,
        ..DocFields::default()
    };
    [
        ("", DocFields::default(), 0),
        ("+版头留空", space, 0),
        ("+完整版头", full, 2),
    ]
}

/// One document's figures.
struct Row {
    name: String,
    engine: (usize, usize),
    office: (usize, usize),
}

/// Where the figures are kept.
fn table_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docx-pages.tsv")
}

/// Prints the comparison; with `write`, also keeps it as the table `check` holds to.
pub fn compare(write: bool) -> Result<(), String> {
    let rows = measure()?;
    print!("{}", table(&rows));
    if write {
        let path = table_path();
        std::fs::write(&path, tsv(&rows))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("==> wrote {}", path.display());
    }
    Ok(())
}

/// Fails when a document that agreed no longer does, or a figure differs from the kept table.
pub fn check() -> Result<(), String> {
    let rows = measure()?;
    print!("{}", table(&rows));
    let path = table_path();
    let kept = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let problems = differences(&kept, &tsv(&rows), &path.display().to_string());
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// What is wrong with the figures `now` against the `kept` table (both as [`tsv`] writes them):
/// every document whose exported file and screen differ, or else any difference from the table.
fn differences(kept: &str, now: &str, table: &str) -> Vec<String> {
    let mut problems: Vec<String> = now
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() != 5 || f[1] != f[3] || f[2] != f[4]).then(|| {
                format!(
                    "{}: the exported .docx has {} pages and {} lines, the screen {} and {}",
                    f[0],
                    f.get(3).unwrap_or(&"?"),
                    f.get(4).unwrap_or(&"?"),
                    f.get(1).unwrap_or(&"?"),
                    f.get(2).unwrap_or(&"?")
                )
            })
        })
        .collect();
    if problems.is_empty() && now != kept {
        problems.push(format!(
            "the figures differ from {table}: run `cargo xtask compare-docx --write` and commit the table"
        ));
    }
    problems
}

/// The figures as the kept table writes them.
fn tsv(rows: &[Row]) -> String {
    let mut out = String::from(
        "document\tengine_pages\tengine_lines\tlibreoffice_pages\tlibreoffice_lines\n",
    );
    for row in rows {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            row.name, row.engine.0, row.engine.1, row.office.0, row.office.1
        ));
    }
    out
}

/// Exports, lays out and counts every corpus document.
fn measure() -> Result<Vec<Row>, String> {
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
    let mut cases: Vec<(String, (usize, usize))> = Vec::new();
    let mut files = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(corpus.join(format!("{name}.txt")))
            .map_err(|e| e.to_string())?;
        for (suffix, fields, header_text_lines) in header_variants() {
            // What the app reserves: a full 版头's own height, the typical space for 红头纸.
            let reserved = match fields.header {
                HeaderMode::None => 0,
                HeaderMode::Full => full_header_lines(&fields),
                HeaderMode::Space => LayoutProfile::TYPICAL_HEADER_LINES,
            };
            let profile = LayoutProfile::gbt9704().with_header_lines(reserved);
            let laid_out = layout(&text, &profile);
            let empty = laid_out
                .paragraphs
                .iter()
                .filter(|p| text[p.span.clone()].trim().is_empty())
                .count();
            let options = DocxOptions {
                fields,
                reserved_lines: reserved,
                ..DocxOptions::default()
            };
            let docx = gbt9704_docx(&text, &elements(&text), &options);
            let case = format!("{name}{suffix}");
            let file = out.join(format!("{case}.docx"));
            std::fs::write(&file, docx).map_err(|e| e.to_string())?;
            files.push(file);
            let lines = laid_out.lines - empty + header_text_lines;
            cases.push((case, (laid_out.pages, lines)));
        }
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
    for (name, engine) in cases {
        let pdf = out.join(format!("{name}.pdf"));
        rows.push(Row {
            name,
            engine,
            office: pdf_pages_and_lines(&pdf)?,
        });
    }
    Ok(rows)
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
        "{:<64} {:>13} {:>17} {:>6}\n",
        "document", "engine pp/ln", "LibreOffice pp/ln", "agree"
    );
    for row in rows {
        let agree = row.engine == row.office;
        out.push_str(&format!(
            "{:<64} {:>6} {:>6} {:>8} {:>8} {:>6}\n",
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
    fn any_difference_between_file_and_screen_fails_and_so_does_a_stale_table() {
        let head = "document\tengine_pages\tengine_lines\tlibreoffice_pages\tlibreoffice_lines\n";
        let kept = format!("{head}a\t1\t20\t1\t20\nb\t2\t30\t2\t30\n");
        let cases = [
            (kept.clone(), 0, ""),
            (
                format!("{head}a\t1\t20\t1\t21\nb\t2\t30\t2\t30\n"),
                1,
                "a: ",
            ),
            (format!("{head}a\t1\t20\t2\t20\nb\t2\t30\t2\t31\n"), 2, ""),
            (
                format!("{head}a\t1\t21\t1\t21\nb\t2\t30\t2\t30\n"),
                1,
                "the figures differ",
            ),
            (format!("{head}b\t2\t30\t2\t30\n"), 1, "the figures differ"),
        ];
        for (now, count, start) in cases {
            let problems = differences(&kept, &now, "docx-pages.tsv");
            assert_eq!(problems.len(), count, "{now}");
            assert!(
                problems.iter().all(|p| p.starts_with(start)),
                "{problems:?}"
            );
        }
    }

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
