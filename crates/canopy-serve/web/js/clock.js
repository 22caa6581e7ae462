// The clock: the time shown, the slider, play/pause and the speed; one animation frame draws the
// map and the panel at the current time. Frame times are kept in `window.canopyStats`.
"use strict";

Canopy.Clock = class {
  constructor(endS, draw) {
    this.time = 0;
    this.end = endS;
    this.playing = false;
    this.speed = 60;
    this.draw = draw;
    // in live mode: where the run is, and the real time it was there
    this.live = null;
    this.slider = document.getElementById("slider");
    this.button = document.getElementById("play");
    this.label = document.getElementById("clock");
    this.speedBox = document.getElementById("speed");
    this.slider.max = String(Math.ceil(endS));
    this.slider.addEventListener("input", () => { this.pause(); this.seek(Number(this.slider.value)); });
    this.button.addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    this.speedBox.addEventListener("change", () => { this.speed = Number(this.speedBox.value); });
    this.speed = Number(this.speedBox.value);
    this.last = null;
    this.stats = (window.canopyStats = { frames: 0, renderMs: [], intervalMs: [], readyMs: null });
    requestAnimationFrame((now) => this.frame(now));
  }

  play() {
    this.playing = true;
    this.button.textContent = "Pause";
    if (this.time >= this.end) this.time = 0;
  }

  pause() {
    this.playing = false;
    this.button.textContent = this.live ? "Follow" : "Play";
  }

  // Shows `time` (a live run only up to where it has got).
  seek(time) {
    this.time = Math.max(0, this.live ? Math.min(time, this.limit()) : time);
    this.render();
  }

  // The latest time that can be shown: the end, or where a live run has got to.
  limit() {
    if (!this.live) return this.end;
    const ahead = this.live.done ? 0 : ((performance.now() - this.live.wall) / 1000) * this.live.speed;
    return Math.min(this.end, this.live.time + ahead);
  }

  // A live run has reached `time` (seconds).
  reached(time, done, speed) {
    this.live = { time, wall: performance.now(), done, speed };
  }

  frame(now) {
    if (this.playing && this.last !== null) {
      this.stats.intervalMs.push(now - this.last);
      const step = this.live ? Infinity : ((now - this.last) / 1000) * this.speed;
      const target = Math.min(this.time + step, this.limit());
      this.time = target;
      if (!this.live && this.time >= this.end) this.pause();
      this.render();
    }
    this.last = now;
    requestAnimationFrame((t) => this.frame(t));
  }

  render() {
    const start = performance.now();
    this.slider.value = String(Math.floor(this.time));
    this.label.textContent = Canopy.clockText(this.time);
    this.label.dataset.time = String(this.time);
    this.draw(this.time);
    this.stats.frames++;
    this.stats.renderMs.push(performance.now() - start);
    if (this.stats.readyMs === null) this.stats.readyMs = performance.now();
  }
};
