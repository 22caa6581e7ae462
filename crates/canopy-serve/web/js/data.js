// The night as the page knows it: every threat with its path, launch, fate, tracking and
// engagements, and the event log, indexed for questions asked at any time t (seconds).
"use strict";
const Canopy = (window.Canopy = {});

// The events that end a threat's flight, and the fate each gives it.
Canopy.FATES = { kill: "destroyed", threat_attrited: "attrited", threat_lost: "lost", impact: "leaked" };

// Colours of the threat classes.
Canopy.CLASS_COLOURS = { drone: "#d62728", decoy: "#f7a1a1", cruise: "#9467bd", ballistic: "#8c564b" };

// "T+hh:mm:ss" for a time in seconds.
Canopy.clockText = function (t) {
  const s = Math.max(0, Math.floor(t));
  const pad = (n) => String(n).padStart(2, "0");
  return `T+${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

Canopy.Model = class {
  constructor(night) {
    this.night = night;
    this.threats = new Map();
    for (const t of night.threats) {
      this.threats.set(t.id, Object.assign({}, t, {
        launched: Infinity, end: Infinity, fate: null, fateEvent: null,
        tracked: Infinity, engaged: [], story: [],
      }));
    }
    this.order = night.threats.map((t) => t.id).sort((a, b) => a - b);
    this.engagementThreat = new Map();
    // engagement id -> {launch event, end time (kill or miss)}
    this.shots = new Map();
    this.events = [];
    // the events in time order (the log is nearly so; a stable sort keeps ties in log order)
    this.timeline = [];
    this.add(night.events);
  }

  // Takes in more of the log (all of it for a replay, a stream's updates when live).
  add(events) {
    for (const e of events) {
      this.events.push(e);
      this.timeline.push(e);
      if (e.engagement !== undefined && e.threat !== undefined) {
        this.engagementThreat.set(e.engagement, e.threat);
      }
      this.shot(e);
      const id = e.threat !== undefined ? e.threat : this.engagementThreat.get(e.engagement);
      const t = this.threats.get(id);
      if (t === undefined) continue;
      t.story.push(e);
      if (e.kind === "threat_launched") t.launched = Math.min(t.launched, e.time_s);
      if (e.kind === "tracked") t.tracked = Math.min(t.tracked, e.time_s);
      if (e.kind === "launch") t.engaged.push(e);
      const fate = Canopy.FATES[e.kind];
      if (fate !== undefined && e.time_s < t.end) {
        t.end = e.time_s;
        t.fate = fate;
        t.fateEvent = e;
      }
    }
    this.timeline.sort((a, b) => a.time_s - b.time_s);
  }

  // Keeps each interceptor's launch and the time its flight ended.
  shot(e) {
    if (e.kind === "launch") this.shots.set(e.engagement, { launch: e, end: Infinity });
    if ((e.kind === "kill" || e.kind === "miss") && this.shots.has(e.engagement)) {
      const s = this.shots.get(e.engagement);
      s.end = Math.min(s.end, e.time_s);
    }
  }

  // Whether threat t is airborne at time: launched at or before it, its flight not ended at or
  // before it.
  static isAirborne(t, time) {
    return t.launched <= time && !(t.end <= time);
  }

  // The threats airborne at `time`, in threat order.
  airborne(time) {
    const out = [];
    for (const id of this.order) {
      const t = this.threats.get(id);
      if (Canopy.Model.isAirborne(t, time)) out.push(t);
    }
    return out;
  }

  // [lat, lon] of threat t at `time`, along its path.
  static position(t, time) {
    const p = t.path;
    if (time <= p[0][0]) return [p[0][1], p[0][2]];
    const last = p[p.length - 1];
    if (time >= last[0]) return [last[1], last[2]];
    let lo = 0, hi = p.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (p[mid][0] <= time) lo = mid; else hi = mid;
    }
    const a = p[lo], b = p[hi];
    const f = b[0] > a[0] ? (time - a[0]) / (b[0] - a[0]) : 0;
    return [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
  }

  // How many events happened at or before `time`: the first so many of the timeline.
  countAt(time) {
    let lo = 0, hi = this.timeline.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.timeline[mid].time_s <= time) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Running totals at `time`.
  totals(time) {
    const totals = { destroyed: {}, leaked: 0, attrited: 0, lost: 0, cost: 0, spillover: 0, shots: 0 };
    const n = this.countAt(time);
    for (let i = 0; i < n; i++) {
      const e = this.timeline[i];
      if (e.kind === "kill") totals.destroyed[e.nation] = (totals.destroyed[e.nation] || 0) + 1;
      else if (e.kind === "impact") totals.leaked++;
      else if (e.kind === "threat_attrited") totals.attrited++;
      else if (e.kind === "threat_lost") totals.lost++;
      else if (e.kind === "spillover") totals.spillover++;
      else if (e.kind === "launch") { totals.cost += e.cost_usd; totals.shots++; }
    }
    return totals;
  }

  // The colour of a nation by its code.
  nationColour(code) {
    const n = this.night.theatre.nations.find((x) => x.code === code);
    return n ? n.colour : "#444";
  }
};
