//! Instance files: valid ones load, malformed ones get a clear error naming the field.

use std::path::Path;

use canopy_wta::{InstanceError, InstanceFile};

fn parse(text: &str) -> Result<canopy_wta::Problem, InstanceError> {
    InstanceFile::parse(text, Path::new("inst.json"))
}

fn message(text: &str) -> String {
    parse(text).expect_err("must be rejected").to_string()
}

#[test]
fn valid_instance_with_extras_loads() {
    let p = parse(
        r#"{"weapons": 2, "targets": 2, "values": [10, 4], "pk": [[0.9, 0.5], [0.5, 0.9]],
            "cost": [1, 2], "lambda": 0.5, "forbidden": [[1, 0]], "meta": {"seed": 1}}"#,
    )
    .unwrap();
    assert_eq!((p.n_units(), p.n_targets()), (2, 2));
    assert!(!p.allowed(1, 0));
    assert_eq!(p.unit_cost(1), 1.0);
    // 10·0.1 + 4·0.1 + 0.5·(1 + 2)
    assert!((p.objective(&[Some(0), Some(1)]) - 2.9).abs() < 1e-12);
}

#[test]
fn wrong_lengths_are_named() {
    let m =
        message(r#"{"weapons": 2, "targets": 2, "values": [10], "pk": [[0.5, 0.5], [0.5, 0.5]]}"#);
    assert!(
        m.contains("inst.json") && m.contains("`values`") && m.contains("expected 2"),
        "{m}"
    );
    let m = message(r#"{"weapons": 2, "targets": 2, "values": [1, 2], "pk": [[0.5, 0.5], [0.5]]}"#);
    assert!(m.contains("`pk[1]`") && m.contains("1 entries"), "{m}");
    let m = message(r#"{"weapons": 3, "targets": 1, "values": [1], "pk": [[0.5], [0.5]]}"#);
    assert!(m.contains("`pk`"), "{m}");
    let m = message(r#"{"weapons": 1, "targets": 1, "values": [1], "pk": [[0.5]], "cost": []}"#);
    assert!(m.contains("`cost`"), "{m}");
}

#[test]
fn out_of_range_numbers_are_named() {
    let m = message(r#"{"weapons": 1, "targets": 2, "values": [1, 2], "pk": [[0.5, 1.5]]}"#);
    assert!(
        m.contains("`pk[0][1]`") && m.contains("1.5") && m.contains("0 <= p <= 1"),
        "{m}"
    );
    let m = message(r#"{"weapons": 1, "targets": 2, "values": [1, -2], "pk": [[0.5, 0.5]]}"#);
    assert!(m.contains("`values[1]`") && m.contains(">= 0"), "{m}");
    let m = message(r#"{"weapons": 1, "targets": 1, "values": [1], "pk": [[0.5]], "cost": [-1]}"#);
    assert!(m.contains("`cost[0]`"), "{m}");
    let m = message(
        r#"{"weapons": 1, "targets": 1, "values": [1], "pk": [[0.5]], "forbidden": [[0, 3]]}"#,
    );
    assert!(
        m.contains("`forbidden`") && m.contains("out of range"),
        "{m}"
    );
}

#[test]
fn nan_is_a_parse_error_with_position() {
    let m = message("{\"weapons\": 1, \"targets\": 1,\n \"values\": [NaN], \"pk\": [[0.5]]}");
    assert!(
        m.contains("line 2") && m.contains("NaN is not allowed"),
        "{m}"
    );
}
