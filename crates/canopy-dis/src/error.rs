//! What can go wrong on the way out.

/// An error of the DIS output.
#[derive(Debug, thiserror::Error)]
pub enum DisError {
    /// The night has more entities or events than a DIS id (16 bits) can number.
    #[error("the night needs {needed} DIS {what} numbers; DIS numbers at most 65534")]
    TooMany {
        /// Entities or events.
        what: &'static str,
        /// How many it needs.
        needed: usize,
    },
    /// dis-rs refused to encode a PDU.
    #[error("encoding a DIS PDU: {0}")]
    Encode(String),
    /// The pcap file could not be written (the error names the file).
    #[error(transparent)]
    Pcap(#[from] canopy_io::OutputError),
    /// The UDP socket could not be opened or a datagram not sent.
    #[error("sending DIS over UDP to {address}")]
    Udp {
        /// The destination.
        address: std::net::SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}
