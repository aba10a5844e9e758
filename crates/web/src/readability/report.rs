//! The readability report of a profile: every free-text answer and note of
//! the school scored, the hardest sentences, and the jargon found, for the
//! team to read before the profile goes to the MR and the board.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use passend_domain::questionnaire::{AnswerValue, ItemKind};
use passend_domain::readability::{Analysis, JargonHit, Options, SentenceHint, analyse};
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
    score: String,
    band: String,
    b1: bool,
    long_sentences: usize,
    jargon: usize,
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
    jargon: Vec<JargonHit>,
    rare_words: Vec<String>,
    /// The parent report's score, band and whether it reaches B1.
    parent: Option<(String, String, bool)>,
    parent_long: usize,
}

fn score_text(ctx: &PageContext, analysis: &Analysis) -> (String, String, bool) {
    let score = analysis.flesch_douma.map(|s| format!("{s:.0}")).unwrap_or_default();
    let band = analysis.band.map(|b| ctx.t(b.message_id())).unwrap_or_default();
    (score, band, analysis.band.is_some_and(|b| b.reaches_b1()))
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
    let parent = analyse(&parent_view.parent_text(), &options);
    let whole = texts.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    let overall = analyse(&whole, &options);
    // One- or two-word answers are left out of the ranking: their score means nothing.
    let mut fields: Vec<FieldScore> = texts
        .iter()
        .filter(|(_, text)| passend_domain::readability::worth_scoring(text))
        .map(|(label, text)| {
            let analysis = analyse(text, &options);
            let (score, band, b1) = score_text(&ctx, &analysis);
            FieldScore {
                label: label.clone(),
                score,
                band,
                b1,
                long_sentences: analysis.long_sentences.len(),
                jargon: analysis.jargon.iter().map(|j| j.count).sum(),
            }
        })
        .collect();
    // The hardest fields first: that is where rewriting pays off.
    fields.sort_by(|a, b| a.score.parse::<f64>().unwrap_or(0.0).total_cmp(&b.score.parse::<f64>().unwrap_or(0.0)));
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
        jargon: overall.jargon,
        rare_words: overall.rare_words.into_iter().take(30).collect(),
        ctx,
    })
}
