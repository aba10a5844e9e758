//! Throughput of the readability analysis on one core: the ten fixture texts
//! repeated to about 20 MB, analysed in one piece and in paragraphs.
//!
//!     cargo run --release -p passend-domain --example bench_readability

use std::time::Instant;

use passend_domain::readability::{Options, analyse};

const TEXTS: [&str; 10] = [
    include_str!("../../../tests/fixtures/leesbaarheid/01_ouderbrief.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/02_sop_proza.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/03_leerlingen.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/04_visie.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/05_aanbod.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/06_grenzen.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/07_ambities.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/08_nieuwsbrief.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/09_beleid.txt"),
    include_str!("../../../tests/fixtures/leesbaarheid/10_contact.txt"),
];

fn main() {
    let mut corpus = String::new();
    while corpus.len() < 20 * 1024 * 1024 {
        for text in TEXTS {
            corpus.push_str(text);
            corpus.push('\n');
        }
    }
    let options = Options::default();
    let mb = corpus.len() as f64 / (1024.0 * 1024.0);
    println!("corpus: {mb:.1} MB of Dutch text");
    for run in 1..=3 {
        let started = Instant::now();
        let analysis = analyse(&corpus, &options);
        let secs = started.elapsed().as_secs_f64();
        println!(
            "whole text, run {run}: {secs:.2} s, {:.1} MB/s ({} sentences, {} words)",
            mb / secs,
            analysis.sentences,
            analysis.words
        );
    }
    let paragraphs: Vec<&str> = corpus.split('\n').filter(|p| !p.is_empty()).collect();
    let started = Instant::now();
    let mut words = 0;
    for paragraph in &paragraphs {
        words += analyse(paragraph, &options).words;
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{} paragraphs one by one: {secs:.2} s, {:.1} MB/s ({words} words)", paragraphs.len(), mb / secs);
}
