//! QR codes as SVG: on the poster (typst embeds the SVG) and for a survey's link on its page.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The link as an SVG QR code with a quiet zone, at least `size` pixels
/// wide. Medium error correction: it still reads when printed small or
/// slightly smudged. `None` only for a text too long for any QR code.
pub fn svg(link: &str, size: u32) -> Option<String> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(size, size)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_becomes_an_svg_image() {
        let image = super::svg("https://passend.example/enquete/0123456789abcdef0123456789abcdef", 200).unwrap();
        assert!(image.contains("<svg") && image.contains("viewBox"), "{image}");
        assert!(image.contains("<path"), "the dark modules are drawn");
    }
}
