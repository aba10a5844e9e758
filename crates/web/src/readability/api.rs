//! `POST /api/v1/readability`: the analysis of a text, with its hints in the
//! reader's language.

use axum::Json;
use passend_domain::readability::{Options, Speller, analyse_with};
use passend_i18n::Lang;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, AppResult};
use crate::i18n::ReaderLang;

/// The longest text analysed in one request (characters).
const MAX_TEXT: usize = 200_000;

pub fn router() -> OpenApiRouter<crate::app::AppState> {
    OpenApiRouter::new().routes(routes!(readability))
}

#[derive(Deserialize, ToSchema)]
pub struct TextToAnalyse {
    pub text: String,
    /// Sentences with more words are long (default 20).
    #[serde(default)]
    pub max_sentence_words: Option<usize>,
}

/// Short hints in the reader's language, most useful first.
pub fn hints(lang: Lang, analysis: &passend_domain::readability::Analysis, options: &Options) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(first) = analysis.long_sentences.first() {
        out.push(lang.t_with(
            "hint-long-sentence",
            &[
                ("words", first.words.into()),
                ("max", options.max_sentence_words.into()),
                ("sentence", first.text.clone().into()),
            ],
        ));
    }
    for hit in analysis.jargon.iter().take(3) {
        out.push(
            lang.t_with("hint-jargon", &[("term", hit.term.clone().into()), ("plain", hit.suggestion.clone().into())]),
        );
    }
    if let Some(first) = analysis.passive_sentences.first() {
        out.push(lang.t_with("hint-passive", &[("sentence", first.text.clone().into())]));
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

/// Analyses Dutch text: Flesch-Douma with its band, sentences, words,
/// syllables, long sentences and words, passive voice, nominalisations and
/// jargon with plain alternatives. No login needed: nothing is stored.
#[utoipa::path(post, path = "/api/v1/readability", tag = "readability", security(()), request_body = TextToAnalyse,
    responses((status = 200, description = "The analysis and hints", body = Object), (status = 400, description = "Text too long")))]
pub async fn readability(ReaderLang(lang): ReaderLang, Json(body): Json<TextToAnalyse>) -> AppResult<Json<Value>> {
    if body.text.chars().count() > MAX_TEXT {
        return Err(AppError::invalid(vec![(
            "text".into(),
            passend_domain::Message::new("answer-too-long").with("max", MAX_TEXT),
        )]));
    }
    let options =
        Options { max_sentence_words: body.max_sentence_words.unwrap_or(20).clamp(5, 100), ..Options::default() };
    let speller = super::spelling::dutch().map(|d| d as &dyn Speller);
    let analysis = analyse_with(&body.text, &options, speller);
    let band = analysis.band.map(|b| lang.t(b.message_id()));
    let b1 = analysis.band.map(|b| b.reaches_b1());
    let hints = hints(lang, &analysis, &options);
    let mut value = serde_json::to_value(&analysis).unwrap_or_default();
    value["band_label"] = json!(band);
    value["reaches_b1"] = json!(b1);
    value["hints"] = json!(hints);
    value["spelling"] = match speller {
        Some(_) => json!({ "on": true }),
        None => json!({ "on": false, "reason": lang.t("spelling-off") }),
    };
    Ok(Json(value))
}
