// C2's tracked picture: at the time shown, the tracks of the last snapshot at or before it, each
// moved on along its estimated velocity to that time, drawn as a small hollow square edged in
// the colour of the class C2 finds most likely (its element carries `data-track` with the track's
// id), inside a dashed circle of two standard deviations of its horizontal position error.
// There are no snapshots on the perfect picture, whose tracks are the threats themselves.
"use strict";

Canopy.TRACK_COLOUR = "#0b6e79";

Canopy.TrackView = class {
  constructor(map, pictures) {
    this.pictures = pictures;
    this.layer = L.layerGroup().addTo(map);
    // track id -> {marker, circle}
    this.drawn = new Map();
  }

  // Takes in more snapshots (a live stream's), later than those held.
  add(pictures) {
    for (const p of pictures) this.pictures.push(p);
  }

  // The last snapshot at or before `time`, or null.
  snapshotAt(time) {
    let lo = 0, hi = this.pictures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pictures[mid].time_s <= time) lo = mid + 1; else hi = mid;
    }
    return lo > 0 ? this.pictures[lo - 1] : null;
  }

  // [lat, lon] of a track of the snapshot taken at `from`, moved along its velocity to `time`.
  static position(track, from, time) {
    const R = 6371008.8, dt = time - from;
    const lat = track.lat + (track.north_mps * dt / R) * 180 / Math.PI;
    const lon = track.lon + (track.east_mps * dt / (R * Math.cos(track.lat * Math.PI / 180))) * 180 / Math.PI;
    return [lat, lon];
  }

  draw(time) {
    const snapshot = this.snapshotAt(time);
    const shown = new Set();
    for (const k of snapshot ? snapshot.tracks : []) {
      shown.add(k.id);
      const at = Canopy.TrackView.position(k, snapshot.time_s, time);
      let d = this.drawn.get(k.id);
      if (d === undefined) {
        d = {
          marker: L.marker(at, { interactive: false, keyboard: false, icon: L.divIcon({
            className: "", iconSize: [10, 10], html: `<div class="track-icon" data-track="${k.id}"></div>` }) }),
          circle: L.circle(at, { radius: 1, color: Canopy.TRACK_COLOUR, weight: 1, dashArray: "3 3",
            fill: false, interactive: false }),
        };
        this.drawn.set(k.id, d);
        this.layer.addLayer(d.circle).addLayer(d.marker);
      }
      d.marker.setLatLng(at);
      d.circle.setLatLng(at).setRadius(Math.max(2 * k.sigma_m, 1));
      const icon = d.marker.getElement().firstChild;
      icon.style.setProperty("--c", Canopy.CLASS_COLOURS[k.class] || "#444");
    }
    for (const [id, d] of this.drawn) {
      if (!shown.has(id)) {
        this.layer.removeLayer(d.marker).removeLayer(d.circle);
        this.drawn.delete(id);
      }
    }
  }
};
