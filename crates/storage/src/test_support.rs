//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL database
//! when `TEST_DATABASE_URL` names a server.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::AnyConnection;
use sqlx::Connection;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The URL of a new, empty database.
pub async fn fresh_database_url() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let name = format!("passend_t_{}_{}_{}", std::process::id(), n, nanos);
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if server.starts_with("postgres") => {
            sqlx::any::install_default_drivers();
            let mut admin = AnyConnection::connect(&server)
                .await
                .unwrap_or_else(|e| panic!("TEST_DATABASE_URL {server} does not answer: {e}"));
            sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create test database");
            admin.close().await.ok();
            with_database_name(&server, &name)
        }
        _ => {
            let dir = std::env::temp_dir().join("passend-tests");
            std::fs::create_dir_all(&dir).expect("temp dir for test databases");
            format!("sqlite://{}", dir.join(format!("{name}.db")).display())
        }
    }
}

fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..path_start], name);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(super::with_database_name("postgres://u@h:5432/test", "x"), "postgres://u@h:5432/x");
        assert_eq!(
            super::with_database_name("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(super::with_database_name("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
