//! The text of `word/document.xml`, paragraph by paragraph.

use super::attribute;
use super::numbering::{Numbering, ParagraphNumbering, LEVELS};
use crate::error::ImportError;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// WordprocessingML as Word, WPS and LibreOffice write it, and its ISO strict form.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Markup compatibility: `mc:AlternateContent` holds one object twice, a modern `mc:Choice` and
/// a `mc:Fallback` for old readers; reading both would import a text box twice.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// WordprocessingML elements whose content is not the document's visible text: deletions and
/// moved-away text of tracked changes, field instructions (`PAGE`, `TOC \o`), and the previous
/// properties that tracked formatting changes keep (a `w:numPr` there is no longer in force).
const SKIPPED: [&str; 11] = [
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
];

/// One paragraph being read. Text boxes put whole paragraphs inside a paragraph's run, so these
/// nest, and so does what the reader must know about where it is in each.
#[derive(Default)]
struct Paragraph {
    text: String,
    numbering: ParagraphNumbering,
    /// Depth of `w:r`: a `w:tab` in a run is a tab character, in `w:pPr` a tab stop.
    runs: usize,
    in_properties: bool,
}

/// Where the reader is, beyond the paragraph stack.
#[derive(Default)]
struct State {
    paragraphs: Vec<String>,
    open: Vec<Paragraph>,
    /// Depth inside an element whose content is skipped; 0 when reading.
    skipping: usize,
    /// Inside `w:t`: the only element whose character data is text.
    in_text: bool,
}

/// Reads the body, with list numbers rendered by `numbering`, into paragraphs joined by `\n`.
pub(super) fn text(xml: &str, numbering: &mut Numbering) -> Result<String, ImportError> {
    let mut reader = NsReader::from_str(xml);
    let mut state = State::default();
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|_| ImportError::Corrupt)?;
        let ns = match namespace {
            ResolveResult::Bound(ns) if W.contains(&ns.as_ref()) => Ns::W,
            ResolveResult::Bound(ns) if ns.as_ref() == MC => Ns::Mc,
            _ => Ns::Other,
        };
        match event {
            Event::Start(e) => state.start(ns, &e, numbering, true),
            Event::Empty(e) => state.start(ns, &e, numbering, false),
            Event::End(e) => state.end(ns, e.local_name().as_ref(), numbering),
            Event::Text(t) if state.reading_text() => {
                if let Some(p) = state.open.last_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if state.reading_text() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => resolve_predefined_entity(&r).map(String::from),
                };
                if let (Some(p), Some(s)) = (state.open.last_mut(), resolved) {
                    p.text.push_str(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.paragraphs.join("\n"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

impl State {
    fn reading_text(&self) -> bool {
        self.in_text && self.skipping == 0
    }

    /// A start tag, or with `has_end == false` an empty element `<w:tab/>`.
    fn start(&mut self, ns: Ns, e: &BytesStart<'_>, numbering: &mut Numbering, has_end: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skipping > 0 {
            self.skipping += usize::from(has_end);
            return;
        }
        if (ns == Ns::W && SKIPPED.contains(&name)) || (ns == Ns::Mc && name == "Fallback") {
            self.skipping = usize::from(has_end);
            return;
        }
        if ns != Ns::W {
            return;
        }
        if name == "p" {
            self.open.push(Paragraph::default());
            if !has_end {
                self.end_paragraph(numbering);
            }
            return;
        }
        if name == "t" {
            self.in_text = has_end;
            return;
        }
        let Some(p) = self.open.last_mut() else {
            return;
        };
        match name {
            "pPr" => p.in_properties = has_end,
            "r" if has_end => p.runs += 1,
            "tab" if p.runs > 0 => p.text.push('\t'),
            "br" | "cr" if p.runs > 0 => p.text.push('\n'),
            "noBreakHyphen" if p.runs > 0 => p.text.push('-'),
            "pStyle" if p.in_properties => p.numbering.style = attribute(e, "val"),
            "numId" if p.in_properties => p.numbering.num_id = attribute(e, "val"),
            "ilvl" if p.in_properties => {
                p.numbering.level = attribute(e, "val")
                    .and_then(|v| v.trim().parse().ok())
                    .filter(|&l| l < LEVELS);
            }
            _ => {}
        }
    }

    fn end(&mut self, ns: Ns, name: &str, numbering: &mut Numbering) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        if ns != Ns::W {
            return;
        }
        match (name, self.open.last_mut()) {
            ("p", _) => self.end_paragraph(numbering),
            ("t", _) => self.in_text = false,
            ("pPr", Some(p)) => p.in_properties = false,
            ("r", Some(p)) => p.runs = p.runs.saturating_sub(1),
            _ => {}
        }
    }

    /// Emits the innermost open paragraph. Its number is worked out here, at its end, because a
    /// paragraph without properties can still be numbered through the default style.
    fn end_paragraph(&mut self, numbering: &mut Numbering) {
        if let Some(mut p) = self.open.pop() {
            if let Some(label) = numbering.label(&p.numbering) {
                p.text.insert_str(0, &label);
            }
            self.paragraphs.push(p.text);
        }
    }
}
