//! `canopy fit`: the model's assumed numbers fitted to a window of the strike record
//! (docs/validation.md).

use std::path::PathBuf;
use std::time::Instant;

use canopy_analysis::record::{FitOptions, KnobFit, fit};
use serde::Serialize;

use super::record_window::Window;

/// Arguments of `canopy fit`.
#[derive(clap::Args)]
pub struct FitArgs {
    /// The table, the window (fit only on July 2024 - June 2025), the defence and the
    /// replications of each grid point.
    #[command(flatten)]
    pub window: super::record_window::WindowArgs,
    /// Points of the grid over each fitted number's assumed range.
    #[arg(long, default_value_t = 7, value_parser = grid_points, allow_negative_numbers = true)]
    pub grid: usize,
    /// Output directory: fit.json.
    #[arg(long)]
    pub out: PathBuf,
}

/// What `fit.json` holds.
#[derive(Serialize)]
struct FitFile<'a> {
    from: String,
    to: String,
    defence: &'a str,
    runs: u64,
    seed: u64,
    knobs: &'a [KnobFit],
}

/// Reads `--grid`: 2 points or more (the ends of a range).
fn grid_points(text: &str) -> Result<usize, String> {
    let points = super::at_least(text, 2)?;
    usize::try_from(points).map_err(|_| format!("{points} is too large"))
}

/// Flies the window over the grid, fits each knob, writes `fit.json` and prints each knob's
/// responses and fitted quantile (or misfit).
pub fn execute(args: FitArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let Window {
        table,
        nights,
        base,
        options,
    } = args.window.load()?;
    let fits = fit(
        &table,
        &nights,
        &base,
        &FitOptions {
            grid: args.grid,
            replay: options,
        },
    )
    .map_err(anyhow::Error::msg)?;
    let file = FitFile {
        from: args.window.from.to_string(),
        to: args.window.to.to_string(),
        defence: &base.name,
        runs: options.runs,
        seed: options.seed,
        knobs: &fits,
    };
    std::fs::create_dir_all(&args.out)
        .map_err(|err| anyhow::anyhow!("cannot create {}: {err}", args.out.display()))?;
    canopy_io::write_json(&args.out.join("fit.json"), &file)?;
    println!(
        "fit on {} to {}: {} nights against {}, {} grid points x {} replications",
        file.from,
        file.to,
        nights.len(),
        base.name,
        args.grid,
        options.runs
    );
    for knob in &fits {
        println!("{}", describe(knob));
    }
    println!(
        "in {:.1} s -> {}",
        started.elapsed().as_secs_f64(),
        args.out.join("fit.json").display()
    );
    Ok(())
}

/// A knob's responses and fitted quantile, as printed.
fn describe(knob: &KnobFit) -> String {
    let mut out = format!("{} ({}):", knob.knob.name, knob.knob.pk_fields.join(", "));
    for group in &knob.groups {
        let response: Vec<String> = knob
            .grid
            .iter()
            .zip(&group.predicted_rates)
            .map(|(u, rate)| format!("{u:.2} -> {:.1} %", rate * 100.0))
            .collect();
        out.push_str(&format!(
            "\n  {}: reported {:.1} % (tolerance {:.1} points); by quantile: {}",
            group.group.name(),
            group.reported_rate * 100.0,
            group.tolerance * 100.0,
            response.join(", ")
        ));
    }
    if knob.groups.is_empty() {
        out.push_str("\n  no launches of its groups in the window; not fitted");
    } else if knob.reaches {
        out.push_str(&format!(
            "\n  fitted quantile {:.2}, range [{:.2}, {:.2}]",
            knob.quantile, knob.quantile_range[0], knob.quantile_range[1]
        ));
    } else {
        out.push_str(&format!(
            "\n  misfit: no quantile comes within two tolerances of every group (best {:.2}); not fitted",
            knob.quantile
        ));
    }
    out
}
