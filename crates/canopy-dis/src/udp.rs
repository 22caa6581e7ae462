//! Sending the night over UDP, one PDU per datagram, as fast as it was simulated or paced at a
//! multiple of real time.

use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use crate::Datagram;
use crate::error::DisError;

/// How fast datagrams go out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pacing {
    /// All at once, as fast as the socket takes them.
    Unpaced,
    /// Each at its simulated time divided by this factor (1 is real time), from the first.
    Speed(f64),
}

/// A UDP socket sending datagrams to one address (unicast or broadcast).
#[derive(Debug)]
pub struct UdpSender {
    socket: UdpSocket,
    address: SocketAddr,
}

impl UdpSender {
    /// A socket on any local port of `address`'s family, allowed to broadcast (IPv4).
    pub fn bind(address: SocketAddr) -> Result<UdpSender, DisError> {
        let error = |source| DisError::Udp { address, source };
        let local: SocketAddr = if address.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            ([0_u16; 8], 0).into()
        };
        let socket = UdpSocket::bind(local).map_err(error)?;
        if address.is_ipv4() {
            socket.set_broadcast(true).map_err(error)?;
        }
        Ok(UdpSender { socket, address })
    }

    /// Sends one datagram.
    pub fn send(&self, datagram: &Datagram) -> Result<(), DisError> {
        let address = self.address;
        self.socket
            .send_to(&datagram.bytes, address)
            .map(|_| ())
            .map_err(|source| DisError::Udp { address, source })
    }
}

/// Sends every datagram to `address` (unicast or broadcast), in order.
pub fn send_udp(
    address: SocketAddr,
    datagrams: &[Datagram],
    pacing: Pacing,
) -> Result<(), DisError> {
    let sender = UdpSender::bind(address)?;
    let started = Instant::now();
    let first = datagrams.first().map(|datagram| datagram.time);
    for datagram in datagrams {
        if let (Pacing::Speed(speed), Some(first)) = (pacing, first) {
            let due = Duration::from_secs_f64(datagram.time.since(first).as_secs_f64() / speed);
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                std::thread::sleep(wait);
            }
        }
        sender.send(datagram)?;
    }
    Ok(())
}
