//! The closed groups' pages: `/groepen` (my groups, and a form to make one)
//! and `/groepen/{id}` (messages, files, members, with their forms). Forms
//! work without JavaScript (Post/Redirect/Get; errors next to the field).

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use passend_app::activities::Activity;
use passend_app::groups::attachments::FileRecord;
use passend_app::groups::{FileView, GroupSummary, LoadedGroup, MemberRecord, MessageView, Upload};
use passend_domain::groups::files::{accept_attribute, megabytes};
use passend_domain::groups::{GroupInput, GroupRole, MemberSource};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InGroup, MaybeSession, download, read_upload};
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::{CsrfForm, FORM_FIELD};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .routes(routes!(upload_file))
        .routes(routes!(attach_to_example))
        .layer(axum::extract::DefaultBodyLimit::disable());
    OpenApiRouter::new()
        .routes(routes!(groups_page, create_group))
        .routes(routes!(group_page))
        .routes(routes!(post_message))
        .routes(routes!(download_file))
        .routes(routes!(delete_file))
        .routes(routes!(invite_member))
        .routes(routes!(remove_member))
        .routes(routes!(change_role))
        .routes(routes!(download_attachment))
        .routes(routes!(remove_attachment))
        .merge(uploads)
}

#[derive(Template)]
#[template(path = "groups/list.html")]
struct GroupsPage {
    ctx: PageContext,
    groups: Vec<GroupSummary>,
    may_create: bool,
    /// The activities a new group may be tied to (those the reader organises).
    activities: Vec<Activity>,
    form: NewGroupForm,
    errors: FieldErrors,
}

impl GroupsPage {
    fn activity_chosen(&self, activity: &Activity) -> bool {
        self.form.activity == activity.id.to_string()
    }

    fn role_name(&self, role: &Option<GroupRole>) -> String {
        role.map_or_else(|| self.ctx.t("groups-role-admin"), |r| self.ctx.t(r.message_id()))
    }
}

/// My groups: the closed groups I am a member of (every group for a platform admin).
#[utoipa::path(get, path = "/groepen", tag = "pages", security(("session" = [])),
    responses((status = 200, content_type = "text/html")))]
pub async fn groups_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    let page = groups_page_with(&state, ctx, &session.actor, NewGroupForm::default(), FieldErrors::default()).await?;
    Ok(render(&page)?.into_response())
}

async fn groups_page_with(
    state: &AppState,
    ctx: PageContext,
    actor: &passend_domain::access::Actor,
    form: NewGroupForm,
    errors: FieldErrors,
) -> AppResult<GroupsPage> {
    let groups = state.app.my_groups(actor).await?;
    let may_create = passend_app::App::may_create_groups(actor);
    let activities = if may_create { state.app.activities_for_groups(actor).await? } else { Vec::new() };
    Ok(GroupsPage { ctx, groups, may_create, activities, form, errors })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewGroupForm {
    name: String,
    description: String,
    /// An activity's id, or empty for none.
    activity: String,
}

/// Makes a group (platform admins and editors); the maker is its moderator.
/// Tied to an activity the maker organises, its participants are members.
#[utoipa::path(post, path = "/groepen", tag = "pages", security(("session" = [])),
    responses((status = 303, description = "Made: to the group's page"), (status = 422, description = "Field errors")))]
