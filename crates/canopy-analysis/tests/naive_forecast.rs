//! The naive forecast "same rates as the year before" and the model's skill against it, on a
//! table and scores written by hand.

use canopy_analysis::record::{Date, Group, GroupScore, Scores, naive_forecast, read_record};

/// The record's header, as published (22 columns).
const HEADER: &str = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";

/// One HQ row of one night: end date, model, launched, destroyed.
fn row(night: &str, model: &str, launched: u32, destroyed: u32) -> String {
    format!(
        "{night} 01:00,{night} 06:00,{model},\"Kursk oblast\",Ukraine,,{launched},{destroyed},,,{{}},,,,,,,,,,,kpszsu/posts/x"
    )
}

fn scored(reported: f64, predicted: f64) -> GroupScore {
    GroupScore {
        launched: 10,
        nights: 1,
        reported_rate: Some(reported),
        predicted_rate: Some(predicted),
        predicted_interval: Some([predicted, predicted]),
    }
}

/// The year before a window from 2024-07-01 is 2023-07-02 to 2024-06-30 (365 nights, with
/// 29 February): Shaheds 80 of 100, Kh-101 9 of 10; the 2023-07-01 row lies outside it. The
/// window reported Shahed 0.90, Kh-101 0.70, Kalibr 0.50 and the model predicted 0.95, 0.80,
/// 0.60. The naive errors are 0.10 and 0.20 (15 points; the Kalibr has no forecast), the
/// model's 0.05 and 0.10 on the same groups (7.5 points): a skill of 1 - 7.5 / 15 = 0.5.
#[test]
fn the_naive_forecast_is_last_year_s_pooled_rate_and_skill_compares_errors() {
    let text = [
        HEADER.to_string(),
        row("2023-07-01", "Shahed-136/131", 100, 0),
        row("2023-08-01", "Shahed-136/131", 60, 50),
        row("2024-02-29", "Shahed-136/131", 40, 30),
        row("2024-06-30", "X-101/X-555", 10, 9),
    ]
    .join("\n");
    let table = read_record(&text).expect("a valid table");
    let scores = Scores {
        rows: Vec::new(),
        groups: vec![
            (Group::Shahed, scored(0.9, 0.95)),
            (Group::Kh101, scored(0.7, 0.8)),
            (Group::Kalibr, scored(0.5, 0.6)),
        ],
    };
    let naive = naive_forecast(&table, Date::parse("2024-07-01").unwrap(), &scores);
    assert_eq!(
        (naive.from.as_str(), naive.to.as_str()),
        ("2023-07-02", "2024-06-30")
    );
    assert_eq!(naive.rates["shahed"], Some(0.8));
    assert_eq!(naive.rates["kh-101"], Some(0.9));
    assert_eq!(naive.rates["kalibr"], None);
    let close = |a: Option<f64>, b: f64| (a.expect("a figure") - b).abs() < 1e-9;
    assert!(close(naive.mean_abs_error_pp, 15.0), "{naive:?}");
    assert!(close(naive.model_mean_abs_error_pp, 7.5), "{naive:?}");
    assert!(close(naive.skill, 0.5), "{naive:?}");
}
