//! The survey reader on files written here: the columns, separators, skipped rows, and every
//! refusal with its line and column.

use super::*;

fn read(text: &str) -> Result<SurveyImport, SurveyError> {
    read_survey(text.as_bytes(), "walk.csv", &SurveyLimits::default())
}

fn refused(text: &str) -> String {
    read(text).unwrap_err().to_string()
}

#[test]
fn a_survey_with_every_column() {
    let csv = "X, Y ,AP,rssi_dbm,floor,band,time,notes\n\
               4.0,2.5,AP-0-01,-54,0,5,2026-11-30T10:14:03Z,by the door\n\
               \n\
               4.0,2.5,AP-0-01,-56.5,0,5 GHz,2026-11-30T10:14:05Z,\n\
               10,-3,\"AP, east\",-71,1,2.4GHz,,\n";
    let r = read(csv).unwrap();
    let rows = &r.survey.rows;
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].position, Point::new(4.0, 2.5));
    assert_eq!(rows[0].ap, ApRef::Ap("AP-0-01".into()));
    assert_eq!(rows[0].floor.as_deref(), Some("0"));
    assert_eq!(rows[0].band, Some(Band::Ghz5));
    assert_eq!(rows[0].time.as_deref(), Some("2026-11-30T10:14:03Z"));
    // Repeated scans are rows of their own; the blank line is skipped (line numbers hold).
    assert_eq!((rows[1].line, rows[1].rssi_dbm), (4, -56.5));
    assert_eq!(rows[2].ap, ApRef::Ap("AP, east".into()));
    assert_eq!(
        (rows[2].band, rows[2].time.as_deref()),
        (Some(Band::Ghz2_4), None)
    );
    // The column not read is noted.
    assert_eq!(r.notes.len(), 1);
    assert!(
        r.notes[0].message.contains("columns not read: notes"),
        "{:?}",
        r.notes
    );
}

#[test]
fn bssids_are_read_with_the_access_point_they_map_to() {
    let csv =
        "x;y;bssid;ap;rssi_dbm\n1,5;2;AA-BB-CC-00-11-22;AP-1;-60\n1;2;aa:bb:cc:00:11:33;;-61\n";
    let r = read(csv).unwrap();
    assert_eq!(
        r.survey.rows[0].ap,
        ApRef::Bssid {
            bssid: "aa:bb:cc:00:11:22".into(),
            ap: Some("AP-1".into())
        }
    );
    // A semicolon file writes a decimal comma.
    assert_eq!(r.survey.rows[0].position, Point::new(1.5, 2.0));
    assert_eq!(
        r.survey.rows[1].ap,
        ApRef::Bssid {
            bssid: "aa:bb:cc:00:11:33".into(),
            ap: None
        }
    );
    // Tabs too; a byte order mark is skipped.
    let r = read_survey(
        b"\xEF\xBB\xBFx\ty\tap\trssi_dbm\r\n1\t2\tAP-1\t-40\r\n",
        "t.tsv",
        &SurveyLimits::default(),
    )
    .unwrap();
    assert_eq!(r.survey.rows[0].rssi_dbm, -40.0);
}

#[test]
fn rows_that_are_no_measurement_are_left_out_and_counted() {
    let csv = "x,y,ap,rssi_dbm\n1,1,A,-200\n1,1,A,\n1,1,A,3\n1,1,A,-150\n1,1,,-50\n1,1,A,-149\n";
    let r = read(csv).unwrap();
    assert_eq!(r.survey.rows.len(), 1);
    assert_eq!(r.survey.rows[0].rssi_dbm, -149.0);
    assert_eq!(r.survey.not_measured, 5);
    assert!(
        r.notes
            .iter()
            .any(|n| n.message.starts_with("5 rows left out"))
    );
}

