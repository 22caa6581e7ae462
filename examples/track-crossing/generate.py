#!/usr/bin/env python3
"""Writes this folder's `canopy track` example: three targets seen by two radars for 60 s.

    python3 examples/track-crossing/generate.py      # rewrites the files beside this script

Standard library only; the same Python gives the same bytes (seeded `random`). The format is
docs/track-format.md. Frame: flat East-North-Up, metres, x east, y north, z up.

Truth (constant velocity, all three alive for the whole minute):
  target 1, a drone:          from (40 km, 20 km, 1000 m) at (-50, 0, 0) m/s
  target 2, a cruise missile: from (30 km, -30 km, 200 m) at (-180, 160, 0) m/s
  target 3, a cruise missile: from (-20 km, 40 km, 150 m) at (200, -100, 0) m/s
Radars: sensor 1 at (-60 km, 0, 300 m) every 4 s from t = 0; sensor 2 at (0, -60 km, 300 m)
every 5 s from t = 1.3 s; both 50 m, 0.002 rad, 0.004 rad (1 sigma) in range, azimuth and
elevation. Each target is detected in a scan with probability 0.9; each scan adds
Poisson(1) false alarms uniform in x, y in [-100 km, 100 km], z in [0, 20 km].
"""
import json
import math
import os
import random

DURATION_S = 60.0
REGION = dict(x_min=-100e3, x_max=100e3, y_min=-100e3, y_max=100e3)
CLUTTER_Z_MAX_M = 20e3
CLUTTER_MEAN = 1.0
PD = 0.9
SENSORS = [  # id, name, x, y, z, period, offset, sigma range, sigma az, sigma el, max range
    (1, "west", -60e3, 0.0, 300.0, 4.0, 0.0, 50.0, 0.002, 0.004, 250e3),
    (2, "south", 0.0, -60e3, 300.0, 5.0, 1.3, 50.0, 0.002, 0.004, 250e3),
]
TARGETS = [  # id, kind, start position, velocity
    (1, "drone", (40e3, 20e3, 1000.0), (-50.0, 0.0, 0.0)),
    (2, "cruise", (30e3, -30e3, 200.0), (-180.0, 160.0, 0.0)),
    (3, "cruise", (-20e3, 40e3, 150.0), (200.0, -100.0, 0.0)),
]


def position(target, t):
    _, _, p, v = target
    return tuple(p[i] + v[i] * t for i in range(3))


def polar(sensor, point):
    dx, dy, dz = (point[i] - sensor[2 + i] for i in range(3))
    r = math.sqrt(dx * dx + dy * dy + dz * dz)
    return r, math.atan2(dy, dx), math.asin(dz / r)


def poisson(rng, mean):
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def scans():
    out = []
    for s in SENSORS:
        t = s[6]
        while t <= DURATION_S + 1e-9:
            out.append((round(t, 3), s))
            t += s[5]
    out.sort(key=lambda x: (x[0], x[1][0]))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(2026)
    volume = (REGION["x_max"] - REGION["x_min"]) * (REGION["y_max"] - REGION["y_min"]) * CLUTTER_Z_MAX_M
    rows_scans, rows_dets, rows_truth = [], [], []
    for scan_id, (t, s) in enumerate(scans(), start=1):
        points = []
        for target in TARGETS:
            p = position(target, t)
            rows_truth.append(f"{t:.3f},{target[0]},{target[1]},{p[0]:.2f},{p[1]:.2f},{p[2]:.2f},"
                              f"{target[3][0]:.3f},{target[3][1]:.3f},{target[3][2]:.3f}")
            if rng.random() < PD:
                r, az, el = polar(s, p)
                points.append((r + rng.gauss(0, s[7]), az + rng.gauss(0, s[8]), el + rng.gauss(0, s[9])))
        for _ in range(poisson(rng, CLUTTER_MEAN)):
            p = (rng.uniform(REGION["x_min"], REGION["x_max"]),
                 rng.uniform(REGION["y_min"], REGION["y_max"]), rng.uniform(0, CLUTTER_Z_MAX_M))
            points.append(polar(s, p))
        rng.shuffle(points)
        rows_scans.append(f"{scan_id},{s[0]},{t:.3f},{len(points)}")
        for r, az, el in points:
            az = math.atan2(math.sin(az), math.cos(az))
            rows_dets.append(f"{len(rows_dets) + 1},{scan_id},{s[0]},{t:.3f},{r:.2f},{az:.6f},{el:.6f}")

    def write(name, header, rows):
        with open(os.path.join(here, name), "w", newline="\n") as f:
            f.write(header + "\n" + "".join(row + "\n" for row in rows))

    write("sensors.csv", "sensor_id,name,x_m,y_m,z_m,period_s,offset_s,sigma_range_m,sigma_az_rad,"
          "sigma_el_rad,max_range_m",
          [f"{s[0]},{s[1]},{s[2]:.1f},{s[3]:.1f},{s[4]:.1f},{s[5]:.1f},{s[6]:.1f},{s[7]:.1f},"
           f"{s[8]:.4f},{s[9]:.4f},{s[10]:.1f}" for s in SENSORS])
    write("scans.csv", "scan_id,sensor_id,time_s,n_detections", rows_scans)
    write("detections.csv", "det_id,scan_id,sensor_id,time_s,range_m,az_rad,el_rad", rows_dets)
    write("truth.csv", "time_s,target_id,target_type,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps", rows_truth)
    meta = dict(description="Three targets, two radars, 60 s; written by generate.py",
                region=REGION, clutter_density_per_m3=CLUTTER_MEAN / volume)
    with open(os.path.join(here, "scenario.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
