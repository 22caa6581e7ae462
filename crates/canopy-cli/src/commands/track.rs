//! `canopy track` (placeholder until its issue lands).

/// Arguments of `canopy track`.
#[derive(clap::Args)]
pub struct TrackArgs {}

/// Runs the subcommand.
pub fn execute(_args: TrackArgs) -> anyhow::Result<()> {
    anyhow::bail!("canopy track is not built yet")
}
