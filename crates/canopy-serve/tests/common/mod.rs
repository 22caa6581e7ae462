//! What the serve tests share: a threat path read as the page reads it.

use canopy_serve::paths::ThreatPath;

/// `[lat, lon]` of a path at `time`, interpolated between its points as the page does.
pub fn along(path: &ThreatPath, time: f64) -> [f64; 2] {
    let p = &path.path;
    let k = p.partition_point(|q| q[0] <= time).clamp(1, p.len() - 1);
    let (a, b) = (p[k - 1], p[k]);
    let f = ((time - a[0]) / (b[0] - a[0])).clamp(0.0, 1.0);
    [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])]
}
