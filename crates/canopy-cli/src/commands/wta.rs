//! `canopy wta` (placeholder until its issue lands).

/// Arguments of `canopy wta`.
#[derive(clap::Args)]
pub struct WtaArgs {}

/// Runs the subcommand.
pub fn execute(_args: WtaArgs) -> anyhow::Result<()> {
    anyhow::bail!("canopy wta is not built yet")
}
