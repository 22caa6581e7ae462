//! The window of the strike record flown against a defence: the arguments and loading shared by
//! `canopy record` and `canopy fit`.

use std::path::PathBuf;

use anyhow::Context;
use canopy_analysis::record::{
    Date, NightPlan, RecordTable, ReplayOptions, plan_nights, read_record,
};
use canopy_scenario::{Scenario, load_scenario};

/// The record table, the window of nights, the defence and how to fly them.
#[derive(clap::Args)]
pub struct WindowArgs {
    /// Your copy of the record table (the "Massive Missile Attacks on Ukraine" CSV; see
    /// docs/validation.md for where to get it).
    pub table: PathBuf,
    /// First night, YYYY-MM-DD (the date of a row's `time_end`), included.
    #[arg(long, value_parser = parse_date)]
    pub from: Date,
    /// Last night, YYYY-MM-DD, included.
    #[arg(long, value_parser = parse_date)]
    pub to: Date,
    /// The defence the record is flown against (default: scenarios/ukraine-2025.toml); its own
    /// raids say where each threat type is launched from and aims, when the record does not.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Replications per night.
    #[arg(long, default_value_t = 10, value_parser = super::count, allow_negative_numbers = true)]
    pub runs: u64,
    /// Master seed (default: the defence scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: one per core). Results do not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// The picture and the planner.
    #[command(flatten)]
    pub c2: super::c2_args::C2Args,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("`{text}` is not a date; allowed: YYYY-MM-DD"))
}

/// A window read and planned, ready to fly.
pub struct Window {
    /// The table as read.
    pub table: RecordTable,
    /// The window's nights.
    pub nights: Vec<NightPlan>,
    /// The defence scenario.
    pub base: Scenario,
    /// How to fly it (each replication drawing the library's fitted numbers).
    pub options: ReplayOptions,
}

impl WindowArgs {
    /// Checks the arguments, reads the table and the defence, and plans the nights.
    pub fn load(&self) -> anyhow::Result<Window> {
        anyhow::ensure!(
            self.from <= self.to,
            "--from {} is after --to {}; allowed: a window whose first night is not after its last",
            self.from,
            self.to
        );
        anyhow::ensure!(
            self.runs > 0,
            "--runs 0; allowed: 1 or more replications a night"
        );
        let text = std::fs::read_to_string(&self.table)
            .with_context(|| format!("cannot read the record table {}", self.table.display()))?;
        let table =
            read_record(&text).map_err(|err| anyhow::anyhow!("{}: {err}", self.table.display()))?;
        let nights = plan_nights(&table, self.from, self.to);
        let base_path = self.scenario.clone().unwrap_or_else(|| {
            canopy_scenario::default_scenario_path().with_file_name("ukraine-2025.toml")
        });
        let base = load_scenario(&base_path)?;
        let options = ReplayOptions {
            runs: self.runs,
            seed: self.seed.unwrap_or(base.seed),
            threads: self.threads,
            picture: self.c2.picture,
            planner: self.c2.planner,
            draw_fitted: true,
        };
        Ok(Window {
            table,
            nights,
            base,
            options,
        })
    }
}