#[test]
fn bad_files_are_refused_naming_the_line_and_column() {
    for (csv, message) in [
        ("", "walk.csv: no header line"),
        ("\n\n  \n", "walk.csv: no header line"),
        (
            "x,y,rssi_dbm\n1,1,-50\n",
            "walk.csv, line 1: no column ap (or bssid) in the header",
        ),
        (
            "x,ap,rssi_dbm\n",
            "walk.csv, line 1: no column y in the header",
        ),
        (
            "x,y,ap,rssi_dbm\n1,NaN,A,-50\n",
            "walk.csv, line 2, column y: \"NaN\" is not a number",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1,A,inf\n",
            "walk.csv, line 2, column rssi_dbm: \"inf\" is not a number",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1e999,A,-50\n",
            "walk.csv, line 2, column y: \"1e999\" is not a number",
        ),
        (
            "x,y,ap,rssi_dbm\n,1,A,-50\n",
            "walk.csv, line 2, column x: \"\" is not a number",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1,A,-50\n2,2e6,A,-50\n",
            "walk.csv, line 3, column y: 2000000 m is too far",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1,=HYPERLINK(\"http://x\"),-50\n",
            "walk.csv, line 2, column ap: a spreadsheet formula, not a value: \"=HYPERLINK(\"http://x\")\"",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1,@SUM(A1),-50\n",
            "walk.csv, line 2, column ap: a spreadsheet formula",
        ),
        (
            "x,y,ap,rssi_dbm,band\n1,1,A,-50,60\n",
            "walk.csv, line 2, column band: \"60\" is not a band (2.4, 5 or 6)",
        ),
        (
            "x,y,ap,rssi_dbm\n1,1,A,-50,extra\n",
            "walk.csv, line 2: 5 fields, the header has 4 columns",
        ),
    ] {
        let got = refused(csv);
        assert!(got.starts_with(message), "{csv:?}: {got}");
    }
    let long = format!("x,y,ap,rssi_dbm\n1,1,{},-50\n", "A".repeat(300));
    assert_eq!(
        refused(&long),
        "walk.csv, line 2, column ap: a field of more than 256 characters"
    );
}

#[test]
fn hostile_files_are_bounded_before_what_they_ask_for_is_made() {
    // Not text.
    assert_eq!(
        read_survey(b"x\0,\0y\0", "u16.csv", &SurveyLimits::default())
            .unwrap_err()
            .kind,
        SurveyErrorKind::NotText
    );
    assert!(
        read_survey(
            b"x,y,ap,rssi_dbm\n1,1,\xff\xfe,-50\n",
            "latin.csv",
            &SurveyLimits::default()
        )
        .unwrap_err()
        .to_string()
        .contains("not UTF-8"),
    );
    // A million columns: refused at the header.
    let wide = format!("{}\n", vec!["c"; 1_000_000].join(","));
    let e = read(&wide).unwrap_err();
    assert_eq!(
        (e.line, e.kind),
        (
            Some(1),
            SurveyErrorKind::TooManyColumns {
                count: 1_000_000,
                max: 64
            }
        )
    );
    // Too many rows: refused at the first one over, naming its line.
    let limits = SurveyLimits {
        max_rows: 100,
        ..SurveyLimits::default()
    };
    let mut many = String::from("x,y,ap,rssi_dbm\n");
    for _ in 0..150 {
        many.push_str("1,1,A,-50\n");
    }
    let e = read_survey(many.as_bytes(), "many.csv", &limits).unwrap_err();
    assert_eq!(
        (e.line, e.kind),
        (Some(102), SurveyErrorKind::TooManyRows { max: 100 })
    );
    // Too big: refused before a byte is parsed.
    let limits = SurveyLimits {
        max_bytes: 10,
        ..SurveyLimits::default()
    };
    assert_eq!(
        read_survey(many.as_bytes(), "big.csv", &limits)
            .unwrap_err()
            .to_string(),
        format!(
            "big.csv: {} bytes, more than a survey file may have (10 bytes)",
            many.len()
        )
    );
    // 10^8 rows would be 10^9 bytes: the default size limit refuses it long before.
    const { assert!(SurveyLimits::DEFAULT_MAX_BYTES < 1_000_000_000) };
}
