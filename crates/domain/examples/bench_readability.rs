//! Throughput of the readability analysis on one core: the ten fixture texts
//! repeated to about 20 MB, analysed in one piece and in paragraphs.
//!
//!     cargo run --release -p passend-domain --example bench_readability [whole|paragraphs|varied]

use std::time::Instant;

use passend_domain::readability::{Options, analyse};

// The server runs on mimalloc (crates/passend/src/main.rs); the bench measures
// the analysis as the server runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time this thread has used, in seconds (Linux: the first field of
/// `/proc/thread-self/schedstat`, in nanoseconds). On a shared machine wall
/// time says how busy the others are; CPU time says what the analysis costs.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse::<f64>().ok().map(|ns| ns / 1e9)
}

/// Runs `work`, prints wall and CPU throughput.
fn measure(label: &str, mb: f64, work: impl FnOnce() -> String) {
    let cpu = cpu_seconds();
    let started = Instant::now();
    let detail = work();
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu.zip(cpu_seconds()).map(|(before, after)| after - before);
    let on_cpu = cpu.map(|c| format!(", {c:.2} s on the CPU: {:.1} MB/s", mb / c)).unwrap_or_default();
    println!("{label}: {wall:.2} s wall, {:.1} MB/s{on_cpu} ({detail})", mb / wall);
}

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

/// A letter suffix for the `n`th repetition (a, b, …, z, ba, …).
fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn main() {
    let only = std::env::args().nth(1);
    // `varied`: every word of seven letters or more gets a suffix of its
    // repetition, so the vocabulary hardly repeats (the worst case for the
    // per-word memory).
    let varied = only.as_deref() == Some("varied");
    let mut corpus = String::new();
    let mut repetition = 0;
    while corpus.len() < 20 * 1024 * 1024 {
        for text in TEXTS {
            if varied {
                let tail = suffix(repetition);
                for line in text.lines() {
                    let words: Vec<String> = line
                        .split(' ')
                        .map(|w| {
                            let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                            if core.chars().count() >= 7 {
                                format!("{core}{tail}{}", &w[core.len()..])
                            } else {
                                w.to_owned()
                            }
                        })
                        .collect();
                    corpus.push_str(&words.join(" "));
                    corpus.push('\n');
                }
            } else {
                corpus.push_str(text);
                corpus.push('\n');
            }
        }
        repetition += 1;
    }
    let options = Options::default();
    let mb = corpus.len() as f64 / (1024.0 * 1024.0);
    println!("corpus: {mb:.1} MB of Dutch text");
    // The first call builds the lookup tables (frequent words, their syllables, the glossary).
    analyse("Een eerste zin.", &options);
    // `bench_readability paragraphs` skips the whole text, `bench_readability whole`
    // the paragraphs (for a profiler).
    let whole_too = only.as_deref() != Some("paragraphs");
    let paragraphs_too = only.as_deref() != Some("whole");
    for run in (1..=3).filter(|_| whole_too) {
        measure(&format!("whole text, run {run}"), mb, || {
            let analysis = analyse(&corpus, &options);
            format!("{} sentences, {} words", analysis.sentences, analysis.words)
        });
    }
    let paragraphs: Vec<&str> = corpus.split('\n').filter(|p| !p.is_empty()).collect();
    for run in (1..=3).filter(|_| paragraphs_too) {
        measure(&format!("{} paragraphs one by one, run {run}", paragraphs.len()), mb, || {
            let words: usize = paragraphs.iter().map(|paragraph| analyse(paragraph, &options).words).sum();
            format!("{words} words")
        });
    }
}
