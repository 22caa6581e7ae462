//! The default night on the wire, read back by Wireshark's DIS dissector (`tshark`): every frame
//! is DIS and well formed, launches and detonations are counted as the event log counts them,
//! entity ids are unique and stable, a threat's decoded position is its true position, the pcap
//! is reproducible and UDP delivers the pcap's bytes. The tshark checks are skipped, with a
//! message, where tshark is not installed (`.ci/run` installs it).

use std::collections::{BTreeMap, BTreeSet};
use std::net::UdpSocket;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use canopy_core::{SimTime, ThreatId};
use canopy_dis::{Datagram, Pacing, SimulationIds};
use canopy_sim::{Event, PreparedScenario, RunOptions, truth};

const IDS: SimulationIds = SimulationIds {
    exercise: 1,
    site: 1,
    application: 1,
};

struct Fixture {
    prepared: PreparedScenario,
    events: Vec<Event>,
    datagrams: Vec<Datagram>,
    pcap: PathBuf,
}

fn night_of(prepared: &PreparedScenario) -> (Vec<Event>, Vec<Datagram>) {
    let options = RunOptions {
        seed: prepared.scenario.seed,
        replication: 0,
        picture: Default::default(),
        planner: Default::default(),
    };
    let events = canopy_sim::run(prepared, &options, &mut []).events;
    let datagrams = canopy_dis::night_datagrams(prepared, &events, IDS).unwrap();
    (events, datagrams)
}

/// The default scenario's night, run once for every test, and its pcap file.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let prepared = PreparedScenario::new(canopy_scenario::default_scenario().unwrap());
        let (events, datagrams) = night_of(&prepared);
        let pcap = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("default-night.pcap");
        canopy_dis::write_pcap(&pcap, &datagrams, prepared.scenario.start_unix_s).unwrap();
        Fixture {
            prepared,
            events,
            datagrams,
            pcap,
        }
    })
}

/// One frame as tshark decodes it.
#[derive(Debug)]
struct Frame {
    protocols: String,
    time_s: f64,
    pdu_type: u8,
    entities: Vec<u16>,
    location: Option<[f64; 3]>,
    marking: String,
    force: String,
    expert_severity: Vec<u32>,
    malformed: bool,
}

const FIELDS: [&str; 11] = [
    "frame.protocols",
    "frame.time_epoch",
    "dis.pdu_type",
    "dis.entity_id_entity",
    "dis.entity_location.x",
    "dis.entity_location.y",
    "dis.entity_location.z",
    "dis.entity_marking",
    "dis.force_id",
    "_ws.expert.severity",
    "_ws.malformed",
];

/// The pcap's frames as tshark decodes them, or `None` (with a message) without tshark.
fn decoded() -> Option<&'static Vec<Frame>> {
    static FRAMES: OnceLock<Option<Vec<Frame>>> = OnceLock::new();
    FRAMES
        .get_or_init(|| {
            if Command::new("tshark").arg("-v").output().is_err() {
                eprintln!(
                    "skipped: tshark is not installed (apt-get install tshark; .ci/run does)"
                );
                return None;
            }
            let mut command = Command::new("tshark");
            command.arg("-r").arg(&fixture().pcap);
            command.args(["-T", "fields", "-E", "separator=|"]);
            for field in FIELDS {
                command.args(["-e", field]);
            }
            let output = command.output().unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(
                String::from_utf8(output.stdout)
                    .unwrap()
                    .lines()
                    .map(frame)
                    .collect(),
            )
        })
        .as_ref()
}

fn frame(line: &str) -> Frame {
    let f: Vec<&str> = line.split('|').collect();
    let numbers = |text: &str| -> Vec<u32> {
        text.split(',')
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().unwrap())
            .collect()
    };
    let location = f[4]
        .parse()
        .ok()
        .map(|x| [x, f[5].parse().unwrap(), f[6].parse().unwrap()]);
    Frame {
        protocols: f[0].to_string(),
        time_s: f[1].parse().unwrap(),
        pdu_type: f[2].parse().unwrap_or(0),
        entities: numbers(f[3]).into_iter().map(|n| n as u16).collect(),
        location,
        marking: f[7].to_string(),
        force: f[8].to_string(),
        expert_severity: numbers(f[9]),
        malformed: !f[10].is_empty(),
    }
}

