//! `train-boilerplate` and `eval-boilerplate`: the 穿靴戴帽 sentence-role model, learned from the
//! annotated corpus in `engine/tests/fixtures/corpus` (a copy of `shared/corpus`).

use jianwen_engine::roles::train::{cross_validate, load_corpus, report, train as learn, Document};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus() -> Result<Vec<Document>, String> {
    let dir = root().join("engine/tests/fixtures/corpus");
    println!("==> reading the annotated corpus in {}", dir.display());
    let documents = load_corpus(&dir)?;
    let sentences: usize = documents.iter().map(|d| d.labels.len()).sum();
    println!("    {} documents, {sentences} sentences", documents.len());
    Ok(documents)
}

/// Learns the model from every document and writes it where the engine compiles it in from.
pub fn train() -> Result<(), String> {
    let documents = corpus()?;
    println!("==> training the role model");
    let model = learn(&documents);
    let names: Vec<&str> = documents.iter().map(|d| d.name.as_str()).collect();
    let header = format!(
        "简文 sentence-role model (穿靴戴帽/套话), written by `cargo xtask train-boilerplate`: do not edit.\n\
         Learned from the {} annotated documents of engine/tests/fixtures/corpus (shared/corpus):\n{}\n\
         Source: docs/reference/boilerplate.md (labelling guideline), engine/tests/fixtures/corpus/annotations.\n\
         How sure it is: `cargo xtask eval-boilerplate` prints its precision and recall on documents it did not see.\n\
         Lines: stage 1 `1 name w` named feature, `1r id w` phrase rule; stage 2 `2 name hat boot stock`;\n\
         `g n-gram quarter stage1 stage2` per n-gram: the quarter (1-3) of the share of its occurrences inside annotated\n\
         formulas, its stage 1 weight and its stage 2 weights (hat boot stock) in hundredths, empty when none.",
        documents.len(),
        names.join(", ")
    );
    let path = root().join("engine/data/roles-model.tsv");
    let data = model.to_data(&header);
    std::fs::write(&path, &data).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!(
        "==> wrote {} ({} bytes, {} lines)",
        path.display(),
        data.len(),
        data.lines().count()
    );
    Ok(())
}

/// Leave-one-document-out figures, with those on the data the model was fit to beside them.
/// With `--disagreements`, also every sentence where a held-out model and the label disagree.
pub fn evaluate(disagreements: bool) -> Result<(), String> {
    let documents = corpus()?;
    println!(
        "==> leave-one-document-out: {} models, each scoring the document it did not see",
        documents.len()
    );
    let evaluation = cross_validate(&documents);
    if disagreements {
        for line in evaluation.held_out.iter().flat_map(|s| &s.disagreements) {
            println!("  {line}");
        }
    }
    print!("{}", report(&evaluation));
    Ok(())
}
