//! Load benchmark of school-answer saves over HTTP, against a running server.
//! Run through `scripts/bench-answers`, which starts the server on loopback.
//!
//! Phase 1 (throughput): each worker saves its own item over and over, every
//! save naming the version it starts from. Phase 2 (contention): all workers
//! save the same item; the later of two saves gets 409 and retries at the
//! version it is shown. Afterwards the stored answers are read back: every
//! save that got 200 must be counted in the item's version, and the stored
//! value must be the last one saved. A difference is a lost update.
//!
//! The number of requests is bounded; nothing here runs forever.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::sync::Mutex;

struct Args {
    url: String,
    email: String,
    password: String,
    brin: String,
    location: String,
    year: String,
    requests: usize,
    concurrency: usize,
    contention_requests: usize,
}

fn args() -> anyhow::Result<Args> {
    let mut a = Args {
        url: "http://127.0.0.1:8080".into(),
        email: String::new(),
        password: String::new(),
        brin: "04FZ".into(),
        location: "04FZ00".into(),
        year: "2030-2031".into(),
        requests: 20_000,
        concurrency: 8,
        contention_requests: 2_000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--url" => a.url = value,
            "--email" => a.email = value,
            "--password" => a.password = value,
            "--brin" => a.brin = value,
            "--location" => a.location = value,
            "--year" => a.year = value,
            "--requests" => a.requests = value.parse()?,
            "--concurrency" => a.concurrency = value.parse()?,
            "--contention-requests" => a.contention_requests = value.parse()?,
            other => bail!("unknown flag {other}"),
        }
    }
    if a.email.is_empty() || a.password.is_empty() {
        bail!("--email and --password are required");
    }
    Ok(a)
}

struct Api {
    http: reqwest::Client,
    base: String,
    csrf: String,
}

