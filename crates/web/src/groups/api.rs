//! The closed groups' JSON API, and the attachments of practice examples.
//! A group the caller may not see is 404, signed in or not: the routes of one
//! group declare the session as optional (`security((), ("session" = []))`),
//! since without one they answer 404, never 401.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use passend_app::groups::{
    FileRecord, FileView, GroupSummary, Invited, LoadedGroup, MemberRecord, MessageView, Upload,
};
use passend_domain::groups::GroupInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InGroup, MaybeSession, download, read_upload};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::{Session, SignedIn};

pub fn router() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .routes(routes!(list_files, upload_file))
        .routes(routes!(list_attachments, upload_attachment))
        // The size limit is the configured one, checked while reading (`read_upload`).
        .layer(DefaultBodyLimit::disable());
    OpenApiRouter::new()
        .routes(routes!(my_groups, create_group))
        .routes(routes!(group_detail))
        .routes(routes!(list_messages, post_message))
        .routes(routes!(download_file, delete_file))
        .routes(routes!(list_members, invite_member))
        .routes(routes!(remove_member, change_member_role))
        .routes(routes!(download_attachment, delete_attachment))
        .merge(uploads)
}

/// A group in a list.
#[derive(Serialize, ToSchema)]
pub struct GroupCard {
    pub id: i64,
    pub name: String,
    pub description: String,
    /// `moderator` or `member`; absent for a platform admin who is no member.
    pub role: Option<String>,
}

impl From<GroupSummary> for GroupCard {
    fn from(summary: GroupSummary) -> Self {
        GroupCard {
            id: summary.group.id,
            name: summary.group.name,
            description: summary.group.description,
            role: summary.role.map(|r| r.key().to_owned()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct GroupList {
    pub groups: Vec<GroupCard>,
}

/// The groups the caller is a member of (every group for a platform admin).
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups", security(("session" = [])),
    responses((status = 200, body = GroupList)))]
pub async fn my_groups(State(state): State<AppState>, SignedIn(session): SignedIn) -> AppResult<Json<GroupList>> {
    let groups = state.app.my_groups(&session.actor).await?;
    Ok(Json(GroupList { groups: groups.into_iter().map(GroupCard::from).collect() }))
}

/// A new closed group. Missing fields are empty, so that access is decided before the fields are judged.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewGroup {
    pub name: String,
    pub description: String,
    /// An activity whose participants (with a place) become members by signing up.
    pub activity_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Makes a closed group (platform admins and editors); the maker is its moderator.
#[utoipa::path(post, path = "/api/v1/groups", tag = "groups", security(("session" = [])), request_body = NewGroup,
    responses((status = 201, body = Created), (status = 400, description = "Field errors")))]
