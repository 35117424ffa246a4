//! `tailplan sheet` and `tailplan export --dxf --csv-schedule` as a user runs them: real
//! processes, real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../floorplans/{name}.tailplan.json"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn one_floor_with_its_continuation_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("small.svg");
    let text = ok(&tailplan(&[
        "sheet",
        s(&sample("small")),
        "--date",
        "2025-02-03",
        "-o",
        s(&out),
    ]));
    assert!(text.contains("small.svg (Ground floor: cabling"), "{text}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains(">2025-02-03<"));
    assert!(svg.contains(">1 of 2<"));
    // The continuation sheet beside it.
    let more = std::fs::read_to_string(dir.path().join("small-2.svg")).unwrap();
    assert!(more.contains(">2 of 2<") && more.contains("(continued)"));

    let cov = dir.path().join("cov.svg");
    ok(&tailplan(&[
        "sheet",
        s(&sample("small")),
        "--kind",
        "coverage",
        "--paper",
        "A2",
        "-o",
        s(&cov),
    ]));
    let svg = std::fs::read_to_string(&cov).unwrap();
    assert!(svg.contains("width=\"594mm\""), "A2 as asked");
    assert!(svg.contains("Coverage heatmap"));
}

#[test]
fn the_whole_set_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheets");
    let text = ok(&tailplan(&[
        "sheet",
        s(&sample("small")),
        "--all",
        "-o",
        s(&out),
    ]));
    assert!(text.contains("4 sheet(s)"), "{text}");
    for name in ["index", "cabling-0", "cabling-0-2", "coverage-0"] {
        assert!(out.join(format!("{name}.svg")).is_file(), "{name}");
    }
}

#[test]
fn a_pdf_of_one_floor_and_of_the_whole_set() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("small.pdf");
    let small = sample("small");
    let args = |out: &Path, all: bool| {
        let mut a = vec!["sheet", s(&small), "--date", "2025-02-03", "-o"];
        a.push(s(out));
        if all {
            a.push("--all");
        }
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run = |a: &[String]| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        ok(&tailplan(&a))
    };
    let text = run(&args(&one, false));
    // The cabling sheet and its continuation: two pages, no SVG beside it.
    assert!(text.contains("small.pdf (2 page(s)"), "{text}");
    let bytes = std::fs::read(&one).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"));
    assert_eq!(count(&bytes, b"/Type/Pages/Count 2"), 1, "two pages");
    assert!(!dir.path().join("small-2.pdf").exists() && !dir.path().join("small.svg").exists());

    let set = dir.path().join("set.PDF");
    let text = run(&args(&set, true));
    assert!(text.contains("set.PDF (4 page(s)"), "{text}");
    let first = std::fs::read(&set).unwrap();
    assert_eq!(count(&first, b"/Type/Pages/Count 4"), 1, "four pages");
    // The same bytes again.
    run(&args(&set, true));
    assert!(
        std::fs::read(&set).unwrap() == first,
        "a second run differs"
    );
    // Several projects are written into a folder each, not into one PDF.
    let o = tailplan(&[
        "sheet",
        s(&sample("small")),
        s(&sample("office")),
        "--all",
        "-o",
        s(&set),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("one project's PDF or zip at a time"));
}

#[test]
fn a_zip_of_the_set_holds_the_folders_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let small = sample("small");
    let (folder, zipped) = (dir.path().join("sheets"), dir.path().join("sheets.zip"));
    let set = |out: &Path| {
        ok(&tailplan(&[
            "sheet",
            s(&small),
            "--all",
            "--date",
            "2025-02-03",
            "-o",
            s(out),
        ]))
    };
    set(&folder);
    let text = set(&zipped);
    assert!(text.contains("sheets.zip (4 sheet(s)"), "{text}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zipped).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut svg = String::new();
        std::io::Read::read_to_string(&mut entry, &mut svg).unwrap();
        let beside = std::fs::read_to_string(folder.join(&name)).unwrap();
        assert!(svg == beside, "{name} differs from the folder's");
        names.push(name);
    }
    assert_eq!(
        names,
        [
            "index.svg",
            "cabling-0.svg",
            "cabling-0-2.svg",
            "coverage-0.svg"
        ]
    );
    // One floor's sheet and its continuation, zipped.
    let one = dir.path().join("cabling.ZIP");
    let text = ok(&tailplan(&["sheet", s(&small), "-o", s(&one)]));
    assert!(text.contains("cabling.ZIP (2 sheet(s)"), "{text}");
    assert_eq!(
        zip::ZipArchive::new(std::fs::File::open(&one).unwrap())
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_output_name_sheets_are_not_written_as_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let small = sample("small");
    for (out, all, says) in [
        ("plan.png", false, "not .png"),
        ("plan.dxf", false, "not .dxf"),
        ("set.svg", true, "with --all, OUT is a folder"),
    ] {
        let path = dir.path().join(out);
        let mut args = vec!["sheet", s(&small), "-o", s(&path)];
        if all {
            args.push("--all");
        }
        let o = tailplan(&args);
        assert_eq!(o.status.code(), Some(2), "{out}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains(out) && e.contains(says), "{out}: {e}");
        assert!(!path.exists(), "{out}: nothing written");
    }
    // A folder's name may hold a dot.
    let folder = dir.path().join("sheets.v2");
    ok(&tailplan(&["sheet", s(&small), "--all", "-o", s(&folder)]));
    assert!(folder.join("index.svg").is_file());
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

#[test]
fn bad_requests_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let office = sample("office");
    for args in [
        vec!["--scale", "1:100", "--paper", "A3"],
        vec!["--floor", "9"],
        vec!["--scale", "big"],
        vec!["--date", "yesterday"],
        vec![],
    ] {
        let mut all = vec!["sheet", s(&office)];
        if args.is_empty() {
            // Four floors and no --floor.
        } else if args[0] != "--floor" {
            all.extend(["--floor", "0"]);
        }
        all.extend(args.iter().copied());
        all.extend(["-o", s(&out)]);
        let o = tailplan(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.trim().is_empty(), "{all:?}");
        assert!(!out.exists(), "{all:?}: nothing written");
    }
}

#[test]
fn export_writes_dxf_per_floor_and_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let dxf = dir.path().join("office.dxf");
    let csv = dir.path().join("cables.csv");
    let text = ok(&tailplan(&[
        "export",
        s(&sample("office")),
        "--dxf",
        s(&dxf),
        "--csv-schedule",
        s(&csv),
        "--date",
        "2025-01-31",
    ]));
    assert!(text.contains("floor 3"), "{text}");
    for id in ["0", "1", "2", "3"] {
        let bytes = std::fs::read(dir.path().join(format!("office-{id}.dxf"))).unwrap();
        let t = String::from_utf8_lossy(&bytes);
        assert!(
            t.contains("TP-ROUTES-TR-") && t.contains("AC1024"),
            "floor {id}"
        );
    }
    let schedule = std::fs::read_to_string(&csv).unwrap();
    assert!(schedule.starts_with("cable_id,from,to,floor,medium"));
    assert!(schedule.lines().count() > 1600);

    // One floor by name.
    let one = dir.path().join("level1.dxf");
    ok(&tailplan(&[
        "export",
        s(&sample("office")),
        "--dxf",
        s(&one),
        "--floor",
        "1",
    ]));
    assert!(one.is_file());
}