impl Api {
    async fn login(base: &str, email: &str, password: &str) -> anyhow::Result<Api> {
        let http = reqwest::Client::builder().cookie_store(true).pool_max_idle_per_host(64).build()?;
        let response = http
            .post(format!("{base}/api/v1/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await?;
        if !response.status().is_success() {
            bail!("login answered {}", response.status());
        }
        let body: Value = response.json().await?;
        let csrf = body["csrf_token"].as_str().context("no csrf_token")?.to_owned();
        Ok(Api { http, base: base.to_owned(), csrf })
    }

    async fn put(&self, path: &str, body: &Value) -> anyhow::Result<(StatusCode, Value)> {
        let response =
            self.http.put(format!("{}{path}", self.base)).header("x-csrf-token", &self.csrf).json(body).send().await?;
        let status = response.status();
        let body = response.json().await.unwrap_or(Value::Null);
        Ok((status, body))
    }

    async fn get(&self, path: &str) -> anyhow::Result<Value> {
        let response = self.http.get(format!("{}{path}", self.base)).send().await?;
        if !response.status().is_success() {
            bail!("GET {path} answered {}", response.status());
        }
        Ok(response.json().await?)
    }

    /// The profile of the location and year, started when it does not exist yet.
    async fn profile(&self, brin: &str, location: &str, year: &str) -> anyhow::Result<i64> {
        let response = self
            .http
            .post(format!("{}/api/v1/schools/{brin}/profiles", self.base))
            .header("x-csrf-token", &self.csrf)
            .json(&json!({ "location": location, "school_year": year }))
            .send()
            .await?;
        if response.status() == StatusCode::CREATED {
            let body: Value = response.json().await?;
            return body["id"].as_i64().context("no id");
        }
        let list = self.get(&format!("/api/v1/schools/{brin}/profiles")).await?;
        list.as_array()
            .into_iter()
            .flatten()
            .find(|p| p["location_code"] == location && p["school_year"] == year)
            .and_then(|p| p["id"].as_i64())
            .context("could neither start nor find the profile")
    }

    /// Stored version and text value of every item.
    async fn stored(&self, profile: i64) -> anyhow::Result<Vec<(String, i64, Option<String>)>> {
        let answers = self.get(&format!("/api/v1/profiles/{profile}/answers")).await?;
        Ok(answers
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                (
                    a["item_key"].as_str().unwrap_or_default().to_owned(),
                    a["version"].as_i64().unwrap_or(0),
                    a["value"]["value"].as_str().map(str::to_owned),
                )
            })
            .collect())
    }
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    saved: usize,
    conflicts: usize,
    errors: usize,
    /// Saves accepted although they started from an older version.
    stale: usize,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

fn report(name: &str, tally: &Tally, elapsed: Duration) {
    let mut sorted = tally.latencies.clone();
    sorted.sort();
    let requests = sorted.len();
    println!(
        "{name:<11} {requests:>8} {:>9.2} {:>10.0} {:>10.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>9} {:>6}",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        tally.saved as f64 / elapsed.as_secs_f64(),
        percentile(&sorted, 0.50),
        percentile(&sorted, 0.95),
        percentile(&sorted, 0.99),
        sorted.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        tally.conflicts,
        tally.errors,
    );
}

/// Each worker saves its own item `per_worker` times; returns the tally and,
/// per item, its starting version, the number of saves and the last value saved.
async fn throughput(
    api: Arc<Api>,
    profile: i64,
    items: &[(String, i64)],
    per_worker: usize,
) -> (Tally, Vec<(String, i64, usize, String)>) {
    let mut handles = Vec::new();
    for (worker, (key, start_version)) in items.iter().cloned().enumerate() {
        let api = api.clone();
        handles.push(tokio::spawn(async move {
            let path = format!("/api/v1/profiles/{profile}/answers/{key}");
            let mut tally = Tally::default();
            let mut version = start_version;
            let mut last = String::new();
            for n in 0..per_worker {
                let value = format!("Antwoord {n} van schrijver {worker}");
                let started = Instant::now();
                let result = api.put(&path, &json!({ "value": value, "version": version })).await;
                tally.latencies.push(started.elapsed());
                match result {
                    Ok((StatusCode::OK, body)) => {
                        let stored = body["version"].as_i64().unwrap_or(-1);
                        if stored != version + 1 {
                            tally.stale += 1;
                        }
                        version = stored;
                        tally.saved += 1;
                        last = value;
                    }
                    Ok((StatusCode::CONFLICT, body)) => {
                        tally.conflicts += 1;
                        version = body["current"]["version"].as_i64().unwrap_or(version);
                    }
                    _ => tally.errors += 1,
                }
            }
            (tally, key, start_version, last)
        }));
    }
    let mut total = Tally::default();
    let mut per_item = Vec::new();
    for handle in handles {
        let (tally, key, start, last) = handle.await.expect("worker");
        per_item.push((key, start, tally.saved, last));
        merge(&mut total, tally);
    }
    (total, per_item)
}

fn merge(total: &mut Tally, tally: Tally) {
    total.latencies.extend(tally.latencies);
    total.saved += tally.saved;
    total.conflicts += tally.conflicts;
    total.errors += tally.errors;
    total.stale += tally.stale;
}

/// All workers save one item until `requests` saves were tried; returns the
/// tally and the values saved with the version each save produced.
async fn contention(
    api: Arc<Api>,
    profile: i64,
    key: &str,
    start_version: i64,
    workers: usize,
    requests: usize,
) -> (Tally, Vec<(i64, String)>) {
    let budget = Arc::new(AtomicUsize::new(requests));
    let saves = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for worker in 0..workers {
        let (api, budget, saves) = (api.clone(), budget.clone(), saves.clone());
        let path = format!("/api/v1/profiles/{profile}/answers/{key}");
        handles.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut version = start_version;
            let mut n = 0;
            while budget.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |b| b.checked_sub(1)).is_ok() {
                n += 1;
                let value = format!("Strijd {n} van schrijver {worker}");
                let started = Instant::now();
                let result = api.put(&path, &json!({ "value": value, "version": version })).await;
                tally.latencies.push(started.elapsed());
                match result {
                    Ok((StatusCode::OK, body)) => {
                        let stored = body["version"].as_i64().unwrap_or(-1);
                        // A save from a stale version that still succeeds
                        // overwrote someone's answer unseen.
                        if stored != version + 1 {
                            tally.stale += 1;
                        }
                        version = stored;
                        tally.saved += 1;
                        saves.lock().await.push((version, value));
                    }
                    Ok((StatusCode::CONFLICT, body)) => {
                        tally.conflicts += 1;
                        version = body["current"]["version"].as_i64().unwrap_or(version);
                    }
                    _ => tally.errors += 1,
                }
            }
            tally
        }));
    }
    let mut total = Tally::default();
    for handle in handles {
        merge(&mut total, handle.await.expect("worker"));
    }
    let saves = std::mem::take(&mut *saves.lock().await);
    (total, saves)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args()?;
    let api = Arc::new(Api::login(&args.url, &args.email, &args.password).await?);
    let profile = api.profile(&args.brin, &args.location, &args.year).await?;
    let template = api.get(&format!("/api/v1/profiles/{profile}")).await?;
    let text_items: Vec<String> = template["template"]["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["items"].as_array().cloned().unwrap_or_default())
        .filter(|i| matches!(i["type"].as_str(), Some("long_text" | "short_text")) && i["hidden"] != true)
        .filter_map(|i| i["key"].as_str().map(str::to_owned))
        .collect();
    if text_items.len() < args.concurrency + 1 {
        bail!(
            "the template has {} text items; --concurrency may be at most {}",
            text_items.len(),
            text_items.len() - 1
        );
    }
    let before = api.stored(profile).await?;
    let version_of = |key: &str| before.iter().find(|(k, _, _)| k == key).map_or(0, |(_, v, _)| *v);
    let own: Vec<(String, i64)> =
        text_items.iter().take(args.concurrency).map(|k| (k.clone(), version_of(k))).collect();
    let shared = text_items[args.concurrency].clone();

    println!(
        "profile {profile}, {} workers, {} requests + {} contended",
        args.concurrency, args.requests, args.contention_requests
    );
    println!(
        "{:<11} {:>8} {:>9} {:>10} {:>10} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}",
        "phase",
        "requests",
        "seconds",
        "req/s",
        "saves/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "conflicts",
        "errors"
    );
    let per_worker = args.requests.div_ceil(args.concurrency);
    let started = Instant::now();
    let (tally, per_item) = throughput(api.clone(), profile, &own, per_worker).await;
    report("own items", &tally, started.elapsed());

    let started = Instant::now();
    let (contended, saves) =
        contention(api.clone(), profile, &shared, version_of(&shared), args.concurrency, args.contention_requests)
            .await;
    report("one item", &contended, started.elapsed());

    // Read back: every 200 is one version step, and the last save is what is stored.
    let after = api.stored(profile).await?;
    let mut lost = 0;
    for (key, start, saved, last) in &per_item {
        let (_, version, value) = after.iter().find(|(k, _, _)| k == key).cloned().unwrap_or_default();
        if version != start + *saved as i64 || (*saved > 0 && value.as_deref() != Some(last.as_str())) {
            eprintln!("lost update on {key}: version {version}, expected {}; value {value:?}", start + *saved as i64);
            lost += 1;
        }
    }
    let (_, version, value) = after.iter().find(|(k, _, _)| *k == shared).cloned().unwrap_or_default();
    let expected = version_of(&shared) + saves.len() as i64;
    let newest = saves.iter().max_by_key(|(v, _)| *v);
    let distinct: std::collections::HashSet<i64> = saves.iter().map(|(v, _)| *v).collect();
    if version != expected || distinct.len() != saves.len() || newest.map(|(_, v)| v.as_str()) != value.as_deref() {
        eprintln!(
            "lost update on {shared}: version {version}, expected {expected}; {} distinct versions",
            distinct.len()
        );
        lost += 1;
    }
    lost += tally.stale + contended.stale;
    println!("lost updates: {lost}");
    if lost > 0 || tally.errors + contended.errors > 0 {
        bail!("{lost} lost update(s), {} error(s)", tally.errors + contended.errors);
    }
    Ok(())
}
