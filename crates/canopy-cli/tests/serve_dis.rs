//! `canopy serve --live --dis…` end to end: a small night followed live at a high pace puts on a
//! loopback UDP socket exactly the PDUs of its pcap file, and that file is `canopy run
//! --dis-pcap`'s for the same night; the DIS flags are refused on `serve` without `--live`, naming
//! them.

mod common;

use std::net::UdpSocket;
use std::process::Command;
use std::time::Duration;

use common::{Serving, read_stream};

/// The default scenario with one raid of four Shahed drones and no fighter patrols: about 4,200
/// PDUs (four launches, four detonations) over four and a half simulated hours.
const SMALL_NIGHT: [&str; 4] = [
    "--set",
    r#"raid=[{ id = "shahed-north", threat = "shahed-136", count = 4, launch = "kursk", window = ["16:00", "16:30"], targets = ["lutsk"], via = [[51.30, 31.00], [51.00, 28.00]] }]"#,
    "--set",
    "patrol=[]",
];

fn canopy(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_live_night_sends_over_udp_the_pdus_of_its_pcap_which_are_canopy_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (run_pcap, live_pcap) = (
        dir.join("serve-dis-run.pcap"),
        dir.join("serve-dis-live.pcap"),
    );
    let run = canopy(
        &[
            &["run", "--dis-pcap", run_pcap.to_str().unwrap()],
            &SMALL_NIGHT[..],
        ]
        .concat(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run_file = std::fs::read(&run_pcap).unwrap();
    let count = canopy_dis::pcap_payloads(&run_file).len();

    // A large receive buffer (as large as the system allows), so that loopback drops nothing
    // while the test thread is not reading; the read timeout only keeps a lost datagram from
    // hanging the test.
    let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket2::SockRef::from(&receiver)
        .set_recv_buffer_size(8 << 20)
        .unwrap();
    receiver
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let address = receiver.local_addr().unwrap().to_string();
    let listening = std::thread::spawn(move || {
        let mut buffer = [0_u8; 2048];
        let received: Vec<Vec<u8>> = (0..count)
            .map(|_| {
                let (length, _) = receiver.recv_from(&mut buffer).unwrap();
                buffer[..length].to_vec()
            })
            .collect();
        (receiver, received)
    });

    let live = [
        "--live",
        "--speed",
        "8000",
        "--dis",
        &address,
        "--dis-pcap",
        live_pcap.to_str().unwrap(),
    ];
    let server = Serving::start(&[&live[..], &SMALL_NIGHT[..]].concat());
    // The stream's last message comes after the last PDU is sent and the pcap file written.
    read_stream(server.addr);
    let (receiver, received) = listening.join().unwrap();
    let live_file = std::fs::read(&live_pcap).unwrap();
    assert_eq!(live_file, run_file, "the live night's pcap is canopy run's");
    assert_eq!(received, canopy_dis::pcap_payloads(&live_file));
    receiver.set_nonblocking(true).unwrap();
    assert!(
        receiver.recv(&mut [0; 2048]).is_err(),
        "a datagram beyond the pcap's"
    );
}

#[test]
fn the_dis_flags_on_serve_are_refused_without_live_naming_them() {
    let missing = "/nonexistent-directory-for-canopy/night.pcap";
    for (args, flag) in [
        (&["--dis", "127.0.0.1:3000"][..], "--dis on"),
        (&["--dis-pcap", "night.pcap"][..], "--dis-pcap on"),
        (
            &["--live", "--dis", "127.0.0.1:3000", "--dis-speed", "2"][..],
            "--dis-speed",
        ),
        (&["--live", "--dis-pcap", missing][..], "--dis-pcap"),
    ] {
        let output = canopy(&[&["serve", "--port", "0"], args].concat());
        assert!(!output.status.success(), "{args:?} accepted");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(flag), "{args:?}: {message}");
    }
}
