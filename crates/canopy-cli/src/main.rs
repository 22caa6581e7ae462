//! The `canopy` binary: a thin command line over the library crates.

mod commands;
mod summary;

use clap::{Parser, Subcommand};

/// mimalloc: the simulation allocates and frees many small buffers per step (docs/dependencies.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Canopy: coalition air-defence simulator and engagement planner.
#[derive(Parser)]
#[command(name = "canopy", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Simulate one night of a scenario and print its summary.
    Run(commands::run::RunArgs),
    /// Replay a night (or follow it live) in the browser, or show an output folder's map.
    Serve(commands::serve::ServeArgs),
    /// Run many replications in parallel and aggregate them (runs.parquet, summary.json).
    Mc(commands::mc::McArgs),
    /// Compare options of a scenario (overlays or whole files) with common random numbers.
    Compare(commands::compare::CompareArgs),
    /// Compare the grid of options spanned by swept parameters.
    Sweep(commands::sweep::SweepArgs),
    /// Replay the public strike record night by night against a defence, and score the model.
    Record(commands::record::RecordArgs),
    /// Fit the model's assumed numbers to a window of the strike record (docs/validation.md).
    Fit(commands::fit::FitArgs),
    /// Merge the directories of the shards of one Monte Carlo.
    Merge(commands::merge::MergeArgs),
    /// Time replications of a scenario (release build recommended).
    Bench(commands::bench::BenchArgs),
    /// Run a multi-target tracker over a bench scenario directory.
    Track(commands::track::TrackArgs),
    /// Solve a weapon-target assignment instance.
    Wta(commands::wta::WtaArgs),
    /// Check a scenario file: a one-line summary if valid, the located error if not.
    Validate(commands::validate::ValidateArgs),
    /// Draw a night's event log over its scenario as GeoJSON or KML for map tools.
    Export(commands::export::ExportArgs),
    /// Print the JSON Schema of the scenario format (for editors; docs/scenario-format.md).
    Schema(commands::schema::SchemaArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => commands::run::execute(args),
        Command::Serve(args) => commands::serve::execute(args),
        Command::Mc(args) => commands::mc::execute(args),
        Command::Compare(args) => commands::compare::execute(args),
        Command::Sweep(args) => commands::sweep::execute(args),
        Command::Merge(args) => commands::merge::execute(args),
        Command::Record(args) => commands::record::execute(args),
        Command::Fit(args) => commands::fit::execute(args),
        Command::Bench(args) => commands::bench::execute(args),
        Command::Track(args) => commands::track::execute(args),
        Command::Wta(args) => commands::wta::execute(args),
        Command::Validate(args) => commands::validate::execute(args),
        Command::Export(args) => commands::export::execute(args),
        Command::Schema(args) => commands::schema::execute(args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
