//! `canopy record` against tables written by hand in the record's format: the nights and raids
//! read from them, the rows left out and why, the window's ends, and the pooled rates.

use canopy_analysis::record::replay::{NightRun, RaidOutcome, raid_id};
use canopy_analysis::record::{Date, Group, plan_nights, read_record, score};

/// The record's header, as published (22 columns).
const HEADER: &str = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";

/// One row: start, end, model, launch places, launched, destroyed, not_reach_goal, source.
fn row(cells: [&str; 8]) -> String {
    let [start, end, model, launch, launched, destroyed, lost, source] = cells;
    format!(
        "{start},{end},{model},\"{launch}\",Ukraine,,{launched},{destroyed},{lost},,{{}},,,,,,,,,,,{source}"
    )
}

/// Three nights written by hand, with a regional row and bad rows among them: lines 2-5, then
/// lines 6-12.
fn three_nights() -> String {
    let mut lines = vec![HEADER.to_string()];
    lines.extend(first_lines());
    lines.extend(later_lines());
    lines.join("\n")
}

/// Lines 2-5: the first night, a regional row, and the second night's Kh-101.
fn first_lines() -> Vec<String> {
    vec![
        // line 2: night 2024-07-09, 40 Shaheds from Kursk oblast and Primorsko-Akhtarsk.
        row([
            "2024-07-08 22:00",
            "2024-07-09 08:00",
            "Shahed-136/131",
            "Kursk oblast and Primorsko-Akhtarsk",
            "40.0",
            "30.0",
            "4.0",
            "kpszsu/posts/a",
        ]),
        // line 3: the same night, a mixed salvo of 10 Kh-101 and Kalibr.
        row([
            "2024-07-09 03:00",
            "2024-07-09 05:00",
            "X-101/X-555 and Kalibr",
            "Caspian Sea and Black Sea",
            "10.0",
            "8.0",
            "",
            "kpszsu/posts/b",
        ]),
        // line 4: a regional command's row (skipped, counted).
        row([
            "2024-07-08 22:00",
            "2024-07-09 08:00",
            "Shahed-136/131",
            "Kursk oblast",
            "12.0",
            "10.0",
            "",
            "PvKPivden/posts/c",
        ]),
        // line 5: night 2024-07-10, 6 Kh-101 (date-only start).
        row([
            "2024-07-09",
            "2024-07-10 06:00",
            "X-101/X-555",
            "Caspian Sea",
            "6.0",
            "5.0",
            "",
            "kpszsu/posts/d",
        ]),
    ]
}

