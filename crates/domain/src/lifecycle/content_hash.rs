//! The content hash that identifies an adopted version.

use sha2::{Digest, Sha256};

use crate::questionnaire::{AnswerValue, Template};

/// SHA-256 over the template and the school's answers (sorted by item key),
/// hex-encoded. Equal content gives an equal hash on every machine and
/// backend; any change to a question, an answer or a note changes it.
pub fn content_hash<'a>(
    template: &Template,
    answers: impl IntoIterator<Item = (&'a str, &'a AnswerValue, Option<&'a str>)>,
) -> String {
    let mut sorted: Vec<_> = answers.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut hasher = Sha256::new();
    hasher.update(b"passend-profile-v1\n");
    hasher.update(serde_json::to_string(template).expect("templates serialise"));
    for (key, value, note) in sorted {
        hasher.update(b"\n");
        hasher.update(key.as_bytes());
        hasher.update(b"\t");
        hasher.update(serde_json::to_string(value).expect("answers serialise"));
        hasher.update(b"\t");
        hasher.update(serde_json::to_string(&note).expect("notes serialise"));
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    #[test]
    fn the_hash_follows_the_content_not_the_order() {
        let (a, b) = (AnswerValue::Choice("standaard".into()), AnswerValue::Text("Ieder kind telt.".into()));
        let one = content_hash(default_template(), [("aanbod.dyslexie", &a, None), ("visie.ondersteuning", &b, None)]);
        let two = content_hash(default_template(), [("visie.ondersteuning", &b, None), ("aanbod.dyslexie", &a, None)]);
        assert_eq!(one, two);
        assert_eq!(one.len(), 64);
        let noted = content_hash(
            default_template(),
            [("aanbod.dyslexie", &a, Some("met hulp")), ("visie.ondersteuning", &b, None)],
        );
        assert_ne!(one, noted);
        let other = AnswerValue::Choice("niet".into());
        assert_ne!(
            one,
            content_hash(default_template(), [("aanbod.dyslexie", &other, None), ("visie.ondersteuning", &b, None)])
        );
    }
}
