//! The hints of one analysis in the reader's language. The live hints under
//! an answer (the API) and the profile's report both render them from here,
//! so that they name the same terms and advice for the same text.

use std::collections::HashSet;

use passend_domain::readability::{Analysis, Change, JargonHit, JargonKind, Options};
use passend_i18n::Lang;

/// A score change as people read it: whole points, or one decimal below one.
pub fn points(lang: Lang, effect: f64) -> String {
    let text = if effect >= 1.0 { format!("{effect:.0}") } else { format!("{effect:.1}") };
    if lang == Lang::Nl { text.replace('.', ",") } else { text }
}

/// The hint for one jargon hit.
pub fn jargon_hint(lang: Lang, hit: &JargonHit) -> String {
    match (hit.kind, &hit.part) {
        (JargonKind::Abbreviation, _) => lang.t_with("plain-hint-abbreviation", &[("term", hit.term.clone().into())]),
        (JargonKind::Compound, Some(part)) => lang.t_with(
            "plain-hint-compound",
            &[
                ("term", hit.term.clone().into()),
                ("part", part.clone().into()),
                ("plain", hit.suggestion.clone().into()),
            ],
        ),
        _ => lang.t_with("hint-jargon", &[("term", hit.term.clone().into()), ("plain", hit.suggestion.clone().into())]),
    }
}

/// The advice of an analysis, in order, each with its expected effect.
pub fn advice(lang: Lang, analysis: &Analysis) -> Vec<String> {
    analysis
        .advice
        .iter()
        .map(|advice| {
            let effect = points(lang, advice.effect);
            match &advice.change {
                Change::Split { text, at: Some(at), .. } => lang.t_with(
                    "plain-advice-split-at",
                    &[("at", at.clone().into()), ("points", effect.into()), ("sentence", text.clone().into())],
                ),
                Change::Split { text, at: None, .. } => {
                    lang.t_with("plain-advice-split", &[("points", effect.into()), ("sentence", text.clone().into())])
                }
                Change::Replace { terms } => {
                    let terms = terms.iter().map(|(term, plain)| format!("{term} → {plain}")).collect::<Vec<_>>();
                    lang.t_with(
                        "plain-advice-replace",
                        &[("terms", terms.join("; ").into()), ("points", effect.into())],
                    )
                }
                Change::Active { text, .. } => {
                    lang.t_with("plain-advice-active", &[("points", effect.into()), ("sentence", text.clone().into())])
                }
            }
        })
        .collect()
}

/// Short hints, most useful first: the advice in order, every jargon term, a
/// long or passive sentence the advice did not quote (every sentence is
/// quoted once), rare words and spelling.
pub fn hints(lang: Lang, analysis: &Analysis, options: &Options) -> Vec<String> {
    let mut out = advice(lang, analysis);
    let mut quoted: HashSet<usize> = analysis
        .advice
        .iter()
        .filter_map(|a| match a.change {
            Change::Split { sentence, .. } | Change::Active { sentence, .. } => Some(sentence),
            Change::Replace { .. } => None,
        })
        .collect();
    for hit in &analysis.jargon {
        out.push(jargon_hint(lang, hit));
    }
    if let Some(long) = analysis.long_sentences.iter().find(|s| !quoted.contains(&s.index)) {
        quoted.insert(long.index);
        out.push(lang.t_with(
            "hint-long-sentence",
            &[
                ("words", long.words.into()),
                ("max", options.max_sentence_words.into()),
                ("sentence", long.text.clone().into()),
            ],
        ));
    }
    if let Some(passive) = analysis.passive_sentences.iter().find(|s| !quoted.contains(&s.index)) {
        out.push(lang.t_with("hint-passive", &[("sentence", passive.text.clone().into())]));
    }
    if !analysis.rare_words.is_empty() {
        out.push(lang.t_with(
            "hint-rare-words",
            &[("words", analysis.rare_words.iter().take(5).cloned().collect::<Vec<_>>().join(", ").into())],
        ));
    }
    if let Some(words) = analysis.misspelled.as_ref().filter(|w| !w.is_empty()) {
        out.push(lang.t_with(
            "hint-spelling",
            &[("words", words.iter().take(8).cloned().collect::<Vec<_>>().join(", ").into())],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use passend_domain::readability::analyse;

    use super::*;

    #[test]
    fn every_sentence_is_quoted_once_and_every_term_is_named() {
        let sentence = "De ouders worden door de leerkracht en de intern begeleider van de school uitgenodigd \
            voor een gesprek over het OPP en over de hulp die hun kind in de klas krijgt en over de doelen \
            voor de komende periode, zodat iedereen weet wat er gaat gebeuren met het arrangement.";
        let analysis = analyse(sentence, &Options::default());
        let hints = hints(Lang::Nl, &analysis, &Options::default());
        let quoting = hints.iter().filter(|h| h.contains("zodat iedereen weet")).count();
        assert_eq!(quoting, 1, "{hints:#?}");
        for hit in &analysis.jargon {
            assert!(hints.iter().any(|h| h.contains(&hit.term)), "{} in {hints:#?}", hit.term);
        }
        assert_eq!(points(Lang::Nl, 0.42), "0,4");
        assert_eq!(points(Lang::En, 3.6), "4");
    }
}
