//! The build's progress bar, and when its estimate of the time left is worth showing.
//!
//! indicatif's `{eta}` extrapolates from the first document or two, which
//! are the slowest (fonts are loaded, threads start), so a five-second build
//! used to open with "2m left". Here the estimate is a plain average over
//! the whole run so far, shown only once it rests on enough of the run.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Runs below this many documents finish too fast for a progress bar to help.
const PROGRESS_THRESHOLD: usize = 40;

/// No estimate before this much of the run has passed...
const SETTLE_TIME: Duration = Duration::from_secs(2);

/// ...nor before this fraction of the documents is done.
const SETTLE_FRACTION: f64 = 0.1;

/// The bar: `{left}` is " (about 40s left)" once [`time_left`] gives an estimate, else nothing.
const TEMPLATE: &str = "{bar:40} {pos}/{len} documents{left}";

/// The bar on standard error for a run of `len` documents; hidden when quiet,
/// for short runs, and when standard error is not a terminal.
pub(crate) fn bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(TEMPLATE).map(|s| {
        s.with_key(
            "left",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let len = state.len().unwrap_or(0);
                if let Some(left) = time_left(state.elapsed(), state.pos(), len) {
                    let _ = write!(w, " (about {} left)", words(left));
                }
            },
        )
    });
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

/// The time left, by the average pace so far; `None` until `done` of `total`
/// documents after `elapsed` say enough (see [`SETTLE_TIME`], [`SETTLE_FRACTION`]).
pub(crate) fn time_left(elapsed: Duration, done: u64, total: u64) -> Option<Duration> {
    if done == 0 || done >= total || elapsed < SETTLE_TIME {
        return None;
    }
    if (done as f64) < SETTLE_FRACTION * total as f64 {
        return None;
    }
    let per_document = elapsed.as_secs_f64() / done as f64;
    Some(Duration::from_secs_f64(
        per_document * (total - done) as f64,
    ))
}

/// "5s", "40s", "2m", rounded up: an estimate, not a countdown.
fn words(left: Duration) -> String {
    let seconds = left.as_secs_f64().ceil() as u64;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m", seconds.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid() {
        assert!(ProgressStyle::with_template(TEMPLATE).is_ok());
    }

    #[test]
    fn no_estimate_from_the_first_documents() {
        // The first document of a 5-second, 100-document build took 1.2 s.
        assert_eq!(time_left(Duration::from_millis(1200), 1, 100), None);
        assert_eq!(time_left(Duration::from_secs(3), 5, 100), None);
        assert_eq!(time_left(Duration::ZERO, 0, 100), None);
        assert_eq!(time_left(Duration::from_secs(9), 100, 100), None);
    }

    #[test]
    fn the_estimate_is_the_average_pace() {
        let left = time_left(Duration::from_secs(2), 40, 100).unwrap();
        assert_eq!(left, Duration::from_secs(3));
        assert_eq!(words(left), "3s");
        assert_eq!(words(Duration::from_secs(61)), "2m");
        assert_eq!(words(Duration::from_millis(59_500)), "1m");
    }
}
