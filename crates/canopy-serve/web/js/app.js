// The page's start: loads the night and the borders, builds the model, the map, the panel and
// the clock, opens at `?t=SECONDS` paused when asked, and follows a live run's stream.
"use strict";

(async function start() {
  const [night, borders] = await Promise.all([
    fetch("/api/night").then((r) => r.json()),
    fetch("/api/borders").then((r) => r.json()),
  ]);
  document.getElementById("title").textContent =
    `Canopy: ${night.scenario} (seed ${night.seed}, ${night.picture} picture, ${night.planner})`;
  const model = new Canopy.Model(night);
  let clock = null;
  const pick = (id) => {
    const t = model.threats.get(id) || null;
    view.select(t);
    panel.story(t, clock.time);
    clock.render();
  };
  const view = new Canopy.MapView("map", model, borders, pick);
  Canopy.view = view; // for the console and the browser test
  const panel = new Canopy.Panel(model, pick);
  clock = new Canopy.Clock(night.end_s, (time) => {
    const airborne = model.airborne(time);
    view.draw(time, airborne);
    panel.draw(time, airborne);
  });
  const asked = new URLSearchParams(location.search).get("t");
  if (night.live_speed) {
    follow(night, model, view, clock);
  } else if (asked !== null) {
    clock.seek(Number(asked));
  } else {
    clock.seek(0);
  }
  document.body.dataset.ready = "true";
})();

// Follows a running night: every update adds events and moves the live edge; the clock plays
// at the edge until paused.
function follow(night, model, view, clock) {
  document.getElementById("mode").textContent = `live ×${night.live_speed}`;
  clock.reached(0, false, night.live_speed);
  clock.play();
  const source = new EventSource("/api/live");
  source.onmessage = (message) => {
    const update = JSON.parse(message.data);
    model.add(update.events);
    view.addHappenings(update.events);
    view.tracks.add(update.pictures);
    clock.reached(update.time_s, update.done, night.live_speed);
    document.body.dataset.liveEvents = String(model.events.length);
    if (update.done) {
      source.close();
      document.getElementById("mode").textContent = "live: the run has ended";
      document.body.dataset.liveDone = "true";
    }
    if (!clock.playing) clock.render();
  };
}
