//! A night of the record flown against a defence: the defence scenario with its raids replaced by
//! the night's, started at the defence's time of day on the night, and run N times.

use std::collections::BTreeMap;

use canopy_core::{SimDuration, SimTime};
use canopy_scenario::{Place, Places, Raid, Scenario, ThreatIndex, Weighted};
use canopy_sim::{Event, PreparedScenario, RunOptions};
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::group::Group;
use super::nights::{NightPlan, RaidPlan};

/// Time left after the last launch for the last threats to arrive, seconds: a Shahed flies
/// 1,500 km in about 9 h.
pub const FLIGHT_ALLOWANCE_S: i64 = 12 * 3600;

/// Where a defence's own raids launch and aim each threat type: the places and weights a night's
/// raid of that type falls back on (launch places the record does not name, or Canopy cannot
/// place) and aims at.
#[derive(Clone, Debug)]
pub struct Defence {
    /// The defence scenario.
    pub scenario: Scenario,
    /// Launch places by threat type, weighted by the threats the defence's raids send from each.
    launches: BTreeMap<usize, Vec<Weighted<Place>>>,
    /// Aim points by threat type, likewise.
    targets: BTreeMap<usize, Vec<Weighted<Place>>>,
}

impl Defence {
    /// The defence of a scenario, from its raids.
    pub fn new(scenario: Scenario) -> Defence {
        let mut launches = BTreeMap::new();
        let mut targets = BTreeMap::new();
        for raid in &scenario.raids {
            let deal = raid.deal();
            let kind = raid.threat.0;
            for (launch, target) in deal {
                add(
                    launches.entry(kind).or_default(),
                    &raid.launches[launch].item,
                );
                add(targets.entry(kind).or_default(), &raid.targets[target].item);
            }
        }
        Defence {
            scenario,
            launches,
            targets,
        }
    }

    /// The weighted places of a threat type, or of every type when the defence flies none of it.
    fn of_type(
        map: &BTreeMap<usize, Vec<Weighted<Place>>>,
        kind: ThreatIndex,
    ) -> Vec<Weighted<Place>> {
        map.get(&kind.0).cloned().unwrap_or_else(|| {
            let mut all = Vec::new();
            for places in map.values() {
                for place in places {
                    add_weight(&mut all, &place.item, place.weight);
                }
            }
            all
        })
    }
}

fn add(places: &mut Vec<Weighted<Place>>, place: &Place) {
    add_weight(places, place, 1.0);
}

fn add_weight(places: &mut Vec<Weighted<Place>>, place: &Place, weight: f64) {
    match places.iter_mut().find(|p| p.item.id == place.id) {
        Some(existing) => existing.weight += weight,
        None => places.push(Weighted {
            item: place.clone(),
            weight,
        }),
    }
}

/// The raid id of a night's raid: its row's line and group, e.g. `r1234-shahed`.
pub fn raid_id(raid: &RaidPlan) -> String {
    raid_id_of(raid.line, raid.group)
}

/// The id of the raid of a row's group: `r{line}-{group}`.
pub fn raid_id_of(line: u64, group: Group) -> String {
    format!("r{line}-{}", group.name())
}

/// A night flown against the defence: the scenario, and the record's launch place names that
/// Canopy could not place (their share was flown from the defence's launch places).
pub struct NightScenario {
    /// The scenario.
    pub scenario: Scenario,
    /// Launch place names not in the launch-place table.
    pub unplaced: Vec<String>,
}

