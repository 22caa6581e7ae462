// The map: borders (NATO members shaded), zones, defences and aim points drawn once; threats,
// C2's tracks, interceptors' fly-outs and what happened (kills, impacts, misses' fall points,
// debris footprints, spillover) redrawn for the time shown.
"use strict";

Canopy.MapView = class {
  constructor(element, model, borders, onPick) {
    this.model = model;
    this.onPick = onPick;
    this.map = L.map(element, { preferCanvas: true, zoomSnap: 0.25, attributionControl: false });
    this.fit(); // the view first: layers are drawn in it
    this.drawFixed(borders);
    this.threatLayer = L.layerGroup().addTo(this.map);
    this.shotLayer = L.layerGroup().addTo(this.map);
    this.happenedLayer = L.layerGroup().addTo(this.map);
    this.tracks = new Canopy.TrackView(this.map, model.night.pictures);
    this.markers = new Map();
    this.flights = new Map();
    this.happenings = [];
    this.shown = 0;
    this.selectedPath = null;
    this.addHappenings(model.events);
  }

  drawFixed(borders) {
    L.geoJSON(borders, {
      style: (f) => ({
        color: "#8a9199", weight: 0.8, fillOpacity: 1,
        fillColor: f.properties.nato ? "#d5e8cd" : "#f6f3ec",
      }),
      onEachFeature: (f, layer) => layer.bindTooltip(
        `${f.properties.name} (${f.properties.iso_a2})${f.properties.nato ? ", NATO" : ""}`, { sticky: true }),
    }).addTo(this.map);
    const theatre = this.model.night.theatre;
    for (const area of theatre.areas) {
      L.polygon(area.rings, { color: area.colour, weight: 1, fillColor: area.colour, fillOpacity: 0.25 })
        .bindTooltip(area.label, { sticky: true }).addTo(this.map);
    }
    for (const m of theatre.meridians) {
      L.polyline([[35, m.lon], [65, m.lon]], { color: "#556", weight: 1, dashArray: "6 5" })
        .bindTooltip(m.label, { sticky: true }).addTo(this.map);
    }
    const icon = (cls, colour) => L.divIcon({ className: "", iconSize: [12, 12],
      html: `<div class="${cls}" style="--c:${colour}"></div>` });
    for (const s of theatre.sites) {
      L.marker([s.lat, s.lon], { icon: icon("site-icon", s.colour), keyboard: false })
        .bindTooltip(s.label).addTo(this.map);
    }
    for (const s of theatre.stations) {
      L.marker([s.lat, s.lon], { icon: icon("station-icon", s.colour), keyboard: false })
        .bindTooltip(s.label).addTo(this.map);
    }
    for (const a of theatre.aim_points) {
      L.marker([a.lat, a.lon], { icon: icon("aim-icon", "#222"), keyboard: false })
        .bindTooltip(a.label, { permanent: true, direction: "right", className: "map-label" })
        .addTo(this.map);
    }
  }

  // Frames the defences and the aim points (launch areas far east are a zoom away).
  fit() {
    const theatre = this.model.night.theatre;
    const points = theatre.sites.concat(theatre.stations, theatre.aim_points).map((s) => [s.lat, s.lon]);
    if (points.length > 0) this.map.fitBounds(L.latLngBounds(points).pad(0.6));
    else this.map.setView([50, 24], 6);
  }

  // Turns events into things drawn from their time on, kept in time order.
  addHappenings(events) {
    for (const e of events) {
      const h = this.happening(e);
      if (h) this.happenings.push(Object.assign(h, { time: e.time_s }));
    }
    this.happenings.sort((a, b) => a.time - b.time);
    for (const h of this.happenings) this.happenedLayer.removeLayer(h.layer);
    this.shown = 0;
  }

  // The layer an event leaves on the map, if any.
  happening(e) {
    const at = (p) => [p.lat_deg, p.lon_deg];
    const dot = (p, colour, radius, tip) => L.circleMarker(at(p), {
      radius, color: "#222", weight: 1, fillColor: colour, fillOpacity: 0.9 }).bindTooltip(tip);
    switch (e.kind) {
      case "kill":
        return { layer: L.layerGroup([
          L.circle(at(e.debris_centre), { radius: e.debris_radius_m, color: "#777", weight: 0.5,
            fillOpacity: 0.12, interactive: false }),
          dot(e.at, this.model.nationColour(e.nation), 4, `destroyed by ${e.nation}: threat ${e.threat}`),
        ]) };
      case "impact":
        return { layer: dot(e.at, "#c00000", 6, `impact at ${e.target}: threat ${e.threat}`) };
      case "threat_lost":
        return { layer: dot(e.at, "#999", 3, `lost its way (${e.area}): threat ${e.threat}`) };
      case "miss":
        return { layer: L.circleMarker(at(e.fall_point), { radius: 2.5, color: "#555", weight: 1,
          fill: false }).bindTooltip(`miss (${e.cause}) by ${e.nation}: fall point`) };
      case "spillover":
        return { layer: L.circleMarker(at(e.at), { radius: 9, color: "#e07b00", weight: 3, fill: false })
          .bindTooltip(`spillover: ${e.object} in ${e.country} near ${e.near}`) };
      default:
        return null;
    }
  }

  // Draws everything as it is at `time`.
  draw(time, airborne) {
    this.drawHappened(time);
    this.drawThreats(time, airborne);
    this.tracks.draw(time);
    this.drawShots(time);
  }

  drawHappened(time) {
    while (this.shown < this.happenings.length && this.happenings[this.shown].time <= time) {
      this.happenedLayer.addLayer(this.happenings[this.shown++].layer);
    }
    while (this.shown > 0 && this.happenings[this.shown - 1].time > time) {
      this.happenedLayer.removeLayer(this.happenings[--this.shown].layer);
    }
  }

  drawThreats(time, airborne) {
    const live = new Set();
    for (const t of airborne) {
      live.add(t.id);
      let m = this.markers.get(t.id);
      if (m === undefined) {
        m = L.circleMarker([0, 0], { radius: 4, weight: 1.5, fillOpacity: 0.9,
          fillColor: Canopy.CLASS_COLOURS[t.class] || "#d62728" });
        m.bindTooltip(`${t.name} (${t.threat_type}) → ${t.target}`);
        m.on("click", () => this.onPick(t.id));
        this.markers.set(t.id, m);
      }
      m.setLatLng(Canopy.Model.position(t, time));
      m.setStyle({ color: t.tracked <= time ? "#111" : "#bbb" });
      if (!this.threatLayer.hasLayer(m)) this.threatLayer.addLayer(m);
    }
    for (const [id, m] of this.markers) {
      if (!live.has(id) && this.threatLayer.hasLayer(m)) this.threatLayer.removeLayer(m);
    }
  }

  // Interceptors in flight: a line from the launcher to where the interceptor is, and a
  // fighter's dash to its launch point.
  drawShots(time) {
    for (const [id, s] of this.model.shots) {
      const e = s.launch;
      const flying = e.time_s <= time && !(s.end <= time);
      let f = this.flights.get(id);
      if (!flying) {
        if (f) { this.shotLayer.removeLayer(f); this.flights.delete(id); }
        continue;
      }
      const span = Math.max(e.planned_intercept_time_s - e.time_s, 1e-6);
      const k = Math.min(1, (time - e.time_s) / span);
      const from = [e.from.lat_deg, e.from.lon_deg];
      const to = [e.planned_intercept.lat_deg, e.planned_intercept.lon_deg];
      const now = [from[0] + k * (to[0] - from[0]), from[1] + k * (to[1] - from[1])];
      if (!f) {
        f = L.polyline([from, now], { color: this.model.nationColour(e.nation), weight: 2,
          dashArray: e.dash_m > 0 ? "4 3" : null }).bindTooltip(
          `${e.nation} ${e.shooter}: ${e.munition} at threat ${e.threat}` +
          (e.dash_m > 0 ? ` after a ${(e.dash_m / 1000).toFixed(0)} km dash` : ""));
        this.flights.set(id, f);
        this.shotLayer.addLayer(f);
      } else {
        f.setLatLngs([from, now]);
      }
    }
  }

  // Shows the whole path of the chosen threat.
  select(t) {
    if (this.selectedPath) this.map.removeLayer(this.selectedPath);
    this.selectedPath = t ? L.polyline(t.path.map((p) => [p[1], p[2]]), {
      color: "#1f4e9c", weight: 2, dashArray: "3 4", interactive: false }).addTo(this.map) : null;
  }
};
