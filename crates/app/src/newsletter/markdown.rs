//! Markdown written by editors: refused when it holds HTML (people get a
//! clear message instead of a silently changed text), rendered with
//! pulldown-cmark and cleaned by ammonia all the same.

use pulldown_cmark::{Event, Options, Parser, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Whether the Markdown holds raw HTML (a tag, a comment, a script).
pub fn has_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, options()).any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

/// Safe HTML for the Markdown: links keep only http(s) and mailto and get `rel="noopener noreferrer"`.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    ammonia::Builder::default().url_schemes(["http", "https", "mailto"].into_iter().collect()).clean(&raw).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_clean_html() {
        let html = to_html("# Nieuws\n\nLees het [verslag](https://example.nl) van de *uitwisselingsdag*.");
        assert!(html.contains("<h1>Nieuws</h1>"));
        assert!(html.contains("<em>uitwisselingsdag</em>"));
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }

    #[test]
    fn html_and_script_are_found_and_never_rendered() {
        let evil = "Hallo <script>alert(1)</script> en [klik](javascript:alert(1))";
        assert!(has_html(evil));
        assert!(!has_html("Gewoon *tekst* met 3 < 4"));
        let html = to_html(evil);
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
    }
}