pub async fn create_group(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Json(form): Json<NewGroup>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let input = GroupInput { name: form.name, description: form.description };
    let id = state.app.create_group(&session.actor, &input, form.activity_id).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// One group, with what the caller may do in it.
#[derive(Serialize, ToSchema)]
pub struct GroupDetail {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub activity_id: Option<i64>,
    /// The caller's part: `moderator`, `member`, or absent.
    pub role: Option<String>,
    /// Reads and writes messages and files.
    pub reads: bool,
    /// Invites and removes members, removes any file.
    pub keeps: bool,
    /// Unix seconds.
    pub created_at: i64,
}

impl From<&LoadedGroup> for GroupDetail {
    fn from(group: &LoadedGroup) -> Self {
        GroupDetail {
            id: group.record.id,
            name: group.record.name.clone(),
            description: group.record.description.clone(),
            activity_id: group.record.activity_id,
            role: group.role.map(|r| r.key().to_owned()),
            reads: group.reads(),
            keeps: group.keeps(),
            created_at: group.record.created_at,
        }
    }
}

/// A group the caller may see.
#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = GroupDetail)))]
pub async fn group_detail(InGroup { group, .. }: InGroup) -> AppResult<Json<GroupDetail>> {
    Ok(Json(GroupDetail::from(&group)))
}

#[derive(Serialize, ToSchema)]
pub struct MessageBody {
    pub id: i64,
    pub author_name: String,
    /// Markdown as written.
    pub body: String,
    /// The body rendered and sanitised.
    pub body_html: String,
    /// Unix seconds.
    pub created_at: i64,
}

impl From<MessageView> for MessageBody {
    fn from(view: MessageView) -> Self {
        MessageBody {
            id: view.record.id,
            author_name: view.record.author_name,
            body: view.record.body,
            body_html: view.html,
            created_at: view.record.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MessageList {
    /// Newest first, at most 200.
    pub messages: Vec<MessageBody>,
}

/// The group's messages (members and platform admins).
#[utoipa::path(get, path = "/api/v1/groups/{id}/messages", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = MessageList)))]
pub async fn list_messages(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
) -> AppResult<Json<MessageList>> {
    let messages = state.app.group_messages(&group).await?;
    Ok(Json(MessageList { messages: messages.into_iter().map(MessageBody::from).collect() }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewMessage {
    /// Plain text or Markdown (no HTML); no pupil data.
    pub body: String,
}

/// Posts a message in the group (members and platform admins).
#[utoipa::path(post, path = "/api/v1/groups/{id}/messages", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), request_body = NewMessage,
    responses((status = 201, body = Created), (status = 400, description = "Field errors")))]
pub async fn post_message(
    State(state): State<AppState>,
    InGroup { group, session }: InGroup,
    Json(form): Json<NewMessage>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = state.app.post_group_message(&session.actor, &group, &form.body).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// What is known about a shared file.
#[derive(Serialize, ToSchema)]
pub struct FileInfo {
    pub id: i64,
    /// The safe name it downloads under.
    pub name: String,
    pub media_type: String,
    /// Bytes.
    pub size: i64,
    pub uploader_name: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Where to download it (through Passend, after the access check).
    pub download_url: String,
    /// Whether the caller may remove it.
    pub removable: bool,
}

impl FileInfo {
    fn of(record: FileRecord, download_url: String, removable: bool) -> Self {
        FileInfo {
            id: record.id,
            name: record.name,
            media_type: record.media_type,
            size: record.size,
            uploader_name: record.uploader_name,
            created_at: record.created_at,
            download_url,
            removable,
        }
    }

    fn in_group(group: i64, view: FileView) -> Self {
        let url = format!("/api/v1/groups/{group}/files/{}", view.record.id);
        FileInfo::of(view.record, url, view.removable)
    }
}

#[derive(Serialize, ToSchema)]
pub struct FileList {
    /// Newest first.
    pub files: Vec<FileInfo>,
}

/// The group's files (members and platform admins).
#[utoipa::path(get, path = "/api/v1/groups/{id}/files", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = FileList)))]
pub async fn list_files(State(state): State<AppState>, InGroup { group, .. }: InGroup) -> AppResult<Json<FileList>> {
    let files = state.app.group_files(&group).await?;
    Ok(Json(FileList { files: files.into_iter().map(|f| FileInfo::in_group(group.id(), f)).collect() }))
}

/// A file to share, as `multipart/form-data`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FileUpload {
    /// The file: pdf, docx, xlsx, pptx, odt, ods, odp, png, jpg, txt or csv, within the size limit
    /// (10 MB unless configured otherwise); its content must match its extension.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

async fn upload_of(state: &AppState, multipart: Multipart) -> AppResult<Upload> {
    let form = read_upload(multipart, state.app.files().max_bytes()).await?;
    Ok(form.file.unwrap_or(Upload { name: String::new(), bytes: Vec::new(), size: 0 }))
}

/// Shares a file in the group (members and platform admins). Refused files
/// (empty, too large, a type not allowed, content that does not match the
/// extension, found by the virus scan) are a field error on `file`; nothing is stored then.
#[utoipa::path(post, path = "/api/v1/groups/{id}/files", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), request_body(content = FileUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Created), (status = 400, description = "Field errors, or not a multipart body"),
        (status = 413, description = "Not used: a file over the limit is a field error (400)"),
        (status = 415, description = "Not used: a body that is not multipart is a 400"),
        (status = 422, description = "Not used: field errors are a 400")))]
pub async fn upload_file(
    State(state): State<AppState>,
    InGroup { group, session }: InGroup,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let multipart = multipart.map_err(|_| AppError::new(crate::error::ErrorKind::BadRequest))?;
    let upload = upload_of(&state, multipart).await?;
    let id = state.app.share_group_file(&session.actor, &group, upload).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Downloads a file of the group (members and platform admins), as an attachment.
#[utoipa::path(get, path = "/api/v1/groups/{id}/files/{file}", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, description = "The file's bytes, with the type it was checked as, `Content-Disposition: attachment`",
        content((String = "application/pdf"), (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            (String = "application/vnd.oasis.opendocument.text"), (String = "application/vnd.oasis.opendocument.spreadsheet"),
            (String = "application/vnd.oasis.opendocument.presentation"), (String = "image/png"), (String = "image/jpeg"),
            (String = "text/plain"), (String = "text/csv")))))]
pub async fn download_file(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    Ok(download(state.app.group_file(&group, file).await?))
}

/// Removes a file: its uploader, or who keeps the group. The record and the bytes go.
#[utoipa::path(delete, path = "/api/v1/groups/{id}/files/{file}", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)), responses((status = 204, description = "Removed")))]
pub async fn delete_file(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, file)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    state.app.delete_group_file(&group, file).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct Member {
    pub email: String,
    /// The account's name; absent while the address has no account.
    pub name: Option<String>,
    /// `moderator` or `member`.
    pub role: String,
    /// `invited`, or `activity` (signed up for the group's activity).
    pub source: String,
}

impl From<MemberRecord> for Member {
    fn from(m: MemberRecord) -> Self {
        Member { email: m.email, name: m.name, role: m.role.key().to_owned(), source: m.source.key().to_owned() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MemberList {
    pub members: Vec<Member>,
}

/// The group's members (members, and who keeps the group).
#[utoipa::path(get, path = "/api/v1/groups/{id}/members", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = MemberList)))]
pub async fn list_members(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
) -> AppResult<Json<MemberList>> {
    let members = state.app.group_members(&group).await?;
    Ok(Json(MemberList { members: members.into_iter().map(Member::from).collect() }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewMember {
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct InviteResult {
    /// `added` (and mailed), or `already_member`.
    pub status: String,
}

/// Invites an address (moderators, platform admins and editors): a member at once, mailed the group's link.
#[utoipa::path(post, path = "/api/v1/groups/{id}/members", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path)), request_body = NewMember,
    responses((status = 200, body = InviteResult), (status = 400, description = "Field errors")))]
pub async fn invite_member(
    State(state): State<AppState>,
    lang: crate::i18n::ReaderLang,
    InGroup { group, session }: InGroup,
    Json(form): Json<NewMember>,
) -> AppResult<Json<InviteResult>> {
    let outcome =
        state.app.invite_to_group(lang.0, &session.actor, &group, &form.email).await?.map_err(problems_error)?;
    let status = match outcome {
        Invited::Added => "added",
        Invited::AlreadyMember => "already_member",
    };
    Ok(Json(InviteResult { status: status.to_owned() }))
}

/// Takes an address out of the group (moderators, platform admins and editors); the last moderator stays (409).
#[utoipa::path(delete, path = "/api/v1/groups/{id}/members/{email}", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path), ("email" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 409, description = "The group's last moderator")))]
pub async fn remove_member(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, email)): Path<(i64, String)>,
) -> AppResult<StatusCode> {
    state.app.remove_from_group(&group, &email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct MemberRole {
    /// `moderator` (hands moderation on) or `member` (takes it back).
    pub role: String,
}

/// Gives a member another part (moderators, platform admins and editors):
/// `moderator` or `member`; the group's last moderator stays one (409).
#[utoipa::path(put, path = "/api/v1/groups/{id}/members/{email}", tag = "groups", security((), ("session" = [])),
    params(("id" = i64, Path), ("email" = String, Path)), request_body = MemberRole,
    responses((status = 200, body = Member), (status = 400, description = "Not a part a member can have"),
        (status = 409, description = "The group's last moderator")))]
pub async fn change_member_role(
    State(state): State<AppState>,
    InGroup { group, .. }: InGroup,
    Path((_group, email)): Path<(i64, String)>,
    Json(form): Json<MemberRole>,
) -> AppResult<Json<Member>> {
    let Some(role) = passend_domain::groups::GroupRole::parse(form.role.trim()) else {
        return Err(problems_error(vec![("role", passend_domain::Message::new("groups-role-invalid"))]));
    };
    state.app.set_group_role(&group, &email, role).await?;
    let members = state.app.group_members(&group).await?;
    let member =
        members.into_iter().find(|m| m.email.eq_ignore_ascii_case(email.trim())).ok_or_else(AppError::not_found)?;
    Ok(Json(Member::from(member)))
}

fn actor_of(session: Option<&std::sync::Arc<Session>>) -> Option<&passend_domain::access::Actor> {
    session.map(|s| &s.actor)
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentList {
    /// Whether the caller may attach and remove files.
    pub may_attach: bool,
    pub files: Vec<FileInfo>,
}

/// A practice example's attachments: for everyone once it is published; a
/// draft's for the editors who keep it and its author.
#[utoipa::path(get, path = "/api/v1/knowledge/examples/{id}/attachments", tag = "knowledge", security(()),
    params(("id" = i64, Path)), responses((status = 200, body = AttachmentList)))]
pub async fn list_attachments(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Path(id): Path<i64>,
) -> AppResult<Json<AttachmentList>> {
    let access = state.app.example_files_access(actor_of(session.as_ref()), id).await?;
    let files = state.app.example_attachments(&access).await?;
    let may = access.may_write();
    let files = files
        .into_iter()
        .map(|record| {
            let url = format!("/api/v1/knowledge/examples/{id}/attachments/{}", record.id);
            FileInfo::of(record, url, may)
        })
        .collect();
    Ok(Json(AttachmentList { may_attach: may, files }))
}

/// Attaches a file to a practice example (the editors who keep it, its author), as `multipart/form-data`.
#[utoipa::path(post, path = "/api/v1/knowledge/examples/{id}/attachments", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path)), request_body(content = FileUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Created), (status = 400, description = "Field errors, or not a multipart body"),
        (status = 413, description = "Not used: a file over the limit is a field error (400)"),
        (status = 415, description = "Not used: a body that is not multipart is a 400"),
        (status = 422, description = "Not used: field errors are a 400")))]