#[test]
fn the_scenario_comparison_sheet_with_its_plan_and_a_bad_file_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = |f: &str| dir.path().join(f);
    // The built-in scenarios.
    let text = ok(&tailplan(&[
        "sheet",
        s(&sample("campus")),
        "--kind",
        "scenarios",
        "--date",
        "2025-02-03",
        "-o",
        s(&out("built-in.svg")),
    ]));
    assert!(text.contains("built-in.svg (Scenario comparison"), "{text}");
    let svg = std::fs::read_to_string(out("built-in.svg")).unwrap();
    for name in ["as-drawn", "all-copper", "spe-sensors", "wireless-first"] {
        assert!(svg.contains(&format!(">{name}<")), "{name}");
    }
    assert!(svg.contains(">TP-SCN<") && svg.contains(">2025-02-03<"));
    assert!(svg.contains("width=\"420mm\"") && !svg.contains("Development plan"));

    // A file with phases: its scenarios, the plan's table and chart, its warning printed.
    std::fs::write(
        out("phases.json"),
        r#"{"scenarios": [{"name": "<script>&\"", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "spe"}]}],
            "phases": [{"name": "A first", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"},
                       {"name": "B then", "year": 2028, "buildings": ["B"], "scenario": "wireless-first", "after": ["A first"]}]}"#,
    )
    .unwrap();
    let o = tailplan(&[
        "sheet",
        s(&sample("campus")),
        "--kind",
        "scenarios",
        "--scenarios",
        s(&out("phases.json")),
        "--paper",
        "A2",
        "--duty-cycle",
        "0.5",
        "-o",
        s(&out("plan.svg")),
    ]);
    ok(&o);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("matches nothing: no device of class \"lighting\""),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let svg = std::fs::read_to_string(out("plan.svg")).unwrap();
    assert!(svg.contains("width=\"594mm\""), "A2 as asked");
    assert!(svg.contains("&lt;script&gt;&amp;&quot;") && !svg.contains("<script"));
    assert!(svg.contains(">Development plan<") && svg.contains("id=\"chart-plan\""));
    assert!(svg.contains(">A first<") && svg.contains(">2028<"));
    assert!(
        svg.contains("a duty cycle of 0.5"),
        "--duty-cycle said in the notes"
    );

    // A bad file: exit 2, the file and the member named, nothing written.
    std::fs::write(
        out("bad.json"),
        r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "outlet"}, "medium": "wireless"}]}]}"#,
    )
    .unwrap();
    let o = tailplan(&[
        "sheet",
        s(&sample("campus")),
        "--kind",
        "scenarios",
        "--scenarios",
        s(&out("bad.json")),
        "-o",
        s(&out("bad.svg")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.json: ")
            && err.contains("scenarios[0].rules[0].medium: wireless is for devices"),
        "{err}"
    );
    assert!(!out("bad.svg").exists());
    // --scenarios with another kind, and the comparison in a set: refused.
    let o = tailplan(&[
        "sheet",
        s(&sample("campus")),
        "--scenarios",
        s(&out("phases.json")),
        "--floor",
        "A0",
        "-o",
        s(&out("x.svg")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("--scenarios, --duty-cycle and --gateway-w are for --kind scenarios")
    );
    let o = tailplan(&[
        "sheet",
        s(&sample("campus")),
        "--all",
        "--kind",
        "scenarios",
        "-o",
        s(&out("set")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("--kind scenarios: the scenario comparison is not part of a set"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
