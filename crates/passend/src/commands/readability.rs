//! `passend leesbaarheid`: the plain-language analysis of a text file or
//! standard input, as a readable report or as JSON.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use passend_domain::readability::{Analysis, Options, Speller, analyse_with};
use passend_i18n::Lang;

use super::cli_lang;

/// Reads the text (`-` is standard input) and prints the analysis.
pub fn run(file: &Path, json: bool, max_sentence_words: usize) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    if file == Path::new("-") {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", file.display()))?;
    }
    let options = Options { max_sentence_words, ..Options::default() };
    let speller = passend_web::dutch_dictionary().map(|d| d as &dyn Speller);
    let analysis = analyse_with(&text, &options, speller);
    if json {
        println!("{}", serde_json::to_string_pretty(&analysis)?);
    } else {
        print!("{}", report(cli_lang(), &analysis, &options));
    }
    Ok(ExitCode::SUCCESS)
}

fn decimal(lang: Lang, value: f64) -> String {
    let text = format!("{value:.1}");
    if lang == Lang::Nl { text.replace('.', ",") } else { text }
}

/// The analysis as a short report in the operator's language.
pub fn report(lang: Lang, a: &Analysis, options: &Options) -> String {
    let mut out = String::new();
    let t = |id: &str| lang.t(id);
    match (a.flesch_douma, a.band) {
        (Some(score), Some(band)) => {
            out.push_str(&format!("{}: {} ({})\n", t("readability-score"), decimal(lang, score), t(band.message_id())));
        }
        _ => out.push_str(&format!("{}\n", t("readability-no-text"))),
    }
    out.push_str(&format!(
        "{}: {}  {}: {}  {}: {}\n{}: {}  {}: {}\n",
        t("readability-sentences"),
        a.sentences,
        t("readability-words"),
        a.words,
        t("readability-syllables"),
        a.syllables,
        t("readability-words-per-sentence"),
        decimal(lang, a.words_per_sentence),
        t("readability-syllables-per-word"),
        decimal(lang, a.syllables_per_word),
    ));
    if !a.long_sentences.is_empty() {
        let heading = lang.t_with("readability-long-sentences", &[("max", options.max_sentence_words.into())]);
        out.push_str(&format!("\n{heading} ({})\n", a.long_sentences.len()));
        for s in &a.long_sentences {
            out.push_str(&format!("  [{}] {} ({})\n", s.index + 1, s.text, s.words));
        }
    }
    if !a.passive_sentences.is_empty() {
        out.push_str(&format!("\n{} ({})\n", t("readability-passive"), a.passive_sentences.len()));
        for s in &a.passive_sentences {
            out.push_str(&format!("  [{}] {}\n", s.index + 1, s.text));
        }
    }
    if !a.jargon.is_empty() {
        out.push_str(&format!("\n{}\n", t("readability-jargon")));
        for j in &a.jargon {
            out.push_str(&format!("  {} ({}×): {}\n", j.term, j.count, j.suggestion));
        }
    }
    if !a.rare_words.is_empty() {
        out.push_str(&format!("\n{}: {}\n", t("readability-rare-words"), a.rare_words.join(", ")));
    }
    if !a.nominalisations.is_empty() {
        out.push_str(&format!("\n{}: {}\n", t("readability-nominalisations"), a.nominalisations.join(", ")));
    }
    if !a.long_words.is_empty() {
        out.push_str(&format!("{}: {}\n", t("readability-long-words"), a.long_words.join(", ")));
    }
    match &a.misspelled {
        Some(words) if !words.is_empty() => {
            out.push_str(&format!("{}: {}\n", t("readability-misspelled"), words.join(", ")))
        }
        Some(_) => {}
        None => out.push_str(&format!("\n{}\n", t("spelling-off"))),
    }
    out
}