pub async fn create_group(
    State(state): State<AppState>,
    ctx: PageContext,
    CsrfForm { session, form }: CsrfForm<NewGroupForm>,
) -> AppResult<Response> {
    let input = GroupInput { name: form.name.clone(), description: form.description.clone() };
    let activity = match form.activity.trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| AppError::new(ErrorKind::BadRequest))?),
    };
    match state.app.create_group(&session.actor, &input, activity).await? {
        Ok(id) => Ok(Redirect::to(&format!("/groepen/{id}?melding=opgeslagen")).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = groups_page_with(&state, ctx, &session.actor, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "groups/group.html")]
struct GroupPage {
    ctx: PageContext,
    group: LoadedGroup,
    messages: Vec<MessageView>,
    files: Vec<FileView>,
    members: Vec<MemberRecord>,
    message: String,
    invite: String,
    errors: FieldErrors,
    accept: String,
    max_mb: String,
}

impl GroupPage {
    fn member_name(&self, member: &MemberRecord) -> String {
        member.name.clone().unwrap_or_else(|| self.ctx.t("groups-no-account"))
    }

    fn role_name(&self, member: &MemberRecord) -> String {
        let role = self.ctx.t(member.role.message_id());
        match member.source {
            MemberSource::Invited => role,
            MemberSource::Activity => format!("{role} ({})", self.ctx.t(member.source.message_id())),
        }
    }

    fn is_moderator(&self, member: &MemberRecord) -> bool {
        member.role == GroupRole::Moderator
    }

    fn size(&self, bytes: &i64) -> String {
        human_size(*bytes)
    }
}

/// `12,3 kB`, `1,5 MB`.
pub fn human_size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b < 1024.0 {
        format!("{bytes} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} kB", b / 1024.0).replace('.', ",")
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0)).replace('.', ",")
    }
}

async fn group_page_with(
    state: &AppState,
    ctx: PageContext,
    group: LoadedGroup,
    message: String,
    invite: String,
    errors: FieldErrors,
) -> AppResult<GroupPage> {
    let (messages, files) = if group.reads() {
        (state.app.group_messages(&group).await?, state.app.group_files(&group).await?)
    } else {
        (Vec::new(), Vec::new())
    };
    let members = state.app.group_members(&group).await?;
    let max_mb = megabytes(state.app.files().max_bytes());
    Ok(GroupPage { ctx, group, messages, files, members, message, invite, errors, accept: accept_attribute(), max_mb })
}

/// A closed group: its messages, files and members, with the forms to post, share and invite.
#[utoipa::path(get, path = "/groepen/{id}", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn group_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, .. }: InGroup,
) -> AppResult<Response> {
    let page = group_page_with(&state, ctx, group, String::new(), String::new(), FieldErrors::default()).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
}

