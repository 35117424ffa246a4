//! Batch work: several projects (or every floor of one) processed in parallel, as a campus of
//! many buildings is.
//!
//! A command runs each job into a [`Report`] (what it would print, and how it ended) instead of
//! printing; [`parallel`] runs the jobs on rayon's threads with a progress bar on stderr
//! (hidden when stderr is not a terminal, so logs and pipes get none), and [`finish`] prints
//! the reports in the order of the jobs, so that the output does not depend on which thread
//! finished first. A job that fails does not stop the others: its error is printed in its
//! place, and the command ends with the worst exit code.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::Failure;

/// What a job printed, and how it ended.
#[derive(Debug, Default)]
pub struct Report {
    /// Its standard output.
    pub out: String,
    /// Its standard error (warnings, notes).
    pub err: String,
    /// `None` when it succeeded.
    pub failure: Option<Failure>,
}

impl Report {
    /// A line of standard output.
    pub fn say(&mut self, line: impl AsRef<str>) {
        let _ = writeln!(self.out, "{}", line.as_ref());
    }

    /// Records the end of a job: its failure, if any.
    pub fn end(mut self, result: Result<(), Failure>) -> Self {
        self.failure = result.err();
        self
    }

    /// Prints the report as a command run on one project prints it, and ends the same way.
    pub fn finish(self) -> Result<(), Failure> {
        eprint!("{}", self.err);
        print!("{}", self.out);
        self.failure.map_or(Ok(()), Err)
    }
}

/// Runs `job` on every item in parallel, with a progress bar saying `what`; returns the
/// results in the items' order.
pub fn parallel<T: Sync, R: Send>(
    what: &str,
    items: &[T],
    job: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    let bar = if std::io::stderr().is_terminal() && items.len() > 1 {
        let bar = ProgressBar::new(items.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_owned());
        bar
    } else {
        ProgressBar::hidden()
    };
    let out = items
        .par_iter()
        .map(|item| {
            let r = job(item);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    out
}

/// Prints the reports in order, each under a `==> NAME <==` header when `headers`, and ends
/// with the worst exit code of those that failed (naming how many).
pub fn finish(reports: Vec<(String, Report)>, headers: bool) -> Result<(), Failure> {
    let total = reports.len();
    let mut failed = 0;
    let mut code = 0;
    for (i, (name, r)) in reports.into_iter().enumerate() {
        if headers {
            if i > 0 {
                println!();
            }
            println!("==> {name} <==");
        }
        eprint!("{}", r.err);
        print!("{}", r.out);
        if let Some(f) = r.failure {
            eprintln!("tailplan: error: {}", f.message);
            failed += 1;
            code = code.max(f.code);
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure {
            code,
            message: format!("{failed} of {total} failed"),
        })
    }
}

/// The name a project's outputs take in `--out-dir`: [`tailplan_app::export::stem`] of its
/// file name (`campus/b1.tailplan.json` → `b1`).
pub fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    tailplan_app::export::stem(&name)
}

/// The stems of `paths`; refuses two that would write the same files in `--out-dir`.
pub fn stems(paths: &[PathBuf]) -> Result<Vec<String>, Failure> {
    let stems: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    for (i, s) in stems.iter().enumerate() {
        if let Some(j) = stems[..i].iter().position(|t| t == s) {
            return Err(Failure::input(format!(
                "{} and {} would both write {s}-* in --out-dir: rename one",
                paths[j].display(),
                paths[i].display()
            )));
        }
    }
    Ok(stems)
}

/// Makes `dir` (and its parents) for `--out-dir`.
pub fn out_dir(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure {
        code: 1,
        message: format!("{}: cannot make the folder: {e}", dir.display()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_names() {
        assert_eq!(stem(Path::new("campus/b1.tailplan.json")), "b1");
        assert_eq!(stem(Path::new("plan.geojson")), "plan");
        assert_eq!(stem(Path::new("x.json")), "x");
        assert_eq!(stem(Path::new("drawing.dxf")), "drawing.dxf");
        assert_eq!(stem(Path::new(".tailplan.json")), ".tailplan");
        assert!(
            stems(&[
                PathBuf::from("a/x.json"),
                PathBuf::from("b/x.tailplan.json")
            ])
            .is_err()
        );
        assert_eq!(
            stems(&[PathBuf::from("a/x.json"), PathBuf::from("b/y.json")]).unwrap(),
            ["x", "y"]
        );
    }

    #[test]
    fn parallel_keeps_the_order() {
        let items: Vec<u32> = (0..100).collect();
        assert_eq!(
            parallel("squares", &items, |x| x * x),
            items.iter().map(|x| x * x).collect::<Vec<_>>()
        );
    }
}