/// Lines 6-12: bad rows, then the third night.
fn later_lines() -> Vec<String> {
    vec![
        // line 6: an unknown model.
        row([
            "2024-07-09 20:00",
            "2024-07-10 06:00",
            "Geran-9",
            "Kursk oblast",
            "3.0",
            "1.0",
            "",
            "kpszsu/posts/e",
        ]),
        // line 7: a negative count.
        row([
            "2024-07-09 20:00",
            "2024-07-10 06:00",
            "Shahed-136/131",
            "Kursk oblast",
            "-2.0",
            "0.0",
            "",
            "kpszsu/posts/f",
        ]),
        // line 8: a missing count.
        row([
            "2024-07-09 20:00",
            "2024-07-10 06:00",
            "Kalibr",
            "Black Sea",
            "",
            "0.0",
            "",
            "kpszsu/posts/g",
        ]),
        // line 9: a date that does not parse.
        row([
            "2024-07-10 21:00",
            "2024-07-32 06:00",
            "Kalibr",
            "Black Sea",
            "4.0",
            "3.0",
            "",
            "kpszsu/posts/h",
        ]),
        // line 10: night 2024-07-11, 8 Kh-101 and 2 Kalibr (single-type rows: the mixed salvo's
        // neighbours, with the Kh-101 of line 5: 14 Kh-101 against 2 Kalibr).
        row([
            "2024-07-11 02:00",
            "2024-07-11 05:00",
            "X-101/X-555",
            "Saratov oblast",
            "8.0",
            "7.0",
            "",
            "kpszsu/posts/i",
        ]),
        row([
            "2024-07-11 02:00",
            "2024-07-11 05:00",
            "Kalibr",
            "Black Sea",
            "2.0",
            "1.0",
            "",
            "kpszsu/posts/j",
        ]),
        // line 12: a mixed salvo whose launched_details states each model's launches, one of
        // them (Iskander-K) without a threat type.
        "2024-07-11 02:00,2024-07-11 05:00,X-101/X-555 and Kalibr and Iskander-K,\
         Caspian Sea and Black Sea,Ukraine,,10.0,6.0,,,{},,,,,,,,,\
         \"{'X-101/X-555': 5, 'Kalibr': 3, 'Iskander-K': 2}\",,kpszsu/posts/k"
            .to_string(),
    ]
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn a_hand_written_table_reads_into_the_nights_and_raids_it_says() {
    let table = read_record(&three_nights()).unwrap();
    assert_eq!(table.regional_rows, 1);
    let nights = plan_nights(&table, date("2024-07-01"), date("2024-07-31"));
    let dates: Vec<String> = nights.iter().map(|n| n.night.to_string()).collect();
    assert_eq!(dates, ["2024-07-09", "2024-07-10", "2024-07-11"]);

    let first = &nights[0];
    let shaheds = &first.raids[0];
    assert_eq!((shaheds.group, shaheds.count), (Group::Shahed, 40));
    assert_eq!(
        shaheds.launch_places,
        ["Kursk oblast", "Primorsko-Akhtarsk"]
    );
    // 22:00 Kyiv summer time is 19:00 UTC; launches run half-way to the 08:00 end (05:00 UTC):
    // 19:00 to 00:00 UTC.
    let evening = date("2024-07-08").days_since_epoch() * 86_400 + 19 * 3600;
    assert_eq!(shaheds.window_s, (evening, evening + 5 * 3600));
    // The mixed salvo of 10: single-type rows within three months launched 14 Kh-101 and 2
    // Kalibr, so 10 x 14/16 = 8.75 and 10 x 2/16 = 1.25: 8 and 1 by their whole parts, and the
    // one left goes to the larger remainder (0.75): 9 Kh-101 and 1 Kalibr.
    let mixed: Vec<(Group, u32)> = first.raids[1..]
        .iter()
        .map(|r| (r.group, r.count))
        .collect();
    assert_eq!(mixed, [(Group::Kh101, 9), (Group::Kalibr, 1)]);
    // Only the single-type row is scored.
    assert_eq!(first.scored_rows.len(), 1);

    // A start written as a date alone reads at 18:00 Kyiv time (15:00 UTC).
    let kh101 = &nights[1].raids[0];
    assert_eq!((kh101.group, kh101.count), (Group::Kh101, 6));
    assert_eq!(
        kh101.window_s.0,
        date("2024-07-09").days_since_epoch() * 86_400 + 15 * 3600
    );

    // The stated salvo flies as it says: 5 Kh-101 and 3 Kalibr; its Iskander-K are left out.
    let stated: Vec<(Group, u32)> = nights[2].raids[2..]
        .iter()
        .map(|r| (r.group, r.count))
        .collect();
    assert_eq!(stated, [(Group::Kh101, 5), (Group::Kalibr, 3)]);
}

#[test]
fn bad_rows_are_listed_with_their_line_and_reason() {
    let table = read_record(&three_nights()).unwrap();
    let skipped: Vec<(u64, &str)> = table
        .skipped
        .iter()
        .map(|row| (row.line, row.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 5, "{skipped:?}");
    assert_eq!(skipped[0].0, 6);
    assert!(skipped[0].1.contains("model `Geran-9`"), "{}", skipped[0].1);
    assert_eq!(skipped[1].0, 7);
    assert!(
        skipped[1].1.contains("`launched` = -2.0"),
        "{}",
        skipped[1].1
    );
    assert_eq!(skipped[2].0, 8);
    assert!(
        skipped[2].1.contains("`launched` is missing"),
        "{}",
        skipped[2].1
    );
    assert_eq!(skipped[3].0, 9);
    assert!(
        skipped[3].1.contains("time_end `2024-07-32 06:00`"),
        "{}",
        skipped[3].1
    );
    assert_eq!(table.skipped[0].night.as_deref(), Some("2024-07-10"));
    assert_eq!(table.skipped[3].night, None);
    assert_eq!(skipped[4].0, 12);
    assert!(
        skipped[4].1.contains("part `Iskander-K` (2 launched)"),
        "{}",
        skipped[4].1
    );
}

#[test]
fn a_table_without_a_needed_column_is_an_error_naming_it() {
    let error = read_record("time_start,time_end,model\n").unwrap_err();
    assert!(error.contains("no `launch_place` column"), "{error}");
}

#[test]
fn the_window_includes_both_ends() {
    let table = read_record(&three_nights()).unwrap();
    let nights = |from: &str, to: &str| -> Vec<String> {
        plan_nights(&table, date(from), date(to))
            .iter()
            .map(|n| n.night.to_string())
            .collect()
    };
    assert_eq!(nights("2024-07-10", "2024-07-10"), ["2024-07-10"]);
    assert_eq!(nights("2024-07-09", "2024-07-11").len(), 3);
    assert!(nights("2024-07-12", "2024-07-31").is_empty());
}

#[test]
fn pooled_rates_equal_the_hand_computation() {
    let table = read_record(&three_nights()).unwrap();
    let nights = plan_nights(&table, date("2024-07-01"), date("2024-07-31"));
    // Two replications of every night; every raid of the Kh-101 group loses all its threats
    // but one to the defence in replication 0, and all in replication 1; Shaheds: 20 destroyed
    // and 10 lost in both.
    let runs: Vec<Vec<NightRun>> = nights
        .iter()
        .map(|night| {
            (0..2u32)
                .map(|replication| {
                    let mut run = NightRun::default();
                    for raid in &night.raids {
                        let outcome = match raid.group {
                            Group::Shahed => RaidOutcome {
                                launched: raid.count,
                                destroyed: 20,
                                lost: 10,
                                leaked: raid.count - 30,
                            },
                            _ => RaidOutcome {
                                launched: raid.count,
                                destroyed: raid.count - 1 + replication,
                                lost: 0,
                                leaked: 1 - replication,
                            },
                        };
                        run.raids.insert(raid_id(raid), outcome);
                    }
                    run
                })
                .collect()
        })
        .collect();
    let scores = score(&table, &nights, &runs);
    let of = |group: Group| &scores.groups.iter().find(|(g, _)| *g == group).unwrap().1;
    // Kh-101 single-type rows: 6 (night 2) and 8 (night 3) launched, 5 and 7 destroyed: reported
    // (5 + 7) / 14; predicted (5 + 7) / 14 in replication 0 and 14 / 14 in replication 1, mean
    // 13 / 14 (the mixed salvo's 9 are flown but not scored).
    let kh101 = of(Group::Kh101);
    assert_eq!(kh101.launched, 14);
    assert_eq!(kh101.nights, 2);
    assert!((kh101.reported_rate.unwrap() - 12.0 / 14.0).abs() < 1e-12);
    assert!((kh101.predicted_rate.unwrap() - 13.0 / 14.0).abs() < 1e-12);
    // Shaheds: one row of 40, 30 destroyed and 4 not reaching: 34 / 40; predicted 30 / 40.
    let shahed = of(Group::Shahed);
    assert!((shahed.reported_rate.unwrap() - 34.0 / 40.0).abs() < 1e-12);
    assert!((shahed.predicted_rate.unwrap() - 30.0 / 40.0).abs() < 1e-12);
    // Kalibr: one single-type row of 2, 1 destroyed: 1/2; predicted 1/2 then 2/2.
    let kalibr = of(Group::Kalibr);
    assert!((kalibr.reported_rate.unwrap() - 0.5).abs() < 1e-12);
    assert!((kalibr.predicted_rate.unwrap() - 0.75).abs() < 1e-12);
    // No Iskander or Kinzhal rows.
    assert_eq!(of(Group::Kinzhal).reported_rate, None);
    // Mean absolute error over the three groups with launches: |13/14 - 12/14| = 1/14,
    // |0.75 - 0.85| = 0.10, |0.75 - 0.5| = 0.25.
    let expected = 100.0 * (1.0 / 14.0 + 0.10 + 0.25) / 3.0;
    assert!((scores.mean_abs_error_pp().unwrap() - expected).abs() < 1e-9);
    // The night rows: one per night and group with single-type rows.
    assert_eq!(scores.rows.len(), 4);
}

/// The nights of a window flown in shards, joined, are the nights flown at once: replication
/// `r` of every night draws from `(seed, r)` whichever shard flies it.
#[test]
fn nights_flown_in_shards_and_joined_equal_one_replay() {
    use canopy_analysis::Shard;
    use canopy_analysis::record::{Replay, ReplayOptions, replay, replay_shard};

    let table = read_record(&three_nights()).unwrap();
    let nights = plan_nights(
        &table,
        Date::parse("2024-07-09").unwrap(),
        Date::parse("2024-07-11").unwrap(),
    );
    assert_eq!(nights.len(), 3);
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/ukraine-2025.toml");
    let defence = canopy_scenario::load_scenario(&path).unwrap();
    let options = ReplayOptions {
        runs: 1,
        seed: 11,
        threads: 2,
        picture: canopy_sim::PictureMode::default(),
        planner: canopy_sim::PlannerKind::default(),
        draw_fitted: true,
    };
    let whole = replay(&nights, &defence, &options).unwrap();
    for count in [2, 3, 4] {
        let shards = (1..=count).map(|index| {
            replay_shard(&nights, &defence, &options, Shard { index, count }).unwrap()
        });
        let joined = Replay::join(shards);
        assert_eq!(joined, whole, "{count} shards");
        let text = serde_json::to_string(&joined).unwrap();
        assert_eq!(serde_json::from_str::<Replay>(&text).unwrap(), whole);
    }
}