/// Posts a message; on field errors the page comes back with what was typed.
#[utoipa::path(post, path = "/groepen/{id}/berichten", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 303, description = "Posted"), (status = 422, description = "Field errors")))]
pub async fn post_message(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, .. }: InGroup,
    CsrfForm { session, form }: CsrfForm<MessageForm>,
) -> AppResult<Response> {
    match state.app.post_group_message(&session.actor, &group, &form.body).await? {
        Ok(_) => Ok(Redirect::to(&format!("/groepen/{}#berichten", group.id())).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = group_page_with(&state, ctx, group, form.body, String::new(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// Shares a file (a multipart form with the session's token); a refused file
/// comes back as an error next to the file field, and nothing is stored.
#[utoipa::path(post, path = "/groepen/{id}/bestanden", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 303, description = "Shared"), (status = 422, description = "The file was refused")))]
pub async fn upload_file(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, session }: InGroup,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<Response> {
    let multipart = multipart.map_err(|_| AppError::new(ErrorKind::BadRequest))?;
    let form = read_upload(multipart, state.app.files().max_bytes()).await?;
    let token = form.fields.get(FORM_FIELD).map(String::as_str).unwrap_or("");
    if !passend_app::accounts::secrets::same_secret(token, &session.csrf_token) {
        return Err(AppError::new(ErrorKind::Csrf));
    }
    let upload = form.file.unwrap_or(Upload { name: String::new(), bytes: Vec::new(), size: 0 });
    match state.app.share_group_file(&session.actor, &group, upload).await? {
        Ok(_) => Ok(Redirect::to(&format!("/groepen/{}?melding=opgeslagen#bestanden", group.id())).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = group_page_with(&state, ctx, group, String::new(), String::new(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// Downloads a file of the group, after the access check.
#[utoipa::path(get, path = "/groepen/{id}/bestanden/{file}", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, description = "The file, as an attachment", content_type = "application/octet-stream")))]
pub async fn download_file(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    Ok(download(state.app.group_file(&group, file).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmptyForm {}

/// Removes a file (its uploader, or who keeps the group).
#[utoipa::path(post, path = "/groepen/{id}/bestanden/{file}/verwijderen", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)), responses((status = 303, description = "Removed")))]
pub async fn delete_file(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, file)): Path<(i64, i64)>,
    CsrfForm { .. }: CsrfForm<EmptyForm>,
) -> AppResult<Response> {
    state.app.delete_group_file(&group, file).await?;
    Ok(Redirect::to(&format!("/groepen/{}#bestanden", group.id())).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    email: String,
}

/// Invites an address (who keeps the group); errors next to the field.
#[utoipa::path(post, path = "/groepen/{id}/leden", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 303, description = "Invited"), (status = 422, description = "Field errors")))]
pub async fn invite_member(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, .. }: InGroup,
    CsrfForm { session, form }: CsrfForm<MemberForm>,
) -> AppResult<Response> {
    match state.app.invite_to_group(ctx.lang, &session.actor, &group, &form.email).await? {
        Ok(_) => {
            Ok(Redirect::to(&format!("/groepen/{}?melding=uitnodiging-verstuurd#leden", group.id())).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = group_page_with(&state, ctx, group, String::new(), form.email, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// Takes an address out of the group (who keeps the group); the last
/// moderator stays, and the page says why next to the member list.
#[utoipa::path(post, path = "/groepen/{id}/leden/verwijderen", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 303, description = "Removed"), (status = 409, description = "The last moderator: the page with the reason")))]
pub async fn remove_member(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, .. }: InGroup,
    CsrfForm { form, .. }: CsrfForm<MemberForm>,
) -> AppResult<Response> {
    let outcome = state.app.remove_from_group(&group, &form.email).await;
    member_changed(&state, ctx, group, outcome).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    email: String,
    /// `moderator` or `member`.
    role: String,
}

/// Hands moderation on to a member, or takes it back (who keeps the group);
/// the last moderator stays one, and the page says why.
#[utoipa::path(post, path = "/groepen/{id}/leden/rol", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 303, description = "Changed"), (status = 409, description = "The last moderator: the page with the reason")))]
pub async fn change_role(
    State(state): State<AppState>,
    ctx: PageContext,
    InGroup { group, .. }: InGroup,
    CsrfForm { form, .. }: CsrfForm<RoleForm>,
) -> AppResult<Response> {
    let role = GroupRole::parse(&form.role).ok_or_else(|| AppError::new(ErrorKind::BadRequest))?;
    let outcome = state.app.set_group_role(&group, &form.email, role).await;
    member_changed(&state, ctx, group, outcome).await
}

/// After a change to a member: back to the list, or the page with why it was not done.
async fn member_changed(
    state: &AppState,
    ctx: PageContext,
    group: LoadedGroup,
    outcome: passend_app::Result<()>,
) -> AppResult<Response> {
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/groepen/{}?melding=opgeslagen#leden", group.id())).into_response()),
        Err(passend_app::Error::Conflict(problems)) => {
            let problems = problems.into_iter().map(|(_, message)| ("member", message)).collect();
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = group_page_with(state, ctx, group, String::new(), String::new(), errors).await?;
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// Downloads an attachment of a practice example (published: anyone; a draft: its editors and author).
#[utoipa::path(get, path = "/kennisbank/{id}/bijlagen/{file}", tag = "pages", security(()),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, description = "The file, as an attachment", content_type = "application/octet-stream")))]
pub async fn download_attachment(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let access = state.app.example_files_access(session.as_ref().map(|s| &s.actor), id).await?;
    Ok(download(state.app.example_attachment(&access, file).await?))
}

/// Attaches a file to a practice example from its page (editors who keep it, its author).
#[utoipa::path(post, path = "/kennisbank/{id}/bijlagen", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 303, description = "Attached, or refused with the reason on the example's page")))]
pub async fn attach_to_example(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<Response> {
    let access = state.app.example_files_access(Some(&session.actor), id).await?;
    if !access.may_write() {
        return Err(AppError::forbidden());
    }
    let multipart = multipart.map_err(|_| AppError::new(ErrorKind::BadRequest))?;
    let form = read_upload(multipart, state.app.files().max_bytes()).await?;
    let token = form.fields.get(FORM_FIELD).map(String::as_str).unwrap_or("");
    if !passend_app::accounts::secrets::same_secret(token, &session.csrf_token) {
        return Err(AppError::new(ErrorKind::Csrf));
    }
    let upload = form.file.unwrap_or(Upload { name: String::new(), bytes: Vec::new(), size: 0 });
    let back = attachments_page(id, form.fields.get("terug").map(String::as_str));
    match state.app.attach_to_example(&session.actor, &access, upload).await? {
        Ok(_) => Ok(Redirect::to(&format!("{back}?melding=opgeslagen#bijlagen")).into_response()),
        Err(problems) => {
            // The reason travels as its catalogue id (and the extension), never as text.
            let id_of = problems.first().map_or("files-empty", |(_, m)| m.id);
            let ext = problems
                .first()
                .and_then(|(_, m)| m.args.iter().find(|(name, _)| *name == "ext"))
                .map(|(_, value)| match value {
                    passend_domain::MessageArg::Text(t) => t.clone(),
                    passend_domain::MessageArg::Number(n) => n.to_string(),
                })
                .unwrap_or_default();
            let query =
                serde_urlencoded::to_string([("bijlage-fout", id_of), ("ext", ext.as_str())]).unwrap_or_default();
            Ok(Redirect::to(&format!("{back}?{query}#bijlagen")).into_response())
        }
    }
}

/// The page an attachment form leads back to: the editor's (`terug=bewerken`, a draft's) or the example's.
fn attachments_page(id: i64, back: Option<&str>) -> String {
    if back == Some("bewerken") { format!("/kennisbank/{id}/bewerken") } else { format!("/kennisbank/{id}") }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BackForm {
    /// `bewerken`: back to the editor's page.
    terug: String,
}

/// Removes an attachment of a practice example from its page (editors who keep it, its author).
#[utoipa::path(post, path = "/kennisbank/{id}/bijlagen/{file}/verwijderen", tag = "pages", security(("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 303, description = "Removed: back to the page it was on"), (status = 403, description = "May not change the example")))]
pub async fn remove_attachment(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, i64)>,
    CsrfForm { session, form }: CsrfForm<BackForm>,
) -> AppResult<Response> {
    let access = state.app.example_files_access(Some(&session.actor), id).await?;
    state.app.remove_example_attachment(&access, file).await?;
    let back = attachments_page(id, Some(form.terug.as_str()));
    Ok(Redirect::to(&format!("{back}?melding=opgeslagen#bijlagen")).into_response())
}

/// The reasons a file is refused, which the example page may show after a redirect.
const FILE_MESSAGES: [&str; 6] = [
    "files-empty",
    "files-too-large",
    "files-type-refused",
    "files-content-mismatch",
    "files-virus-found",
    "files-scan-failed",
];

/// The attachments block of a practice example's page.
pub struct AttachmentsBlock {
    pub example_id: i64,
    pub files: Vec<FileRecord>,
    pub may_attach: bool,
    pub accept: String,
    pub max_mb: String,
    /// Why the last file was refused (shown next to the field).
    pub error: Option<String>,
    /// Shown on the editor's page (a draft's), where its forms lead back to.
    pub on_editor: bool,
}

impl AttachmentsBlock {
    /// The block for the example page, or `None` when the caller may not see its attachments.
    /// `refused` is a refusal's catalogue id and extension, as the upload's redirect named them;
    /// only the file messages are shown.
    pub async fn load(
        ctx: &PageContext,
        state: &AppState,
        example_id: i64,
        refused: (&str, &str),
        on_editor: bool,
    ) -> AppResult<AttachmentsBlock> {
        let access = state.app.example_files_access(ctx.session.as_ref().map(|s| &s.actor), example_id).await?;
        let files = state.app.example_attachments(&access).await?;
        let max_mb = megabytes(state.app.files().max_bytes());
        let (id, ext) = refused;
        let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).take(5).collect();
        let error = FILE_MESSAGES.iter().find(|known| **known == id).map(|known| {
            let message = passend_domain::Message::new(known)
                .with("max", max_mb.clone())
                .with("types", passend_domain::groups::files::allowed_list())
                .with("ext", ext);
            ctx.lang.message(&message)
        });
        Ok(AttachmentsBlock {
            example_id,
            files,
            may_attach: access.may_write(),
            accept: accept_attribute(),
            max_mb,
            error,
            on_editor,
        })
    }

    pub fn size(&self, bytes: &i64) -> String {
        human_size(*bytes)
    }
}
