// The map of an output folder: where threats leaked and where spillover happened, over every
// replication of its events.parquet files, as counts on a grid (darker and larger: more).
"use strict";

(async function start() {
  const [data, borders] = await Promise.all([
    fetch("/api/folder").then((r) => r.json()),
    fetch("/api/borders").then((r) => r.json()),
  ]);
  const map = L.map("map", { preferCanvas: true, zoomSnap: 0.25, attributionControl: false });
  // the view first: layers are drawn in it
  const cells = data.leaked.concat(data.spillover).map(([lat, lon]) => [lat, lon]);
  if (cells.length) map.fitBounds(L.latLngBounds(cells).pad(0.3));
  else map.setView([50, 24], 5);
  L.geoJSON(borders, {
    style: (f) => ({ color: "#8a9199", weight: 0.8, fillOpacity: 1,
      fillColor: f.properties.nato ? "#d5e8cd" : "#f6f3ec" }),
  }).addTo(map);
  document.getElementById("sources").textContent = data.sources.length
    ? `from ${data.sources.join(", ")}` : "no events.parquet here: run mc with --events for the map";
  const max = Math.max(1, ...data.leaked.map((c) => c[2]), ...data.spillover.map((c) => c[2]));
  const layer = (cells, colour, what) => cells.map(([lat, lon, n]) =>
    L.circleMarker([lat, lon], { radius: 3 + 9 * Math.sqrt(n / max), color: colour, weight: 1,
      fillColor: colour, fillOpacity: 0.2 + 0.6 * (n / max) }).bindTooltip(`${n} ${what}`));
  const leaked = layer(data.leaked, "#c00000", "impacts (leakers)");
  const spilled = layer(data.spillover, "#e07b00", "spillovers into NATO territory");
  leaked.concat(spilled).forEach((m) => m.addTo(map));
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    div.innerHTML = `<b>${data.cell_deg}° cells</b><br><span style="color:#c00000">●</span> impacts` +
      `<br><span style="color:#e07b00">●</span> spillover into NATO`;
    return div;
  };
  legend.addTo(map);
  document.body.dataset.ready = "true";
})();
