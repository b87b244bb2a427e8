//! The batch benchmark: generated frameworks of 15, 30 and 60 roles (five
//! levels each, 13 skills per level from a catalogue of 40) built by the
//! release binary, as a script would run it. Reports wall time, CPU time
//! (user + system) and peak memory (maximum resident set) from
//! `/usr/bin/time -v`, the median of three runs each.
//!
//! Run with `cargo bench --bench batch` (optionally `-- 60` for one size).
//! With `JOBPACK_BENCH_KEEP=<folder>` the generated frameworks are written
//! there and kept, for profiling a build by hand.

#[path = "../tests/build_support/generate.rs"]
mod generate;

use std::path::Path;
use std::process::Command;

const RUNS: usize = 3;

/// One measured run.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![15, 30, 60]
    } else {
        sizes
    };
    let bin = env!("CARGO_BIN_EXE_jobpack");
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("/usr/bin/time is needed (Debian: apt-get install time)");
        std::process::exit(1);
    }
    let keep = std::env::var_os("JOBPACK_BENCH_KEEP").map(std::path::PathBuf::from);
    let tmp = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("jobpack-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&tmp).expect("temporary folder");
    println!(
        "roles  documents  wall s  cpu s  peak MB   (median of {RUNS}, release build, {} threads)",
        threads()
    );
    for roles in sizes {
        let framework = tmp.join(format!("roles-{roles}.toml"));
        std::fs::write(
            &framework,
            generate::realistic(roles, 5, 40, 13, 1).to_toml(),
        )
        .expect("write the framework");
        let out = tmp.join(format!("out-{roles}"));
        let mut samples: Vec<Sample> = (0..RUNS).map(|_| run(bin, &framework, &out)).collect();
        let documents = count_files(&out) - 1; // not the manifest
        samples.sort_by(|a, b| a.wall.total_cmp(&b.wall));
        let m = samples[RUNS / 2];
        println!(
            "{roles:>5}  {documents:>9}  {:>6.2}  {:>5.2}  {:>7.1}",
            m.wall, m.cpu, m.peak_mb
        );
    }
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

fn threads() -> String {
    std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| {
        std::thread::available_parallelism().map_or("?".into(), |n| n.to_string())
    })
}

fn run(bin: &str, framework: &Path, out: &Path) -> Sample {
    let _ = std::fs::remove_dir_all(out);
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(bin)
        .args(["build", "--quiet", "--out"])
        .arg(out)
        .arg(framework)
        .output()
        .expect("run jobpack under /usr/bin/time");
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed:\n{report}");
    let field = |name: &str| -> &str {
        report
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {name} in:\n{report}"))
    };
    let seconds = |name: &str| field(name).parse::<f64>().expect("seconds");
    Sample {
        wall: wall_seconds(field("Elapsed (wall clock) time (h:mm:ss or m:ss):")),
        cpu: seconds("User time (seconds):") + seconds("System time (seconds):"),
        peak_mb: field("Maximum resident set size (kbytes):")
            .parse::<f64>()
            .expect("kB")
            / 1024.0,
    }
}

/// "m:ss.ss" or "h:mm:ss" as seconds.
fn wall_seconds(text: &str) -> f64 {
    text.split(':')
        .map(|p| p.parse::<f64>().expect("time"))
        .fold(0.0, |acc, p| acc * 60.0 + p)
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("output folder")
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                count_files(&e.path())
            } else {
                1
            }
        })
        .sum()
}
