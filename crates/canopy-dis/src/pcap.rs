//! The night as a pcap file: one Ethernet / IPv4 / UDP frame per PDU, broadcast to the DIS
//! port, stamped with the scenario's UTC clock. The classic pcap format (a 24-byte file header,
//! a 16-byte header per frame) is written here rather than through a crate: it is a few fixed
//! fields, and tshark reading the files back is the test.

use std::path::Path;

use crate::Datagram;
use crate::error::DisError;

/// The DIS port (IEEE 1278.1 default): both ends of every UDP datagram written.
pub const DIS_PORT: u16 = 3000;

/// The sender's address in the frames (10.0.0.1) and their broadcast destination.
const SOURCE_IP: [u8; 4] = [10, 0, 0, 1];
const BROADCAST_IP: [u8; 4] = [10, 255, 255, 255];
/// A locally administered sender MAC address; the destination is the broadcast address.
const SOURCE_MAC: [u8; 6] = [0x02, 0, 0, 0, 0, 0x01];
const LINKTYPE_ETHERNET: u32 = 1;

/// The pcap file of `datagrams`, for a scenario starting at `start_unix_s` (Unix seconds).
pub fn pcap_bytes(datagrams: &[Datagram], start_unix_s: i64) -> Vec<u8> {
    let mut out =
        Vec::with_capacity(24 + datagrams.iter().map(|d| d.bytes.len() + 58).sum::<usize>());
    for field in [
        0xa1b2_c3d4_u32,
        0x0004_0002,
        0,
        0,
        65_535,
        LINKTYPE_ETHERNET,
    ] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    // The version fields are two 16-bit numbers (2, 4): rewrite them in order.
    out[4..8].copy_from_slice(&[2, 0, 4, 0]);
    for (index, datagram) in datagrams.iter().enumerate() {
        let frame = frame(&datagram.bytes, index as u16);
        let micros = (start_unix_s * 1_000_000 + datagram.time.as_micros()).max(0);
        let length = frame.len() as u32;
        for field in [
            (micros / 1_000_000) as u32,
            (micros % 1_000_000) as u32,
            length,
            length,
        ] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&frame);
    }
    out
}

/// Writes the pcap file whole (a temporary file, then a rename).
pub fn write_pcap(path: &Path, datagrams: &[Datagram], start_unix_s: i64) -> Result<(), DisError> {
    Ok(canopy_io::write_atomic(
        path,
        &pcap_bytes(datagrams, start_unix_s),
    )?)
}

/// The PDUs of a pcap file as [`pcap_bytes`] writes it: each frame's bytes after its 42 bytes of
/// Ethernet, IPv4 and UDP headers, in order.
pub fn pcap_payloads(file: &[u8]) -> Vec<&[u8]> {
    let mut payloads = Vec::new();
    let mut at = 24;
    while let Some(header) = file.get(at..at + 16) {
        let length = u32::from_le_bytes(header[8..12].try_into().expect("4 bytes")) as usize;
        payloads.push(file.get(at + 16 + 42..at + 16 + length).unwrap_or_default());
        at += 16 + length;
    }
    payloads
}

/// One's-complement sum of 16-bit words (RFC 1071), folded.
fn ones_complement_sum(bytes: &[u8], mut sum: u32) -> u16 {
    for pair in bytes.chunks(2) {
        let word = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
        sum += u32::from(word);
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum as u16
}

/// The Ethernet frame of one PDU: Ethernet II, IPv4 (identification `id`), UDP.
fn frame(payload: &[u8], id: u16) -> Vec<u8> {
    let udp_length = (8 + payload.len()) as u16;
    let mut ip = vec![0x45, 0];
    ip.extend_from_slice(&(20 + udp_length).to_be_bytes());
    ip.extend_from_slice(&id.to_be_bytes());
    ip.extend_from_slice(&[0x40, 0, 64, 17, 0, 0]);
    ip.extend_from_slice(&SOURCE_IP);
    ip.extend_from_slice(&BROADCAST_IP);
    let checksum = !ones_complement_sum(&ip, 0);
    ip[10..12].copy_from_slice(&checksum.to_be_bytes());

    let mut udp = Vec::with_capacity(usize::from(udp_length));
    udp.extend_from_slice(&DIS_PORT.to_be_bytes());
    udp.extend_from_slice(&DIS_PORT.to_be_bytes());
    udp.extend_from_slice(&udp_length.to_be_bytes());
    udp.extend_from_slice(&[0, 0]);
    udp.extend_from_slice(payload);
    let mut pseudo = [SOURCE_IP, BROADCAST_IP].concat();
    pseudo.extend_from_slice(&[0, 17]);
    pseudo.extend_from_slice(&udp_length.to_be_bytes());
    let partial = u32::from(ones_complement_sum(&pseudo, 0));
    let checksum = match !ones_complement_sum(&udp, partial) {
        0 => 0xffff,
        sum => sum,
    };
    udp[6..8].copy_from_slice(&checksum.to_be_bytes());

    let mut frame = vec![0xff; 6];
    frame.extend_from_slice(&SOURCE_MAC);
    frame.extend_from_slice(&[0x08, 0x00]);
    frame.extend_from_slice(&ip);
    frame.extend_from_slice(&udp);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use canopy_core::SimTime;

    #[test]
    fn the_ip_checksum_is_the_worked_example_of_a_known_header() {
        // The IPv4 header of Wikipedia's "Internet checksum" example sums to 0xb861.
        let header = [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8,
            0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];
        assert_eq!(!ones_complement_sum(&header, 0), 0xb861);
    }

    #[test]
    fn a_frame_holds_its_payload_after_42_bytes_of_headers_and_checks_out() {
        let payload = [7_u8, 1, 1, 1, 0, 0, 0, 0, 0, 12, 0, 0];
        let frame = frame(&payload, 5);
        assert_eq!(frame.len(), 42 + payload.len());
        assert_eq!(&frame[42..], &payload);
        assert_eq!(&frame[12..14], &[0x08, 0x00]);
        // A header with its checksum in place sums to 0xffff.
        assert_eq!(ones_complement_sum(&frame[14..34], 0), 0xffff);
        assert_eq!(u16::from_be_bytes([frame[36], frame[37]]), DIS_PORT);
    }

    #[test]
    fn the_file_header_and_record_times_follow_the_scenario_clock() {
        let datagrams = [Datagram {
            time: SimTime::from_micros(2_500_000),
            bytes: vec![1, 2, 3],
        }];
        let file = pcap_bytes(&datagrams, 1_720_540_800);
        assert_eq!(&file[0..8], &[0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]);
        assert_eq!(u32::from_le_bytes(file[20..24].try_into().unwrap()), 1);
        assert_eq!(
            u32::from_le_bytes(file[24..28].try_into().unwrap()),
            1_720_540_802
        );
        assert_eq!(
            u32::from_le_bytes(file[28..32].try_into().unwrap()),
            500_000
        );
        assert_eq!(file.len(), 24 + 16 + 42 + 3);
    }

    #[test]
    fn the_payloads_read_back_are_the_pdus_written() {
        let datagrams = [vec![1_u8, 2, 3], vec![], vec![9; 300]].map(|bytes| Datagram {
            time: SimTime::from_micros(1_000),
            bytes,
        });
        let file = pcap_bytes(&datagrams, 0);
        let expected: Vec<&[u8]> = datagrams.iter().map(|d| d.bytes.as_slice()).collect();
        assert_eq!(pcap_payloads(&file), expected);
    }
}
