//! What cutting the hats and boots saves: the engine's own figures for the text without them.

use jianwen_engine::caps::builtin_profiles;
use jianwen_engine::cut::{savings, without};
use jianwen_engine::phrases::Category;
use jianwen_engine::{analyze, Settings};

#[allow(dead_code)] // the shared helpers serve other tests too
mod support;

#[test]
#[allow(clippy::single_range_in_vec_init)] // a list of spans to cut, often of one
fn without_removes_spans_and_the_lines_they_empty() {
    let cases: &[(&str, &[std::ops::Range<usize>], &str)] = &[
        ("甲。乙。\n丙。", &[0..6], "乙。\n丙。"),
        ("甲。\n乙。\n丙。", &[7..13], "甲。\n丙。"),
        // A line left holding only its list marker goes too; a blank line that was there stays.
        ("一、甲。\n\n乙。", &[6..12], "\n乙。"),
        ("甲。\n\n乙。", &[], "甲。\n\n乙。"),
        ("甲。乙。丙。", &[0..6, 12..18], "乙。"),
    ];
    for &(text, spans, want) in cases {
        assert_eq!(without(text, spans), want, "{text}");
    }
}

#[test]
fn savings_are_the_figures_of_the_cut_text() {
    let text = "关于加强安全生产工作的通知\n各区县：\n为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n一、各街道每月开展1次隐患排查，每季度向区安委会报送1次结果。\n二、各区县于6月底前完成老旧燃气管道改造，改造资金由区财政保障。\n让我们更加紧密地团结起来，奋力谱写安全发展新篇章！\n";
    let mut settings = Settings::default();
    let analysis = analyze(text, &settings);
    let cut: Vec<_> = analysis
        .phrases
        .highlights
        .iter()
        .filter(|h| matches!(h.category, Category::Hat | Category::Boot))
        .collect();
    assert_eq!(cut.len(), 2, "{:?}", analysis.phrases.highlights);
    let saved = savings(text, &analysis, &settings);
    let cut_text = text
        .replace(
            "为深入贯彻落实上级会议精神，结合我市实际，现就有关事项通知如下。\n",
            "",
        )
        .replace("让我们更加紧密地团结起来，奋力谱写安全发展新篇章！\n", "");
    let after = analyze(&cut_text, &settings);
    assert_eq!(saved.sentences, 2);
    assert_eq!(
        saved.word_count,
        analysis.counts.word_count - after.counts.word_count
    );
    assert_eq!(saved.lines, analysis.layout.lines - after.layout.lines);
    assert_eq!(
        (saved.pages_before, saved.pages_after),
        (analysis.layout.pages, after.layout.pages)
    );
    assert_eq!(saved.within_cap, None);

    settings.cap = builtin_profiles().first().cloned();
    let analysis = analyze(text, &settings);
    assert_eq!(savings(text, &analysis, &settings).within_cap, Some(true));
}

#[test]
fn on_every_corpus_document_savings_are_what_analysing_the_cut_text_gives() {
    let mut settings = Settings::default();
    settings.cap = builtin_profiles().first().cloned();
    let documents = jianwen_engine::roles::train::load_corpus(&support::corpus_dir())
        .expect("the corpus loads");
    for d in documents {
        let analysis = analyze(&d.text, &settings);
        let saved = savings(&d.text, &analysis, &settings);
        let spans: Vec<_> = analysis
            .phrases
            .highlights
            .iter()
            .filter(|h| matches!(h.category, Category::Hat | Category::Boot))
            .map(|h| h.span.clone())
            .collect();
        let after = analyze(&without(&d.text, &spans), &settings);
        assert_eq!(saved.sentences, spans.len(), "{}", d.name);
        assert_eq!(
            saved.word_count,
            analysis.counts.word_count - after.counts.word_count,
            "{}",
            d.name
        );
        assert_eq!(
            saved.lines,
            analysis.layout.lines - after.layout.lines,
            "{}",
            d.name
        );
        assert_eq!(saved.pages_after, after.layout.pages, "{}", d.name);
        let over = after
            .caps
            .as_ref()
            .is_some_and(|c| c.state() == jianwen_engine::caps::CapState::Over);
        assert_eq!(saved.within_cap, Some(!over), "{}", d.name);
    }
}
