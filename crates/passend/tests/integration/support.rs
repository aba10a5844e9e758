use passend::config::Config;
use passend::server::{self, RunningServer};
use passend_domain::access::{Membership, Role};
use passend_domain::accounts::Email;
use passend_domain::duo::{DuoFile, parse_file};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_storage::Database;
use passend_storage::test_support::fresh_database_url;
use reqwest::header::{COOKIE, HeaderMap, HeaderValue};
use reqwest::redirect::Policy;
use sha2::{Digest, Sha256};

pub const PASSWORD: &str = "een lang wachtwoord";

pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/duo").join(name)
}

fn parsed(name: &str) -> DuoFile {
    parse_file(name, &std::fs::read(fixture(name)).unwrap()).unwrap()
}

pub struct TestApp {
    pub url: String,
    /// The database the server uses, for a second server process on the same one.
    pub database_url: String,
    pub db: Database,
    /// Where `/metrics` is served without a token, when the test set `metrics_bind`.
    pub metrics_addr: Option<std::net::SocketAddr>,
    server: Option<RunningServer>,
    pub http: reqwest::Client,
}

/// A signed-in person: the session cookie and its CSRF token.
#[derive(Clone)]
pub struct Login {
    pub cookie: String,
    pub csrf: String,
}

impl Login {
    pub fn headers(&self) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(&self.cookie).unwrap());
        headers.insert("x-csrf-token", HeaderValue::from_str(&self.csrf).unwrap());
        headers
    }
}

impl TestApp {
    /// A server on a fresh database with the small DUO fixtures imported
    /// (SWVs PO2707, PO2815, PO2509, VO…; schools 04FZ, 20XK, 32DD, 13EU, 17AB; boards 41234, 50001).
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let database_url = fresh_database_url().await;
        // The reminders job runs only where a test starts it.
        let mut config = Config {
            database_url: database_url.clone(),
            bind: "127.0.0.1:0".to_owned(),
            reminder_interval_secs: 0,
            ..Config::default()
        };
        adjust(&mut config);
        let db = server::open_database(&database_url).await.unwrap();
        let files = vec![parsed("vestigingen_klein.csv"), parsed("pc4_swv_klein.csv"), parsed("duo_adressen_oud.csv")];
        db.import_duo(&files, &|_| {}).await.unwrap();
        let running = server::start(&config, db.clone()).await.unwrap();
        let http = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
        TestApp {
            url: running.url.clone(),
            database_url,
            db,
            metrics_addr: running.metrics_addr,
            server: Some(running),
            http,
        }
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.url, path)
    }

    /// Makes an account with the given memberships.
    pub async fn user(&self, email: &str, name: &str, roles: &[(OrgKind, &str, Role)]) -> i64 {
        let hash = passend_app::accounts::hash_password(PASSWORD).await.unwrap();
        let id = self.db.create_user(&Email::parse(email).unwrap(), name, &hash).await.unwrap();
        for (kind, code, role) in roles {
            let membership = Membership { org: OrgRef { kind: *kind, code: (*code).to_owned() }, role: *role };
            self.db.seed_membership(&membership, id).await.unwrap();
        }
        id
    }

    /// A session made directly in the store, as the login would: the
    /// authorisation tests do not need to pay for a password check per request.
    pub async fn session_for(&self, user_id: i64) -> Login {
        let token = format!("{:064x}", rand_u128(user_id));
        let csrf = format!("{:064x}", rand_u128(user_id + 7));
        let hash = hex::encode(Sha256::digest(token.as_bytes()));
        self.db.create_session(&hash, user_id, &csrf, passend_storage::now() + 3600).await.unwrap();
        Login { cookie: format!("passend_session={token}"), csrf }
    }

    /// Starts a location's profile for a school year through the API; its id.
    pub async fn start_profile(&self, who: &Login, brin: &str, location: &str, year: &str) -> i64 {
        let started = self
            .http
            .post(self.at(&format!("/api/v1/schools/{brin}/profiles")))
            .headers(who.headers())
            .json(&serde_json::json!({ "location": location, "school_year": year }))
            .send()
            .await
            .unwrap();
        assert_eq!(started.status(), reqwest::StatusCode::CREATED, "starting {location} {year}");
        started.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap()
    }

    /// Logs in through the API, as a client would.
    /// Takes a step of the cycle through the API as `who` and asserts it was taken. An
    /// irreversible step is confirmed: these tests are about what follows it (the
    /// confirmation itself is tested in lifecycle.rs).
    pub async fn take_step(&self, who: &Login, profile: i64, mut body: serde_json::Value) {
        body["confirmed"] = serde_json::Value::Bool(true);
        let url = self.at(&format!("/api/v1/profiles/{profile}/steps"));
        let response = self.http.post(url).headers(who.headers()).json(&body).send().await.unwrap();
        let status = response.status();
        assert_eq!(status, reqwest::StatusCode::OK, "{body}: {}", response.text().await.unwrap());
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.http
            .post(self.at("/api/v1/session"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap()
    }

    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.unwrap();
        }
    }
}

fn rand_u128(seed: i64) -> u128 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    let counter = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed) as u128;
    let mut hasher = Sha256::new();
    hasher.update(nanos.to_le_bytes());
    hasher.update(seed.to_le_bytes());
    hasher.update(counter.to_le_bytes());
    u128::from_le_bytes(hasher.finalize()[..16].try_into().unwrap())
}

static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The mails in the outbox to one address, newest first.
pub async fn mails_to(db: &Database, recipient: &str) -> Vec<passend_storage::outbox::OutboxMail> {
    let admin_id = {
        let email = Email::parse("outbox-reader@passend.test").unwrap();
        match db.user_by_email(&email).await.unwrap() {
            Some(user) => user.id,
            None => {
                let id = db.create_user(&email, "Reader", "x").await.unwrap();
                let m = Membership { org: OrgRef::platform(), role: Role::PlatformAdmin };
                db.seed_membership(&m, id).await.unwrap();
                id
            }
        }
    };
    let actor = passend_domain::access::Actor::new(admin_id, db.memberships_of(admin_id).await.unwrap());
    let admin = passend_domain::access::platform_admin(&actor).unwrap();
    db.outbox(&admin, 1000).await.unwrap().into_iter().filter(|m| m.recipient == recipient).collect()
}

/// The first link to `path_prefix` in a text.
pub fn link_in(text: &str, path_prefix: &str) -> String {
    let start = text.find(path_prefix).unwrap_or_else(|| panic!("no {path_prefix} link in {text}"));
    let rest = &text[start..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// A moment as RFC 3339 in UTC, as the API takes it.
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

/// A multipart body with these text fields and one file field `file`; its content type and bytes.
pub fn multipart_form(fields: &[(&str, &str)], file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "passend-test-grens-7d1f";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