fn count(events: &[Event], kind: fn(&Event) -> bool) -> usize {
    events.iter().filter(|event| kind(event)).count()
}

#[test]
fn tshark_decodes_every_frame_as_dis_with_no_malformed_frame_or_expert_error() {
    let Some(frames) = decoded() else { return };
    assert_eq!(frames.len(), fixture().datagrams.len());
    // Wireshark's expert severities: chat, note, warning, error (0x00800000).
    const ERROR: u32 = 0x0080_0000;
    for (index, frame) in frames.iter().enumerate() {
        assert_eq!(
            frame.protocols,
            "eth:ethertype:ip:udp:dis",
            "frame {}",
            index + 1
        );
        assert!(!frame.malformed, "frame {} is malformed", index + 1);
        assert!(
            frame
                .expert_severity
                .iter()
                .all(|&severity| severity < ERROR),
            "frame {}: expert {:?}",
            index + 1,
            frame.expert_severity
        );
    }
}

#[test]
fn fires_are_the_launches_and_detonations_the_kills_misses_and_impacts() {
    let Some(frames) = decoded() else { return };
    let events = &fixture().events;
    let of_type = |pdu_type| frames.iter().filter(|f| f.pdu_type == pdu_type).count();
    let launches = count(events, |e| matches!(e, Event::Launch { .. }));
    let kills = count(events, |e| matches!(e, Event::Kill { .. }));
    let misses = count(events, |e| matches!(e, Event::Miss { .. }));
    let impacts = count(events, |e| matches!(e, Event::Impact { .. }));
    assert!(launches > 0 && impacts > 0);
    assert_eq!(of_type(2), launches, "Fire PDUs");
    assert_eq!(of_type(3), kills + misses + impacts, "Detonation PDUs");
    assert_eq!(of_type(1) + of_type(2) + of_type(3), frames.len());
}

#[test]
fn every_entity_keeps_its_id_marking_and_force_and_one_id_names_one_entity() {
    let Some(frames) = decoded() else { return };
    let mut seen: BTreeMap<u16, (&str, &str)> = BTreeMap::new();
    for frame in frames.iter().filter(|f| f.pdu_type == 1) {
        let [entity] = frame.entities[..] else {
            panic!("an Entity State names one entity: {frame:?}");
        };
        let first = *seen.entry(entity).or_insert((&frame.marking, &frame.force));
        assert_eq!(
            first,
            (frame.marking.as_str(), frame.force.as_str()),
            "entity {entity}"
        );
    }
    let events = &fixture().events;
    let entered = count(events, |e| matches!(e, Event::ThreatEntered { .. }));
    let launches = count(events, |e| matches!(e, Event::Launch { .. }));
    let sorties = count(events, |e| matches!(e, Event::SortieStart { .. }));
    assert_eq!(
        seen.len(),
        entered + launches + sorties,
        "one id per flying thing"
    );
    let markings: BTreeSet<&str> = seen.values().map(|(marking, _)| *marking).collect();
    assert!(
        markings.contains("shahed-n#12"),
        "a threat is named by its raid"
    );
}

/// Latitude, longitude (degrees) and height (m) of a geocentric point on WGS-84, by fixed-point
/// iteration on the latitude (written here, apart from canopy-geo's closed form).
fn geodetic(x: f64, y: f64, z: f64) -> (f64, f64, f64) {
    let a = 6_378_137.0;
    let f = 1.0 / 298.257_223_563;
    let e2 = f * (2.0 - f);
    let p = x.hypot(y);
    let mut lat: f64 = (z / (p * (1.0 - e2))).atan();
    let mut height = 0.0;
    for _ in 0..10 {
        let n = a / (1.0 - e2 * lat.sin().powi(2)).sqrt();
        height = p / lat.cos() - n;
        lat = (z / (p * (1.0 - e2 * n / (n + height)))).atan();
    }
    (lat.to_degrees(), y.atan2(x).to_degrees(), height)
}

