//! The demo SWV's own words for the plain-language assistant (issue 17), and
//! one of the platform's, so that the live hints and the readability report
//! of the demo school show them.

use passend_storage::Database;

/// Words schools in the demo region use, with what parents understand.
const SWV_TERMS: &[(&str, &str)] = &[
    ("kernteam jeugd", "het team van school, wijkteam en gemeente dat met u meedenkt"),
    ("moederschool", "de school waar uw kind ingeschreven blijft"),
    ("arrangeren", "extra hulp regelen"),
    ("plusvoorziening", "een klas met extra hulp in de regio"),
];

const PLATFORM_TERMS: &[(&str, &str)] = &[("thuiszitterspact", "afspraken zodat geen kind thuis zit")];

pub(crate) async fn seed_terms(db: &Database, swv: &str) -> anyhow::Result<()> {
    for (term, plain) in SWV_TERMS {
        db.seed_plain_term(Some(swv), term, plain).await?;
    }
    for (term, plain) in PLATFORM_TERMS {
        db.seed_plain_term(None, term, plain).await?;
    }
    Ok(())
}
