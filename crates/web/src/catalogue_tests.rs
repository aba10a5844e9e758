//! Every catalogue id that a template or the code uses exists in both languages.

use std::path::Path;

use passend_i18n::Lang;

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html" || e == "rs") {
            out.push(path);
        }
    }
}

/// String literals passed to the translating calls: `t("…")`, `t1("…"`, `tn("…"`,
/// `t_with("…"`, `Message::new("…")`.
fn used_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in [".t(\"", ".t1(\"", ".tn(\"", ".t_with(\"", "Message::new(\""] {
        for (at, _) in text.match_indices(call) {
            let rest = &text[at + call.len()..];
            if let Some(end) = rest.find('"') {
                let id = &rest[..end];
                if !id.is_empty()
                    && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids
}

#[test]
fn every_used_message_id_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = Vec::new();
    for crate_dir in ["web/src", "web/templates", "domain/src", "passend/src"] {
        files(&root.join(crate_dir), &mut paths);
    }
    let mut missing = Vec::new();
    let mut count = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for id in used_ids(&text) {
            count += 1;
            for lang in Lang::ALL {
                if !lang.has(&id) {
                    missing.push(format!("{} ({}) in {}", id, lang.code(), path.display()));
                }
            }
        }
    }
    assert!(count > 100, "found only {count} uses: the scan is broken");
    assert!(missing.is_empty(), "missing catalogue entries:\n{}", missing.join("\n"));
}

#[test]
fn every_role_and_error_has_a_message() {
    for lang in Lang::ALL {
        for role in passend_domain::access::Role::ALL {
            assert!(lang.has(role.message_id()), "{role:?}");
        }
        for task in passend_domain::lifecycle::TaskKind::ALL {
            assert!(lang.has(task.message_id()), "{task:?}");
        }
        for state in passend_domain::lifecycle::ProfileState::ALL {
            assert!(lang.has(state.message_id()), "{state:?}");
        }
        for id in ["mail-team-open-subject", "mail-team-open-body"] {
            assert!(lang.has(id), "{id}");
        }
        for kind in [
            crate::error::ErrorKind::NotFound,
            crate::error::ErrorKind::Forbidden,
            crate::error::ErrorKind::Unauthenticated,
            crate::error::ErrorKind::InvalidCredentials,
            crate::error::ErrorKind::Csrf,
            crate::error::ErrorKind::BadRequest,
            crate::error::ErrorKind::Conflict,
            crate::error::ErrorKind::ConfirmationRequired,
            crate::error::ErrorKind::RateLimited,
            crate::error::ErrorKind::Internal,
            crate::error::ErrorKind::DocumentFailed,
        ] {
            assert!(lang.has(kind.message_id()), "{kind:?}");
            assert!(lang.has(&format!("{}-title", kind.message_id())), "{kind:?}");
        }
    }
}

#[test]
fn every_sector_and_search_level_has_a_name() {
    for lang in Lang::ALL {
        for sector in passend_domain::organisations::Sector::ALL {
            assert!(lang.has(sector.message_id()), "{sector:?}");
        }
        for level in [passend_domain::publishing::STANDARD, passend_domain::publishing::CONSULT] {
            assert!(lang.has(&format!("find-level-{level}")), "{level}");
        }
        // Chosen in code, so the scan above does not see them.
        for id in ["find-found-near", "find-found-nearest"] {
            assert!(lang.has(id), "{id}");
        }
    }
}
