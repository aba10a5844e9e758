//! User-written Markdown: refused when it holds HTML (so the author sees why
//! and nothing is stored half-cleaned), and rendered through pulldown-cmark
//! and then ammonia, so that what reaches a page is sanitised even if stored
//! text predates the check.

use pulldown_cmark::{Event, Options, Parser, html};

use crate::Message;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Markdown without HTML passes; a tag or a script is refused with a message.
pub fn check(markdown: &str) -> Result<(), Message> {
    let has_html =
        Parser::new_ext(markdown, options()).any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)));
    if has_html { Err(Message::new("kb-markdown-html")) } else { Ok(()) }
}

/// The Markdown as sanitised HTML: only harmless tags, links get `rel="noopener noreferrer nofollow"`.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&raw)
        .to_string()
}

/// The Markdown as plain text, for search and mails.
pub fn to_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_to_safe_html() {
        let html = to_html("**Vet** en [link](https://example.org) en [kwaad](javascript:alert(1))");
        assert!(html.contains("<strong>Vet</strong>"), "{html}");
        assert!(html.contains(r#"href="https://example.org""#), "{html}");
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn html_in_markdown_is_refused_and_never_rendered() {
        assert_eq!(check("Tekst <script>alert(1)</script>").unwrap_err().id, "kb-markdown-html");
        assert_eq!(check("<div onclick=x>blok</div>").unwrap_err().id, "kb-markdown-html");
        assert!(check("Gewoon 3 < 4 en *nadruk*").is_ok());
        let html = to_html("<script>alert(1)</script><img src=x onerror=alert(1)>");
        assert!(!html.contains("<script") && !html.contains("onerror"), "{html}");
    }

    #[test]
    fn plain_text_drops_the_markup() {
        assert_eq!(to_text("# Kop\n\nEen **vette** zin.\n- punt"), "Kop Een vette zin. punt");
    }
}
