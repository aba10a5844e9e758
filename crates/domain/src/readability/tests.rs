use super::*;

fn counts(text: &str) -> (usize, usize) {
    let found = sentences(text);
    (found.len(), found.iter().map(|s| s.words.len()).sum())
}

#[test]
fn sentences_and_words_as_schools_write_them() {
    assert_eq!(counts("De kat zit op de mat. Hij is blij."), (2, 9));
    // Abbreviations do not end a sentence.
    assert_eq!(counts("We werken o.a. met de IB-er. Bijv. bij rekenen helpt zij z.s.m. na de toets."), (2, 15));
    assert_eq!(counts("Dhr. J. de Vries is m.b.t. gedrag de contactpersoon, d.w.z. hij belt u."), (1, 13));
    // Numbers with dots and commas stay whole.
    assert_eq!(counts("De school heeft 1.250 leerlingen. Zij krijgen 2,5 uur extra."), (2, 10));
    // A heading, bullets and a sentence.
    assert_eq!(
        counts("Wat wij bieden\n\n- extra hulp bij lezen\n- een plusklas\n\nWe werken samen met ouders."),
        (4, 14)
    );
    // Text pasted from a PDF: broken lines and a word split with a hyphen.
    let pasted = "De school biedt extra hulp aan kin-\nderen die moeite hebben met lezen. Ook\nwerken we samen.";
    let found = sentences(pasted);
    assert_eq!(found.len(), 2);
    assert!(found[0].words.contains(&"kinderen".to_owned()), "{:?}", found[0].words);
    assert_eq!(counts("Is dat zo? Ja! Dat klopt…"), (3, 6));
    assert_eq!(counts(""), (0, 0));
    assert_eq!(counts("  \n\n -- "), (0, 0));
}

#[test]
fn syllables_from_dutch_hyphenation() {
    for (word, expected) in [
        ("school", 1),
        ("kat", 1),
        ("ouders", 2),
        ("kinderen", 3),
        ("leerlingen", 3),
        ("ondersteuning", 4),
        ("samenwerkingsverband", 6),
        ("SWV", 3),
        ("2026", 1),
        ("zorg-en-adviesteam", 5),
    ] {
        assert_eq!(syllables(word), expected, "{word}");
    }
}

#[test]
fn flesch_douma_by_the_formula_and_its_bands() {
    // 2 sentences, 9 words, 9 syllables: 206.835 − 0.93 × 4.5 − 77 × 1.
    let analysis = analyse("De kat zit op de mat. Hij is blij.", &Options::default());
    assert_eq!((analysis.sentences, analysis.words, analysis.syllables), (2, 9, 9));
    let expected = 206.835 - 0.93 * 4.5 - 77.0;
    assert!((analysis.flesch_douma.unwrap() - expected).abs() < 1e-9);
    assert_eq!(analysis.band, Some(Band::VeryEasy));
    assert_eq!(Band::of(65.0), Band::LowerSecondary);
    assert!(Band::of(60.0).reaches_b1() && !Band::of(59.9).reaches_b1());
    assert_eq!(Band::of(12.0), Band::Academic);
    assert_eq!(analyse("", &Options::default()).flesch_douma, None);
}

#[test]
fn hints_name_long_sentences_passive_voice_nominalisations_and_jargon() {
    let text = "De ouders worden door de intern begeleider uitgenodigd. Wij nodigen de ouders uit. \
        Het plan is besproken met het team. Het beleid is duidelijk. \
        In het kader van de implementatie van de nieuwe werkwijze rondom de ondersteuningsstructuur \
        wordt er door de school in samenwerking met het samenwerkingsverband een verbetering ingezet. \
        Uw kind krijgt misschien een OPP en een arrangement van het SWV; arrangementen zijn maatwerk.";
    let analysis = analyse(text, &Options::default());
    let passive: Vec<usize> = analysis.passive_sentences.iter().map(|s| s.index).collect();
    assert_eq!(passive, [0, 2, 4]);
    assert_eq!(analysis.long_sentences.iter().map(|s| s.index).collect::<Vec<_>>(), [4]);
    assert_eq!(analysis.long_sentences[0].words, 26);
    assert!(analysis.nominalisations.contains(&"implementatie".to_owned()));
    assert!(analysis.nominalisations.contains(&"verbetering".to_owned()));
    assert!(analysis.long_words.contains(&"ondersteuningsstructuur".to_owned()));
    let jargon: Vec<(&str, usize)> = analysis.jargon.iter().map(|j| (j.term.as_str(), j.count)).collect();
    for expected in [("arrangement", 2), ("OPP", 1), ("SWV", 1), ("intern begeleider", 1), ("samenwerkingsverband", 1)]
    {
        assert!(jargon.contains(&expected), "{expected:?} in {jargon:?}");
    }
    let opp = analysis.jargon.iter().find(|j| j.term == "OPP").unwrap();
    assert_eq!(opp.suggestion, "een plan voor de ontwikkeling van uw kind");
}

#[test]
fn the_jargon_list_is_ours_and_large_enough() {
    let terms = jargon_terms();
    assert!(terms.len() >= 60, "{}", terms.len());
    let mut seen = std::collections::HashSet::new();
    assert!(terms.iter().all(|t| seen.insert(t.term) && !t.suggestion.is_empty()));
}

#[test]
fn very_short_answers_are_not_worth_scoring() {
    assert!(!worth_scoring("basisschool"));
    assert!(!worth_scoring("Ja, 12 ."));
    assert!(!worth_scoring("  twee woorden "));
    assert!(worth_scoring("Wij werken met groepsplannen."));
    assert!(!worth_scoring("- Jenaplan met veel extra zorg"), "a single list item");
    assert!(worth_scoring("- Jenaplan met veel extra zorg\n- een plusklas voor groep 5 tot 8"));
}

mod properties {
    use proptest::prelude::*;

    use super::super::{Options, analyse};

    proptest! {
        #[test]
        fn any_text_is_analysed_without_panic(text in "\\PC{0,400}") {
            let analysis = analyse(&text, &Options::default());
            prop_assert!(analysis.words >= analysis.long_words.len());
            prop_assert!(analysis.flesch_douma.is_none_or(f64::is_finite));
        }

        #[test]
        fn dutch_like_text_is_analysed_without_panic(text in "([A-Za-zëéï0-9.,;:!?()'\"-]{1,12}[ \\n]{1,2}){0,80}") {
            let analysis = analyse(&text, &Options::default());
            prop_assert!(analysis.sentences <= analysis.words.max(1));
        }
    }
}

#[test]
fn spelling_is_checked_only_with_a_dictionary() {
    struct Known(&'static [&'static str]);
    impl Speller for Known {
        fn knows(&self, word: &str) -> bool {
            self.0.contains(&word)
        }
    }
    let speller = Known(&["de", "kinderen", "lezen", "met", "amsterdam", "in"]);
    let text = "De kindren lezen met de IB-er in Amsterdam, 2026. Kinderen lezen.";
    assert_eq!(analyse(text, &Options::default()).misspelled, None, "no dictionary: no verdict");
    let checked = analyse_with(text, &Options::default(), Some(&speller));
    assert_eq!(checked.misspelled, Some(vec!["kindren".to_owned()]), "acronyms, numbers and names are left alone");
}
