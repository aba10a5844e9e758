//! `POST /api/v1/readability`: the analysis of a text, with its hints in the
//! reader's language.

use axum::Json;
use axum::extract::State;
use passend_domain::readability::{
    Advice, Analysis, Band, Change, JargonHit, JargonKind, Options, SentenceHint, Speller, analyse_in,
};
use serde::{Deserialize, Serialize};
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
    #[schema(max_length = 200000)]
    pub text: String,
    /// Sentences with more words are long (default 20; taken between 5 and 100).
    #[serde(default, deserialize_with = "crate::contract::whole_number_or_none")]
    pub max_sentence_words: Option<usize>,
    /// The SWVs (codes) whose own terms apply besides the platform's, as for a
    /// school in them; the editor sends its school's.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub swvs: Vec<String>,
}

/// The analysis of a text with its hints.
#[derive(Serialize, ToSchema)]
pub struct ReadabilityBody {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// `null` for a text without words.
    pub flesch_douma: Option<f64>,
    #[schema(schema_with = band_schema)]
    pub band: Option<Band>,
    /// The band in the reader's language.
    pub band_label: Option<String>,
    /// Whether the score reaches language level B1 (60 and up).
    pub reaches_b1: Option<bool>,
    pub words_per_sentence: f64,
    pub syllables_per_word: f64,
    pub long_sentences: Vec<SentenceBody>,
    pub long_words: Vec<String>,
    pub passive_sentences: Vec<SentenceBody>,
    pub nominalisations: Vec<String>,
    pub jargon: Vec<JargonBody>,
    /// Words outside the 30,000 most frequent Dutch words, in order of appearance.
    pub rare_words: Vec<String>,
    /// Words the Dutch dictionary does not know; `null` when spelling is off.
    pub misspelled: Option<Vec<String>>,
    /// The few changes that would raise the score most, largest effect first.
    pub advice: Vec<AdviceBody>,
    /// Short hints in the reader's language, most useful first: the advice,
    /// then every jargon term (the same as the profile's report shows).
    pub hints: Vec<String>,
    pub spelling: SpellingBody,
}

#[derive(Serialize, ToSchema)]
pub struct SentenceBody {
    /// 0-based position among the text's sentences.
    pub index: usize,
    pub text: String,
    pub words: usize,
}

impl From<SentenceHint> for SentenceBody {
    fn from(s: SentenceHint) -> Self {
        SentenceBody { index: s.index, text: s.text, words: s.words }
    }
}

#[derive(Serialize, ToSchema)]
pub struct JargonBody {
    pub term: String,
    /// The plain alternative ("afkorting: leg uit" for an abbreviation).
    pub suggestion: String,
    pub count: usize,
    /// How the text writes it, in lower case.
    pub forms: Vec<String>,
    /// `term` (a term of a list), `compound` (a compound with a term in it) or `abbreviation`.
    #[schema(value_type = String, example = "term")]
    pub kind: JargonKind,
    /// Whether the term is the platform's or the SWV's own.
    pub own: bool,
    /// For a compound, the term in it.
    pub part: Option<String>,
}

impl From<JargonHit> for JargonBody {
    fn from(j: JargonHit) -> Self {
        JargonBody {
            term: j.term,
            suggestion: j.suggestion,
            count: j.count,
            forms: j.forms,
            kind: j.kind,
            own: j.own,
            part: j.part,
        }
    }
}

/// One change that would raise the score.
#[derive(Serialize, ToSchema)]
pub struct AdviceBody {
    /// `split` (make two sentences), `replace` (plain words for terms) or `active` (say who does it).
    pub change: String,
    /// The sentence it is about (0-based), for `split` and `active`.
    pub sentence: Option<usize>,
    pub text: Option<String>,
    /// Where to split: a word such as "omdat", or ";".
    pub at: Option<String>,
    /// For `replace`: each term with its plain alternative.
    pub terms: Vec<JargonTermBody>,
    /// The expected rise of the score, in points.
    pub effect: f64,
}

#[derive(Serialize, ToSchema)]
pub struct JargonTermBody {
    pub term: String,
    pub suggestion: String,
}

