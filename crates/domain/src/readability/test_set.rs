//! The measured test set (`testdata/readability/jargon_passages.txt`): passages
//! written by us in the style of real profiles, their jargon annotated by hand.
//! Recall and precision of the jargon hints must both reach 90 %.

use super::{Options, analyse};

const PASSAGES: &str = include_str!("../../testdata/readability/jargon_passages.txt");

struct Passage {
    name: String,
    jargon: Vec<String>,
    text: String,
}

fn passages() -> Vec<Passage> {
    let mut out = Vec::new();
    for chunk in PASSAGES.split("\n=== ").skip(1) {
        let mut lines = chunk.lines();
        let name = lines.next().unwrap_or_default().trim().to_owned();
        let annotation = lines.next().and_then(|l| l.strip_prefix("jargon:")).expect("a jargon: line");
        let jargon =
            annotation.split(';').map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty() && t != "-").collect();
        let text = lines.collect::<Vec<_>>().join("\n").trim().to_owned();
        out.push(Passage { name, jargon, text });
    }
    out
}

/// Words of a form, split at spaces and hyphens.
fn tokens(form: &str) -> Vec<String> {
    form.split([' ', '-']).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// A hint's form and an annotation are about the same jargon when the words
/// of one run inside the other (*curatieve* in *licht curatieve*).
fn related(form: &str, annotated: &str) -> bool {
    let (a, b) = (tokens(form), tokens(annotated));
    let inside = |short: &[String], long: &[String]| long.windows(short.len().max(1)).any(|w| w == short);
    !a.is_empty() && !b.is_empty() && (inside(&a, &b) || inside(&b, &a))
}

pub(super) struct Measured {
    pub passages: usize,
    pub annotated: usize,
    pub found: usize,
    pub hints: usize,
    pub right_hints: usize,
    pub misses: Vec<String>,
    pub false_alarms: Vec<String>,
}

pub(super) fn measure() -> Measured {
    let mut m = Measured {
        passages: 0,
        annotated: 0,
        found: 0,
        hints: 0,
        right_hints: 0,
        misses: Vec::new(),
        false_alarms: Vec::new(),
    };
    for passage in passages() {
        m.passages += 1;
        let analysis = analyse(&passage.text, &Options::default());
        let forms: Vec<&str> = analysis.jargon.iter().flat_map(|j| j.forms.iter().map(String::as_str)).collect();
        for annotated in &passage.jargon {
            m.annotated += 1;
            if forms.iter().any(|f| related(f, annotated)) {
                m.found += 1;
            } else {
                m.misses.push(format!("{}: {annotated}", passage.name));
            }
        }
        for hit in &analysis.jargon {
            m.hints += 1;
            if hit.forms.iter().any(|f| passage.jargon.iter().any(|a| related(f, a))) {
                m.right_hints += 1;
            } else {
                m.false_alarms.push(format!("{}: {} ({})", passage.name, hit.term, hit.forms.join(", ")));
            }
        }
    }
    m
}

#[test]
fn the_test_set_has_enough_passages_of_every_kind() {
    let all = passages();
    assert!(all.len() >= 30, "{}", all.len());
    for kind in ["basisondersteuning", "extra ondersteuning", "expertise", "ouderversie"] {
        assert!(all.iter().any(|p| p.name.ends_with(kind)), "{kind}");
    }
    assert!(all.iter().all(|p| p.text.split_whitespace().count() >= 20), "every passage is a real paragraph");
}

#[test]
fn jargon_hints_reach_ninety_percent_recall_and_precision_on_the_test_set() {
    let m = measure();
    let recall = m.found as f64 / m.annotated as f64;
    let precision = m.right_hints as f64 / m.hints.max(1) as f64;
    println!(
        "jargon test set: {} passages, {} annotated terms, {} hints; recall {:.1} % ({}/{}), precision {:.1} % ({}/{})",
        m.passages,
        m.annotated,
        m.hints,
        recall * 100.0,
        m.found,
        m.annotated,
        precision * 100.0,
        m.right_hints,
        m.hints
    );
    println!("missed: {:?}", m.misses);
    println!("false alarms: {:?}", m.false_alarms);
    assert!(recall >= 0.9, "recall {:.1} % below 90 %: missed {:?}", recall * 100.0, m.misses);
    assert!(precision >= 0.9, "precision {:.1} % below 90 %: false alarms {:?}", precision * 100.0, m.false_alarms);
}
