//! Reading the bench files: a well-formed scenario parses, malformed input names file, line
//! and column.

use canopy_track::bench_io::read_scenario;

/// A scenario folder in a fresh temporary directory (removed when dropped).
fn scenario_dir(detections: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    std::fs::write(
        dir.join("sensors.csv"),
        "sensor_id,name,x_m,y_m,z_m,sigma_range_m,sigma_az_rad,sigma_el_rad,max_range_m\n\
         0,A,-100.0,0.0,300.0,50.0,0.002,0.004,450000.0\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("scans.csv"),
        "scan_id,sensor_id,time_s,n_detections\n1,0,4.000,2\n0,0,0.000,1\n",
    )
    .expect("write");
    std::fs::write(dir.join("detections.csv"), detections).expect("write");
    tmp
}

const HEADER: &str = "time_s,scan_id,sensor_id,det_id,range_m,az_rad,el_rad\n";

#[test]
fn reads_scans_in_time_order() {
    let text = format!(
        "{HEADER}0.000,0,0,0,1000.0,0.5,0.01\n4.000,1,0,1,1200.0,-3.0,0.02\n4.000,1,0,2,900.0,3.1,0.0\n"
    );
    let dir = scenario_dir(&text);
    let scenario = read_scenario(dir.path()).expect("valid");
    assert_eq!(scenario.n_detections, 3);
    assert_eq!(scenario.scans.len(), 2);
    assert_eq!(scenario.scans[0].scan_id, 0);
    assert_eq!(scenario.scans[1].detections.len(), 2);
    assert_eq!(scenario.scans[1].detections[0].azimuth.east_ccw_rad(), -3.0);
}

#[test]
fn malformed_number_names_file_line_and_column() {
    let text = format!("{HEADER}0.000,0,0,0,1000.0,0.5,0.01\n4.000,1,0,1,12x0,-3.0,0.02\n");
    let dir = scenario_dir(&text);
    let message = read_scenario(dir.path())
        .expect_err("malformed")
        .to_string();
    assert!(message.contains("detections.csv"), "{message}");
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("range_m"), "{message}");
    assert!(message.contains("12x0"), "{message}");
}

#[test]
fn unknown_scan_is_an_error() {
    let text = format!("{HEADER}0.000,7,0,0,1000.0,0.5,0.01\n");
    let dir = scenario_dir(&text);
    let message = read_scenario(dir.path())
        .expect_err("unknown scan")
        .to_string();
    assert!(
        message.contains("line 2") && message.contains("scan_id"),
        "{message}"
    );
}

#[test]
fn writes_confirmed_tracks_only() {
    use canopy_track::bench_io::TrackWriter;
    use canopy_track::track::{Track, TrackFilter, TrackId};
    use canopy_track::{Gaussian, StateCovariance, StateVector};
    let track = |id: u64, confirmed: bool| Track {
        id: TrackId(id),
        time_s: 4.0,
        estimate: Gaussian::new(
            StateVector::new(1.0, -2.5, 300.126, 10.0, 0.5, -0.25),
            StateCovariance::identity(),
        ),
        confirmed,
        last_update_s: 4.0,
        hits: 3,
        consecutive_misses: 0,
        history: 0b111,
        looks: 3,
        last_gate_volume_m3: 0.0,
        filter: TrackFilter::Single,
        updated_by: None,
    };
    let mut writer = TrackWriter::new();
    writer.push_scan(4.0, &[track(7, true), track(8, false)]);
    let dir = scenario_dir("");
    let path = dir.path().join("tracks.csv");
    writer.write(&path).expect("written");
    let text = std::fs::read_to_string(&path).expect("read back");
    assert_eq!(
        text,
        "time_s,track_id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps\n4.000,7,1.00,-2.50,300.13,10.000,0.500,-0.250\n"
    );
}