pub async fn upload_attachment(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let access = state.app.example_files_access(Some(&session.actor), id).await?;
    if !access.may_write() {
        return Err(AppError::forbidden());
    }
    let multipart = multipart.map_err(|_| AppError::new(crate::error::ErrorKind::BadRequest))?;
    let upload = upload_of(&state, multipart).await?;
    let file = state.app.attach_to_example(&session.actor, &access, upload).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id: file })))
}

/// Downloads an attachment of a practice example, as an attachment.
#[utoipa::path(get, path = "/api/v1/knowledge/examples/{id}/attachments/{file}", tag = "knowledge", security(()),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, description = "The file's bytes, with the type it was checked as, `Content-Disposition: attachment`",
        content((String = "application/pdf"), (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            (String = "application/vnd.oasis.opendocument.text"), (String = "application/vnd.oasis.opendocument.spreadsheet"),
            (String = "application/vnd.oasis.opendocument.presentation"), (String = "image/png"), (String = "image/jpeg"),
            (String = "text/plain"), (String = "text/csv")))))]
pub async fn download_attachment(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let access = state.app.example_files_access(actor_of(session.as_ref()), id).await?;
    Ok(download(state.app.example_attachment(&access, file).await?))
}

/// Removes an attachment (the editors who keep the example, its author).
#[utoipa::path(delete, path = "/api/v1/knowledge/examples/{id}/attachments/{file}", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)), responses((status = 204, description = "Removed")))]
pub async fn delete_attachment(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let access = state.app.example_files_access(Some(&session.actor), id).await?;
    state.app.remove_example_attachment(&access, file).await?;
    Ok(StatusCode::NO_CONTENT)
}
