//! Canopy's night on the wire: the run's entities, launches and detonations as DIS version 7
//! PDUs (IEEE 1278.1-2012), sent over UDP or written to a pcap file (`docs/dis.md`).
//!
//! ```text
//! PreparedScenario + events ──► Night (entities, shots, blasts) ──► Message (SI, ECEF)
//!        ──► PduEncoder (dis-rs) ──► Datagram (one PDU) ──► UDP socket | pcap file
//! ```
//!
//! The PDU encoding is isolated behind [`PduEncoder`]; everything before it is Canopy's own
//! model in SI units and geocentric coordinates.

mod encode;
mod engagements;
mod entity;
mod error;
mod fighters;
mod messages;
mod night;
mod orientation;
mod path;
mod pcap;
mod records;
mod udp;

pub use encode::{DisRsEncoder, PduEncoder, SimulationIds};
pub use entity::{Entity, Force};
pub use error::DisError;
pub use messages::{EntityUpdate, Message, MessageBody, messages};
pub use orientation::euler_angles;
pub use path::Path;
pub use pcap::{DIS_PORT, pcap_bytes, pcap_payloads, write_pcap};
pub use records::{Blast, BlastResult, Night, Shot};
pub use udp::{Pacing, UdpSender, send_udp};

use canopy_core::SimTime;
use canopy_sim::{Event, PreparedScenario};

/// One encoded PDU and the simulated time it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Datagram {
    /// When it is sent, in simulated time.
    pub time: SimTime,
    /// The PDU, as it goes on the wire.
    pub bytes: Vec<u8>,
}

/// The night's PDUs in sending order, encoded with dis-rs.
pub fn night_datagrams(
    prepared: &PreparedScenario,
    events: &[Event],
    ids: SimulationIds,
) -> Result<Vec<Datagram>, DisError> {
    let night = Night::new(prepared, events)?;
    let encoder = DisRsEncoder::new(ids, prepared.scenario.start_unix_s);
    encode_all(&encoder, &messages(prepared, &night))
}

/// Encodes every message, in order.
pub fn encode_all(
    encoder: &impl PduEncoder,
    messages: &[Message],
) -> Result<Vec<Datagram>, DisError> {
    messages
        .iter()
        .map(|message| {
            Ok(Datagram {
                time: message.time,
                bytes: encoder.encode(message)?,
            })
        })
        .collect()
}
