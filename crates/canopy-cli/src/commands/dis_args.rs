//! `--dis`, `--dis-pcap` and their settings: the night as DIS PDUs, after `canopy run` or as
//! `canopy serve --live` follows it (docs/dis.md).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use canopy_dis::{Datagram, Pacing, SimulationIds, UdpSender};
use canopy_serve::Follower;
use canopy_sim::{Event, PreparedScenario, RunOptions};

use super::dis_live::LiveDis;

/// The DIS output's flags.
#[derive(clap::Args, Clone, Debug)]
pub struct DisArgs {
    /// Send the night as DIS version 7 PDUs over UDP to this address (unicast or broadcast).
    #[arg(long, value_name = "ADDR:PORT")]
    pub dis: Option<SocketAddr>,
    /// Write the night's DIS PDUs to this pcap file (Ethernet, IPv4, UDP port 3000).
    #[arg(long = "dis-pcap", value_name = "FILE")]
    pub dis_pcap: Option<PathBuf>,
    /// Send --dis at X times real time (default: as fast as the simulation).
    #[arg(long = "dis-speed", value_name = "X", requires = "dis", value_parser = parse_speed)]
    pub dis_speed: Option<f64>,
    /// DIS exercise id.
    #[arg(long = "dis-exercise", value_name = "ID", default_value_t = 1,
          value_parser = clap::value_parser!(u8).range(1..))]
    pub dis_exercise: u8,
    /// DIS site id of the entities and events.
    #[arg(long = "dis-site", value_name = "ID", default_value_t = 1)]
    pub dis_site: u16,
    /// DIS application id of the entities and events.
    #[arg(long = "dis-application", value_name = "ID", default_value_t = 1)]
    pub dis_application: u16,
}

/// A pacing factor: a finite number above zero.
fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(speed) if speed.is_finite() && speed > 0.0 => Ok(speed),
        _ => Err(format!(
            "`{text}` is not a speed: a number above 0 (1 is real time)"
        )),
    }
}

impl DisArgs {
    /// Whether any DIS output was asked for.
    pub fn wanted(&self) -> bool {
        self.dis.is_some() || self.dis_pcap.is_some()
    }

    /// The night's PDUs with the ids asked for.
    fn datagrams(
        &self,
        prepared: &PreparedScenario,
        events: &[Event],
    ) -> anyhow::Result<Vec<Datagram>> {
        let ids = SimulationIds {
            exercise: self.dis_exercise,
            site: self.dis_site,
            application: self.dis_application,
        };
        canopy_dis::night_datagrams(prepared, events, ids).context("building the DIS PDUs")
    }

    /// Writes and sends the night's PDUs as asked.
    pub fn output(&self, prepared: &PreparedScenario, events: &[Event]) -> anyhow::Result<()> {
        if !self.wanted() {
            return Ok(());
        }
        let datagrams = self.datagrams(prepared, events)?;
        if let Some(path) = &self.dis_pcap {
            canopy_dis::write_pcap(path, &datagrams, prepared.scenario.start_unix_s)
                .context("writing the --dis-pcap file")?;
        }
        if let Some(address) = self.dis {
            let pacing = self.dis_speed.map_or(Pacing::Unpaced, Pacing::Speed);
            canopy_dis::send_udp(address, &datagrams, pacing).context("sending --dis")?;
        }
        Ok(())
    }

    /// For `canopy serve`: refuses the DIS outputs without `--live` (they follow the night as it
    /// runs) and `--dis-speed` (the live pace, `--speed`, paces them).
    pub fn check_serve(&self, live: bool) -> anyhow::Result<()> {
        let asked = [
            ("--dis", self.dis.is_some()),
            ("--dis-pcap", self.dis_pcap.is_some()),
        ];
        if let Some((flag, _)) = asked.into_iter().find(|(_, asked)| *asked)
            && !live
        {
            bail!(
                "{flag} on `canopy serve` follows the night as it runs: add --live \
                 (`canopy run {flag}` puts a night on the wire without the page)"
            );
        }
        if self.dis_speed.is_some() {
            bail!(
                "--dis-speed is for `canopy run`: under `serve --live` the PDUs keep --speed's pace"
            );
        }
        Ok(())
    }

    /// For `canopy serve --live`: the night simulated beforehand (the same night the page follows,
    /// the simulation being deterministic) and its PDUs, ready to go out at the live pace; `None`
    /// when no DIS output is asked for.
    pub fn follower(
        &self,
        prepared: &PreparedScenario,
        options: &RunOptions,
    ) -> anyhow::Result<Option<Box<dyn Follower>>> {
        if !self.wanted() {
            return Ok(None);
        }
        if let Some(path) = &self.dis_pcap {
            let folder = path
                .parent()
                .filter(|folder| !folder.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            ensure!(
                folder.is_dir(),
                "--dis-pcap {}: there is no folder {} to write it in",
                path.display(),
                folder.display()
            );
        }
        let sender = self
            .dis
            .map(UdpSender::bind)
            .transpose()
            .context("sending --dis")?;
        let events = canopy_sim::run(prepared, options, &mut []).events;
        let datagrams = self.datagrams(prepared, &events)?;
        let start_unix_s = prepared.scenario.start_unix_s;
        let output = LiveDis::new(datagrams, sender, self.dis_pcap.clone(), start_unix_s);
        Ok(Some(Box::new(output)))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_speed;

    #[test]
    fn a_speed_is_a_finite_number_above_zero() {
        assert_eq!(parse_speed("60"), Ok(60.0));
        assert_eq!(parse_speed("0.5"), Ok(0.5));
        for bad in ["0", "-2", "inf", "NaN", "fast"] {
            assert!(parse_speed(bad).is_err(), "{bad}");
        }
    }
}
