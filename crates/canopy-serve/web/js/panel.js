// The side panel: running totals, the threats airborne (each an element with `data-threat`, the
// threat's number; nothing else carries that attribute) and the story of the chosen threat.
"use strict";

Canopy.Panel = class {
  constructor(model, onPick) {
    this.model = model;
    this.onPick = onPick;
    this.list = document.getElementById("airborne");
    this.count = document.getElementById("airborne-count");
    this.totalsBox = document.getElementById("totals");
    this.storyBox = document.getElementById("story");
    this.listKey = null;
    this.totalsKey = null;
    this.selected = null;
    this.list.addEventListener("click", (ev) => {
      const li = ev.target.closest("li[data-threat]");
      if (li) this.onPick(Number(li.dataset.threat));
    });
  }

  draw(time, airborne) {
    this.drawList(time, airborne);
    this.drawTotals(time);
  }

  // One line per airborne threat: type, target, tracked or not, engaged by which nations.
  drawList(time, airborne) {
    const lines = airborne.map((t) => {
      const nations = [...new Set(t.engaged.filter((e) => e.time_s <= time).map((e) => e.nation))];
      return { t, tracked: t.tracked <= time, nations };
    });
    const key = lines.map((l) => `${l.t.id}:${l.tracked}:${l.nations.join()}`).join("|") + `#${this.selected}`;
    if (key === this.listKey) return;
    this.listKey = key;
    this.count.textContent = `(${airborne.length})`;
    const items = lines.map(({ t, tracked, nations }) => {
      const li = document.createElement("li");
      li.dataset.threat = String(t.id);
      if (t.id === this.selected) li.className = "selected";
      const swatch = `<span class="swatch" style="background:${Canopy.CLASS_COLOURS[t.class] || "#d62728"}"></span>`;
      const engaged = nations.length ? ` · engaged by ${nations.join(", ")}` : "";
      li.innerHTML = `${swatch}<b></b> <span class="muted"></span>`;
      li.querySelector("b").textContent = t.name;
      li.querySelector(".muted").textContent =
        `${t.threat_type} → ${t.target} · ${tracked ? "tracked" : "not tracked"}${engaged}`;
      return li;
    });
    this.list.replaceChildren(...items);
  }

  drawTotals(time) {
    const n = this.model.countAt(time);
    if (n === this.totalsKey) return;
    this.totalsKey = n;
    const t = this.model.totals(time);
    const rows = [];
    for (const nation of this.model.night.theatre.nations) {
      if (t.destroyed[nation.code]) {
        rows.push([`<span class="swatch" style="background:${nation.colour}"></span>destroyed by ${nation.code}`,
          t.destroyed[nation.code]]);
      }
    }
    rows.push(["leaked (impacts)", t.leaked], ["lost their way", t.lost], ["attrited en route", t.attrited],
      ["interceptors launched", t.shots],
      ["interceptor cost", `$${(t.cost / 1e6).toFixed(2)} M`], ["spillover into NATO", t.spillover]);
    this.totalsBox.innerHTML = "<h2>Totals</h2><table>" +
      rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join("") + "</table>";
  }

  // The chosen threat's events in order; those after the time shown are greyed.
  story(t, time) {
    this.selected = t ? t.id : null;
    this.listKey = null;
    if (!t) return;
    const head = document.createElement("h2");
    head.textContent = `Story of ${t.name} (threat ${t.id})`;
    const sub = document.createElement("p");
    sub.className = "muted";
    sub.textContent = `${t.threat_type} (${t.class}) → ${t.target}` + (t.fate ? `: ${t.fate}` : "");
    const list = document.createElement("ol");
    for (const e of t.story) {
      const li = document.createElement("li");
      li.className = "story-event" + (e.time_s > time ? " future" : "");
      li.dataset.kind = e.kind;
      li.textContent = `${Canopy.clockText(e.time_s)} ${e.kind.replace(/_/g, " ")}${Canopy.Panel.detail(e)}`;
      list.appendChild(li);
    }
    this.storyBox.replaceChildren(head, sub, list);
  }

  // What an event adds to its kind, in a few words.
  static detail(e) {
    const parts = [];
    if (e.nation) parts.push(e.nation);
    if (e.shooter) parts.push(e.shooter);
    if (e.munition) parts.push(e.munition);
    if (e.cause) parts.push(e.cause.replace(/_/g, " "));
    if (e.country) parts.push(`in ${e.country}`);
    if (e.near) parts.push(`near ${e.near}`);
    if (e.object) parts.push(e.object);
    if (e.reason) parts.push(typeof e.reason === "string" ? e.reason : JSON.stringify(e.reason));
    if (e.kind === "impact") parts.push(`at ${e.target}`);
    return parts.length ? `: ${parts.join(", ")}` : "";
  }
};