#[test]
fn the_geodetic_conversion_of_the_test_recovers_a_point_worked_by_hand() {
    // 50°N 30°E at 1000 m: N = a / sqrt(1 - e² sin² 50°); x = (N + h) cos 50° cos 30°, ...
    let (lat, lon, height) = geodetic(3_558_071.328_678, 2_054_253.439_408, 4_863_555.082_150);
    assert!(
        (lat - 50.0).abs() < 1e-9 && (lon - 30.0).abs() < 1e-9,
        "{lat} {lon}"
    );
    assert!((height - 1000.0).abs() < 1e-3, "{height}");
}

#[test]
fn a_decoded_threat_position_lies_within_a_metre_of_its_true_position() {
    let Some(frames) = decoded() else { return };
    let Fixture { prepared, .. } = fixture();
    let threats = prepared.threats.len() as u16;
    let checked: Vec<&Frame> = frames
        .iter()
        .filter(|f| f.pdu_type == 1 && f.entities[0] <= threats)
        .step_by(997)
        .collect();
    assert!(checked.len() > 10);
    for frame in checked {
        let [x, y, z] = frame.location.unwrap();
        let (lat, lon, height) = geodetic(x, y, z);
        let micros =
            (frame.time_s * 1e6).round() as i64 - prepared.scenario.start_unix_s * 1_000_000;
        let threat = ThreatId(u32::from(frame.entities[0]) - 1);
        let spec = &prepared.threats[threat.index()];
        let truth = truth::position_m(prepared, spec, SimTime::from_micros(micros));
        let expected = prepared.geo_position(truth);
        let metres_per_degree = 6_371_000.0_f64.to_radians();
        let north = (lat - expected.lat_deg) * metres_per_degree;
        let east = (lon - expected.lon_deg) * metres_per_degree * lat.to_radians().cos();
        let up = height - expected.alt_m;
        let miss = (north * north + east * east + up * up).sqrt();
        assert!(miss < 1.0, "{} at {micros} µs: {miss} m off", frame.marking);
    }
}

#[test]
fn the_same_scenario_and_seed_give_the_same_pcap_bytes() {
    let Fixture {
        prepared,
        datagrams,
        pcap,
        ..
    } = fixture();
    let (_, again) = night_of(prepared);
    assert_eq!(&again, datagrams);
    let written = std::fs::read(pcap).unwrap();
    assert_eq!(
        written,
        canopy_dis::pcap_bytes(&again, prepared.scenario.start_unix_s)
    );
}

#[test]
fn udp_to_a_loopback_socket_delivers_the_bytes_of_the_pcap() {
    let Fixture {
        datagrams, pcap, ..
    } = fixture();
    let sent = &datagrams[..3000];
    let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
    receiver
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let address = receiver.local_addr().unwrap();
    let listening = std::thread::spawn(move || {
        let mut buffer = [0_u8; 2048];
        (0..3000)
            .map(|_| {
                let (length, _) = receiver.recv_from(&mut buffer).unwrap();
                buffer[..length].to_vec()
            })
            .collect::<Vec<_>>()
    });
    // Paced so that the 3000 datagrams take about three seconds: the receiver keeps up.
    let span_s = sent[2999].time.since(sent[0].time).as_secs_f64();
    canopy_dis::send_udp(address, sent, Pacing::Speed(span_s / 3.0)).unwrap();
    let received = listening.join().unwrap();
    let file = std::fs::read(pcap).unwrap();
    assert_eq!(received, canopy_dis::pcap_payloads(&file)[..3000]);
}
