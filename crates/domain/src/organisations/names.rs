//! Place names as people write them. DUO stores municipalities in capitals,
//! some abbreviated and without their accents (`S GRAVENHAGE`, `BERGEN NH`,
//! `SUDWEST-FRYSLAN`); pages show them the way the municipality writes its
//! own name (`'s-Gravenhage`, `Bergen (NH)`, `Súdwest-Fryslân`).

/// Names that no casing rule gets right, by [`place_key`].
const SPECIAL: &[(&str, &str)] = &[
    ("SGRAVENHAGE", "'s-Gravenhage"),
    ("SHERTOGENBOSCH", "'s-Hertogenbosch"),
    ("BERGENNH", "Bergen (NH)"),
    ("BERGENLB", "Bergen (L)"),
    ("BERGENL", "Bergen (L)"),
    ("NUENENCA", "Nuenen, Gerwen en Nederwetten"),
    ("NUENENGERWENENNEDERWETTEN", "Nuenen, Gerwen en Nederwetten"),
    ("SUDWESTFRYSLAN", "Súdwest-Fryslân"),
    ("NOARDEASTFRYSLAN", "Noardeast-Fryslân"),
];

/// Words written in lower case inside a name ("Alphen aan den Rijn"), but
/// not at its start ("De Bilt") nor after a hyphen ("Reusel-De Mierden").
const PARTICLES: &[&str] = &["aan", "bij", "de", "den", "der", "en", "het", "in", "op", "over", "van"];

/// A municipality's name as it writes it, from DUO's capitals. Names that are
/// already in mixed case are left as they are.
pub fn municipality_name(raw: &str) -> String {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if raw.chars().any(char::is_lowercase) {
        return raw;
    }
    let key = place_key(&raw);
    if let Some((_, name)) = SPECIAL.iter().find(|(k, _)| *k == key) {
        return (*name).to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut word = String::new();
    // The separator before the word being read: None at the start.
    let mut before: Option<char> = None;
    let flush = |word: &mut String, before: Option<char>, out: &mut String| {
        if word.is_empty() {
            return;
        }
        out.push_str(&word_case(word, before));
        word.clear();
    };
    for c in raw.chars() {
        if c == ' ' || c == '-' {
            flush(&mut word, before, &mut out);
            out.push(c);
            before = Some(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, before, &mut out);
    out
}

fn word_case(word: &str, before: Option<char>) -> String {
    let lower = word.to_lowercase();
    if before == Some(' ') && PARTICLES.contains(&lower.as_str()) {
        return lower;
    }
    // The Dutch digraph: IJsselstein, Oude IJsselstreek.
    if let Some(rest) = lower.strip_prefix("ij") {
        return format!("IJ{rest}");
    }
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A place name reduced to its letters and digits in capitals without
/// accents, so that `'s-Gravenhage`, `S GRAVENHAGE` and `'S-GRAVENHAGE`
/// compare equal.
pub fn place_key(name: &str) -> String {
    name.chars().filter_map(fold).filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// A letter without its accent (the accents of Dutch and Frisian place names).
fn fold(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        c if c.is_ascii() => c,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duo_capitals_become_names() {
        for (duo, name) in [
            ("DIEMEN", "Diemen"),
            ("AMSTERDAM", "Amsterdam"),
            ("S GRAVENHAGE", "'s-Gravenhage"),
            ("'S-GRAVENHAGE", "'s-Gravenhage"),
            ("S HERTOGENBOSCH", "'s-Hertogenbosch"),
            ("BERGEN NH", "Bergen (NH)"),
            ("BERGEN (NH)", "Bergen (NH)"),
            ("BERGEN LB", "Bergen (L)"),
            ("BERGEN OP ZOOM", "Bergen op Zoom"),
            ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
            ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
            ("IJSSELSTEIN", "IJsselstein"),
            ("OUDE IJSSELSTREEK", "Oude IJsselstreek"),
            ("DE BILT", "De Bilt"),
            ("DEN HELDER", "Den Helder"),
            ("HET HOGELAND", "Het Hogeland"),
            ("REUSEL-DE MIERDEN", "Reusel-De Mierden"),
            ("HENDRIK-IDO-AMBACHT", "Hendrik-Ido-Ambacht"),
            ("WIJK BIJ DUURSTEDE", "Wijk bij Duurstede"),
            ("HOF VAN TWENTE", "Hof van Twente"),
            ("WEST MAAS EN WAAL", "West Maas en Waal"),
            ("SUDWEST-FRYSLAN", "Súdwest-Fryslân"),
            ("NUENEN CA", "Nuenen, Gerwen en Nederwetten"),
            ("  WEST  BETUWE ", "West Betuwe"),
        ] {
            assert_eq!(municipality_name(duo), name, "{duo}");
        }
    }

    #[test]
    fn names_in_mixed_case_stay_as_written() {
        assert_eq!(municipality_name("'s-Gravenhage"), "'s-Gravenhage");
        assert_eq!(municipality_name("Amsterdam"), "Amsterdam");
        assert_eq!(municipality_name(""), "");
    }

    #[test]
    fn keys_ignore_case_accents_and_punctuation() {
        assert_eq!(place_key("'s-Gravenhage"), place_key("S GRAVENHAGE"));
        assert_eq!(place_key("Súdwest-Fryslân"), "SUDWESTFRYSLAN");
        assert_eq!(place_key("Bergen (NH)"), place_key("BERGEN NH"));
        assert_ne!(place_key("Bergen (NH)"), place_key("Bergen (L)"));
    }
}