impl From<Advice> for AdviceBody {
    fn from(a: Advice) -> Self {
        let empty = AdviceBody {
            change: String::new(),
            sentence: None,
            text: None,
            at: None,
            terms: Vec::new(),
            effect: a.effect,
        };
        match a.change {
            Change::Split { sentence, text, at } => {
                AdviceBody { change: "split".into(), sentence: Some(sentence), text: Some(text), at, ..empty }
            }
            Change::Active { sentence, text } => {
                AdviceBody { change: "active".into(), sentence: Some(sentence), text: Some(text), ..empty }
            }
            Change::Replace { terms } => AdviceBody {
                change: "replace".into(),
                terms: terms.into_iter().map(|(term, suggestion)| JargonTermBody { term, suggestion }).collect(),
                ..empty
            },
        }
    }
}

/// Whether words were checked against the Dutch dictionary.
#[derive(Serialize, ToSchema)]
pub struct SpellingBody {
    pub on: bool,
    /// Why not, in the reader's language; only when off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

fn band_schema() -> utoipa::openapi::schema::Object {
    let mut schema = crate::contract::names_of(
        &[
            Band::VeryEasy,
            Band::Group7,
            Band::Group8,
            Band::LowerSecondary,
            Band::UpperSecondary,
            Band::HigherEducation,
            Band::Academic,
        ],
        "Who reads a text of this score easily; `null` without a score.",
    );
    schema.schema_type = utoipa::openapi::schema::SchemaType::from_iter([
        utoipa::openapi::schema::Type::String,
        utoipa::openapi::schema::Type::Null,
    ]);
    if let Some(values) = schema.enum_values.as_mut() {
        values.push(serde_json::Value::Null);
    }
    schema
}

/// Analyses Dutch text: Flesch-Douma with its band, sentences, words,
/// syllables, long sentences and words, passive voice, nominalisations and
/// jargon with plain alternatives. No login needed: nothing is stored.
#[utoipa::path(post, path = "/api/v1/readability", tag = "readability", security(()), request_body = TextToAnalyse,
    responses((status = 200, description = "The analysis and hints", body = ReadabilityBody), (status = 400, description = "Text too long or too many SWVs")))]
pub async fn readability(
    State(state): State<crate::app::AppState>,
    ReaderLang(lang): ReaderLang,
    Json(body): Json<TextToAnalyse>,
) -> AppResult<Json<ReadabilityBody>> {
    if body.text.chars().count() > MAX_TEXT {
        return Err(AppError::invalid(vec![(
            "text".into(),
            passend_domain::Message::new("answer-too-long").with("max", MAX_TEXT),
        )]));
    }
    if body.swvs.len() > 10 {
        return Err(AppError::invalid(vec![(
            "swvs".into(),
            passend_domain::Message::new("plain-too-many-swvs").with("max", 10usize),
        )]));
    }
    let options =
        Options { max_sentence_words: body.max_sentence_words.unwrap_or(20).clamp(5, 100), ..Options::default() };
    let own = state.app.own_terms(&body.swvs).await?;
    let speller = super::spelling::dutch().map(|d| d as &dyn Speller);
    let analysis = analyse_in(&body.text, &options, speller, &own);
    let band = analysis.band.map(|b| lang.t(b.message_id()));
    let b1 = analysis.band.map(|b| b.reaches_b1());
    let hints = super::hints::hints(lang, &analysis, &options);
    let spelling = match speller {
        Some(_) => SpellingBody { on: true, reason: None },
        None => SpellingBody { on: false, reason: Some(lang.t("spelling-off")) },
    };
    let Analysis {
        sentences,
        words,
        syllables,
        flesch_douma,
        band: score_band,
        words_per_sentence,
        syllables_per_word,
        long_sentences,
        long_words,
        passive_sentences,
        nominalisations,
        jargon,
        rare_words,
        misspelled,
        advice,
    } = analysis;
    Ok(Json(ReadabilityBody {
        sentences,
        words,
        syllables,
        flesch_douma,
        band: score_band,
        band_label: band,
        reaches_b1: b1,
        words_per_sentence,
        syllables_per_word,
        long_sentences: long_sentences.into_iter().map(Into::into).collect(),
        long_words,
        passive_sentences: passive_sentences.into_iter().map(Into::into).collect(),
        nominalisations,
        jargon: jargon.into_iter().map(Into::into).collect(),
        rare_words,
        misspelled,
        advice: advice.into_iter().map(Into::into).collect(),
        hints,
        spelling,
    }))
}
