//! The readability report of a profile: every free-text answer and note of
//! the school scored, the hardest sentences, and the jargon found, for the
//! team to read before the profile goes to the MR and the board.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use passend_domain::questionnaire::{AnswerValue, ItemKind};
use passend_domain::readability::{Analysis, Options, SentenceHint, analyse_in, worth_scoring};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::profiles::OnProfile;
use crate::profiles::by_key;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(profile_report))
}

struct FieldScore {
    label: String,
    value: f64,
    score: String,
    band: String,
    b1: bool,
    long_sentences: usize,
    jargon: usize,
    /// The same hints the live box under this answer shows.
    hints: Vec<String>,
}

#[derive(Template)]
#[template(path = "readability/report.html")]
struct ReportPage {
    ctx: PageContext,
    profile_id: i64,
    school_year: String,
    overall: Option<(String, String, bool)>,
    fields: Vec<FieldScore>,
    hardest: Vec<SentenceHint>,
    /// Every jargon term of all texts, as a hint.
    jargon: Vec<String>,
    rare_words: Vec<String>,
    /// The parent report's score, band and whether it reaches B1.
    parent: Option<(String, String, bool)>,
    parent_long: usize,
}

/// The score, one sentence saying its level and whether most parents read it
/// well ("Niveau: makkelijk: groep 7. Goed te lezen …"), and whether it reaches B1.
fn score_text(ctx: &PageContext, analysis: &Analysis) -> (String, String, bool) {
    let score = analysis.flesch_douma.map(|s| format!("{s:.0}")).unwrap_or_default();
    let b1 = analysis.band.is_some_and(|b| b.reaches_b1());
    let band = analysis.band.map(|b| ctx.t(b.message_id())).unwrap_or_default();
    let verdict = ctx.t1(if b1 { "plain-verdict-b1" } else { "plain-verdict-not-b1" }, "band", band);
    (score, verdict, b1)
}

#[utoipa::path(get, path = "/profielen/{id}/leesbaarheid", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn profile_report(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Html<String>> {
    let id = loaded.profile.id;
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let options = Options::default();
    // The platform's and the school's SWVs' own words, as in the live hints.
    let own = state.app.own_terms(&loaded.context.swvs).await?;
    let mut texts: Vec<(String, String)> = Vec::new();
    for item in loaded.profile.template.items().filter(|i| !i.hidden) {
        let Some(answer) = answers.get(&item.key) else { continue };
        if let (ItemKind::LongText | ItemKind::ShortText, Some(AnswerValue::Text(text))) = (&item.kind, &answer.value) {
            texts.push((item.label.clone(), text.clone()));
        }
        if let Some(note) = answer.note.as_ref().filter(|n| n.split_whitespace().count() >= 5) {
            texts.push((format!("{} ({})", item.label, ctx.t("answer-note").to_lowercase()), note.clone()));
        }
    }
    // The parent report as it would be published from these answers.
    let draft = passend_app::publishing::PublishedVersion {
        profile: loaded.profile.clone(),
        answers: answers.iter().filter_map(|(k, a)| Some((k.clone(), (a.value.clone()?, a.note.clone())))).collect(),
    };
    let parent_view =
        crate::publishing::view::PublicView::of_version(&state, draft, passend_i18n::ParentLang::Nl).await?;
    // The same speller as the live hints: the hints per answer are the live hints.
    let speller = super::spelling::dutch().map(|d| d as &dyn passend_domain::readability::Speller);
    let analyse = |text: &str| analyse_in(text, &options, speller, &own);
    let parent = analyse(&parent_view.parent_text());
    let whole = texts.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    let overall = analyse(&whole);
    // One- or two-word answers are left out of the ranking: their score means nothing.
    let mut fields: Vec<FieldScore> = texts
        .iter()
        .filter(|(_, text)| worth_scoring(text))
        .map(|(label, text)| {
            let analysis = analyse(text);
            let (score, _, b1) = score_text(&ctx, &analysis);
            let band = analysis.band.map(|b| ctx.t(b.message_id())).unwrap_or_default();
            FieldScore {
                label: label.clone(),
                value: analysis.flesch_douma.unwrap_or(0.0),
                hints: super::hints::hints(ctx.lang, &analysis, &options),
                score,
                band,
                b1,
                long_sentences: analysis.long_sentences.len(),
                jargon: analysis.jargon.iter().map(|j| j.count).sum(),
            }
        })
        .collect();
    // The hardest fields first: that is where rewriting pays off.
    fields.sort_by(|a, b| a.value.total_cmp(&b.value));
    let mut hardest = overall.long_sentences.clone();
    hardest.sort_by_key(|s| std::cmp::Reverse(s.words));
    hardest.truncate(5);
    render(&ReportPage {
        profile_id: id,
        school_year: loaded.profile.school_year.clone(),
        overall: overall.flesch_douma.map(|_| score_text(&ctx, &overall)),
        fields,
        hardest,
        parent: parent.flesch_douma.map(|_| score_text(&ctx, &parent)),
        parent_long: parent.long_sentences.len(),
        jargon: overall.jargon.iter().map(|hit| super::hints::jargon_hint(ctx.lang, hit)).collect(),
        rare_words: overall.rare_words.into_iter().take(30).collect(),
        ctx,
    })
}
