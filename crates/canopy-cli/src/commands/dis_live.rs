//! `canopy serve --live --dis…`: the night's PDUs let out as the live night reaches their time,
//! and written to the pcap file when it ends.

use std::path::PathBuf;

use canopy_core::SimTime;
use canopy_dis::{Datagram, UdpSender};
use canopy_serve::{Follower, Pace};

/// The DIS output of a live night: its PDUs, built beforehand, and where they go.
#[derive(Debug)]
pub struct LiveDis {
    /// Every PDU of the night, in sending order.
    datagrams: Vec<Datagram>,
    /// How many have been let out.
    sent: usize,
    /// The `--dis` socket, until a send fails.
    sender: Option<UdpSender>,
    /// The `--dis-pcap` file, written when the night ends.
    pcap: Option<PathBuf>,
    /// The scenario's start (Unix seconds), for the pcap's clock.
    start_unix_s: i64,
}

impl LiveDis {
    /// The output of `datagrams`, sent by `sender` and written to `pcap` as asked.
    pub fn new(
        datagrams: Vec<Datagram>,
        sender: Option<UdpSender>,
        pcap: Option<PathBuf>,
        start_unix_s: i64,
    ) -> LiveDis {
        LiveDis {
            datagrams,
            sent: 0,
            sender,
            pcap,
            start_unix_s,
        }
    }

    /// Lets out the PDUs of simulated times up to `upto`, each sent when `pace` says its time has
    /// come (at once without a pace); after a failed send nothing more is sent.
    fn let_out(&mut self, upto: SimTime, pace: Option<&Pace>) {
        let rest = &self.datagrams[self.sent..];
        let end = self.sent + rest.partition_point(|datagram| datagram.time <= upto);
        for datagram in &self.datagrams[self.sent..end] {
            let Some(sender) = &self.sender else { break };
            if let Some(pace) = pace {
                pace.wait_until(datagram.time);
            }
            if let Err(error) = sender.send(datagram) {
                eprintln!("error: sending --dis: {error}; no more PDUs are sent");
                self.sender = None;
            }
        }
        self.sent = end;
    }
}

impl Follower for LiveDis {
    fn reached(&mut self, time: SimTime, pace: &Pace) {
        self.let_out(time, Some(pace));
    }

    fn finished(&mut self) {
        self.let_out(SimTime::from_micros(i64::MAX), None);
        if let Some(path) = &self.pcap
            && let Err(error) = canopy_dis::write_pcap(path, &self.datagrams, self.start_unix_s)
        {
            eprintln!("error: writing the --dis-pcap file: {error}");
        }
    }
}