/// The defence with its raids replaced by the night's. The scenario starts at the defence's
/// time of day on the last such instant at or before the night's first launch, so the
/// defence's clock times (patrols on station) keep their meaning; it runs until
/// [`FLIGHT_ALLOWANCE_S`] after the last launch, or the defence's duration if longer.
pub fn night_scenario(
    defence: &Defence,
    night: &NightPlan,
    launch_places: &BTreeMap<String, String>,
) -> Result<NightScenario, String> {
    let mut scenario = defence.scenario.clone();
    let first = night
        .raids
        .iter()
        .map(|raid| raid.window_s.0)
        .min()
        .unwrap_or(0);
    let last = night
        .raids
        .iter()
        .map(|raid| raid.window_s.1)
        .max()
        .unwrap_or(first);
    let time_of_day = defence.scenario.start_unix_s.rem_euclid(86_400);
    let mut start = first.div_euclid(86_400) * 86_400 + time_of_day;
    if start > first {
        start -= 86_400;
    }
    scenario.start_unix_s = start;
    scenario.start_utc = rfc3339(start);
    scenario.name = format!("{}@{}", defence.scenario.name, night.night);
    let needed = SimDuration::from_secs(last - start + FLIGHT_ALLOWANCE_S);
    scenario.duration = scenario.duration.max(needed);
    let places = Places::bundled().map_err(|err| err.to_string())?;
    let mut unplaced = Vec::new();
    scenario.raids = night
        .raids
        .iter()
        .map(|plan| {
            let threat = scenario
                .library
                .threat_index(plan.group.threat_type())
                .ok_or_else(|| {
                    format!(
                        "no threat type `{}` in the library",
                        plan.group.threat_type()
                    )
                })?;
            let mut launches = Vec::new();
            for name in &plan.launch_places {
                match launch_places.get(name).and_then(|id| places.get(id)) {
                    Some(place) => add(&mut launches, place),
                    None => unplaced.push(name.clone()),
                }
            }
            if launches.is_empty() {
                launches = Defence::of_type(&defence.launches, threat);
            }
            let targets = Defence::of_type(&defence.targets, threat);
            if launches.is_empty() || targets.is_empty() {
                return Err(
                    "the defence scenario has no raid to take launch places and aim points from"
                        .to_string(),
                );
            }
            let at = |s: i64| SimTime::START + SimDuration::from_secs(s - start);
            Ok(Raid {
                id: raid_id(plan),
                threat,
                count: plan.count,
                launches,
                window: (at(plan.window_s.0), at(plan.window_s.1)),
                targets,
                via: Vec::new(),
            })
        })
        .collect::<Result<Vec<Raid>, String>>()?;
    Ok(NightScenario { scenario, unplaced })
}

/// `YYYY-MM-DDTHH:MM:SSZ` of Unix seconds.
fn rfc3339(unix_s: i64) -> String {
    let date = Date::from_days_since_epoch(unix_s.div_euclid(86_400));
    let s = unix_s.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// What became of one raid's threats in one replication.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RaidOutcome {
    /// Launched.
    pub launched: u32,
    /// Destroyed by the defence.
    pub destroyed: u32,
    /// Lost to electronic warfare.
    pub lost: u32,
    /// Reached their aim point.
    pub leaked: u32,
}

/// One replication of a night: each raid's outcome (by raid id), leakers, spillovers and each
/// nation's interceptor spending.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NightRun {
    /// By raid id.
    pub raids: BTreeMap<String, RaidOutcome>,
    /// Spillovers into NATO territory.
    pub spillovers: u32,
    /// Interceptor and flight cost by nation code, USD.
    pub cost_by_nation: BTreeMap<String, f64>,
}

/// Runs replication `replication` of a prepared night.
pub fn run_night(prepared: &PreparedScenario, options: &RunOptions) -> NightRun {
    let outcome = canopy_sim::run(prepared, options, &mut []);
    let mut raid_of = BTreeMap::new();
    let mut run = NightRun {
        spillovers: outcome.metrics.spillover.count,
        cost_by_nation: outcome
            .metrics
            .nations
            .iter()
            .map(|(code, burden)| (code.clone(), burden.cost_usd))
            .collect(),
        ..NightRun::default()
    };
    for event in &outcome.events {
        let (threat, field): (_, fn(&mut RaidOutcome) -> &mut u32) = match event {
            Event::ThreatLaunched { threat, name, .. } => {
                let raid = name.split('#').next().unwrap_or(name).to_string();
                raid_of.insert(*threat, raid);
                (*threat, |o| &mut o.launched)
            }
            Event::Kill { threat, .. } => (*threat, |o| &mut o.destroyed),
            Event::ThreatLost { threat, .. } => (*threat, |o| &mut o.lost),
            Event::Impact { threat, .. } => (*threat, |o| &mut o.leaked),
            _ => continue,
        };
        if let Some(raid) = raid_of.get(&threat) {
            *field(run.raids.entry(raid.clone()).or_default()) += 1;
        }
    }
    run
}
