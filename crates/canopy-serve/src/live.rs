//! A night followed as it runs: the simulation paced at a multiple of real time on its own
//! thread, its events and snapshots of C2's picture kept in one shared log, and every open page
//! streamed what it has not seen yet (a page joining late first receives the whole log so far).
//! Another output may follow the night at the same pace (a [`Follower`]: the DIS PDUs of
//! `canopy serve --live --dis`).

use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::response::sse;
use canopy_c2::AirPicture;
use canopy_core::SimTime;
use canopy_sim::{Event, Observer, PreparedScenario, RunMetrics, RunOptions};
use futures_util::Stream;
use serde::Serialize;
use tokio::sync::watch;

use crate::tracks::{PictureRecorder, PictureSnapshot};

/// Least real time between two messages that only move the clock, so that a fine engine step
/// does not flood the pages (events are sent at once).
const CLOCK_ONLY_INTERVAL: Duration = Duration::from_millis(250);

/// The log of a running night, shared by the simulation and the streams.
#[derive(Debug, Default)]
struct Log {
    events: Vec<Event>,
    pictures: Vec<PictureSnapshot>,
    time_s: f64,
    done: bool,
}

/// How much of the log a page has been sent.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Seen {
    /// Events sent.
    pub events: usize,
    /// Snapshots of the picture sent.
    pub pictures: usize,
    /// The simulated time sent, seconds.
    pub time_s: f64,
    /// Whether the end was sent.
    pub done: bool,
}

/// One message of the stream: the events and picture snapshots a page has not seen, and the
/// simulated time.
#[derive(Debug, Serialize)]
pub struct Update<'a> {
    /// The simulated time reached, seconds.
    pub time_s: f64,
    /// The new events, in log order.
    pub events: &'a [Event],
    /// The new snapshots of C2's picture, in time order.
    pub pictures: &'a [PictureSnapshot],
    /// Whether the run has ended (the last message).
    pub done: bool,
}

/// The live clock: simulated time `t` falls due `t / speed` real seconds after the run starts.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    started: Instant,
    speed: f64,
}

impl Pace {
    /// A clock starting now, at `speed` simulated seconds per real second.
    pub fn start(speed: f64) -> Pace {
        Pace {
            started: Instant::now(),
            speed,
        }
    }

    /// Sleeps until `time` falls due (returns at once when it has).
    pub fn wait_until(&self, time: SimTime) {
        let due = self.started + Duration::from_secs_f64(time.as_secs_f64().max(0.0) / self.speed);
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
    }
}

/// Another output following a live night at its pace, on the simulation's thread.
pub trait Follower: Send + std::fmt::Debug {
    /// At the end of each engine step, before the pages are told of it: does what falls due up
    /// to `time`, waiting on `pace` for each part so that nothing goes out before its time.
    fn reached(&mut self, time: SimTime, pace: &Pace);
    /// Once after the last step, before the pages are told that the run has ended.
    fn finished(&mut self);
}

/// A night being simulated at a pace, watched by any number of pages.
#[derive(Debug)]
pub struct LiveNight {
    log: Mutex<Log>,
    /// Bumped at every change of the log.
    changed: watch::Sender<u64>,
}

impl LiveNight {
    /// A night not started yet.
    pub fn new() -> Arc<LiveNight> {
        Arc::new(LiveNight {
            log: Mutex::new(Log::default()),
            changed: watch::Sender::new(0),
        })
    }

    fn log(&self) -> MutexGuard<'_, Log> {
        // a panic while holding the lock cannot leave the log half-written (pushes are whole)
        self.log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A receiver told of every change.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }

    /// The stream message (JSON of an [`Update`]) for a page that has seen `seen`, with what it
    /// will then have seen; `None` when there is nothing new to say.
    pub fn update_since(&self, seen: Seen) -> Option<(String, Seen)> {
        let log = self.log();
        let now = Seen {
            events: log.events.len(),
            pictures: log.pictures.len(),
            time_s: log.time_s,
            done: log.done,
        };
        if now == seen {
            return None;
        }
        let update = Update {
            time_s: log.time_s,
            events: &log.events[seen.events.min(log.events.len())..],
            pictures: &log.pictures[seen.pictures.min(log.pictures.len())..],
            done: log.done,
        };
        let text = serde_json::to_string(&update).expect("events serialise");
        Some((text, now))
    }

    /// The messages for one page, from the start of the log, until the run ends or `shutdown`
    /// turns true.
    pub fn stream(
        self: Arc<Self>,
        shutdown: watch::Receiver<bool>,
    ) -> impl Stream<Item = Result<sse::Event, Infallible>> + Send {
        let changes = self.subscribe();
        let start = (self, changes, shutdown, Seen::default());
        futures_util::stream::unfold(
            start,
            |(live, mut changes, mut shutdown, seen)| async move {
                loop {
                    if seen.done || *shutdown.borrow() {
                        return None;
                    }
                    changes.borrow_and_update();
                    if let Some((text, now)) = live.update_since(seen) {
                        let event = sse::Event::default().data(text);
                        return Some((Ok(event), (live, changes, shutdown, now)));
                    }
                    tokio::select! {
                        changed = changes.changed() => changed.ok()?,
                        _ = shutdown.changed() => return None,
                    }
                }
            },
        )
    }

    fn publish(
        &self,
        (events, pictures): (&mut Vec<Event>, &[PictureSnapshot]),
        time_s: f64,
        done: bool,
    ) {
        {
            let mut log = self.log();
            log.events.append(events);
            log.pictures.extend_from_slice(pictures);
            log.time_s = time_s;
            log.done |= done;
        }
        self.changed.send_modify(|version| *version += 1);
    }

    /// Runs the night on a thread of its own, paced at `speed` simulated seconds per real second,
    /// with `follower` (if any) kept at the same pace.
    pub fn start(
        self: &Arc<Self>,
        prepared: PreparedScenario,
        options: RunOptions,
        speed: f64,
        follower: Option<Box<dyn Follower>>,
    ) -> std::thread::JoinHandle<()> {
        let live = Arc::clone(self);
        std::thread::spawn(move || {
            let mut pacer = Pacer {
                live: &live,
                pace: Pace::start(speed),
                follower,
                pending: Vec::new(),
                last_publish: Instant::now(),
                recorder: PictureRecorder::of_run(&prepared, options.picture),
            };
            canopy_sim::run(&prepared, &options, &mut [&mut pacer]);
        })
    }
}

/// The observer that holds each step's events (and snapshot of the tracked picture) until its
/// time comes round, then publishes them.
struct Pacer<'a> {
    live: &'a LiveNight,
    pace: Pace,
    follower: Option<Box<dyn Follower>>,
    pending: Vec<Event>,
    last_publish: Instant,
    recorder: Option<PictureRecorder<'a>>,
}

impl Pacer<'_> {
    /// Publishes what is pending, at `time_s`.
    fn publish(&mut self, time_s: f64, done: bool) {
        let pictures = self
            .recorder
            .as_mut()
            .map_or(&[][..], PictureRecorder::take_new);
        self.live
            .publish((&mut self.pending, pictures), time_s, done);
    }
}

impl Observer for Pacer<'_> {
    fn on_event(&mut self, event: &Event) {
        self.pending.push(event.clone());
    }

    fn wants_picture(&mut self, time: SimTime) -> bool {
        self.recorder
            .as_mut()
            .is_some_and(|recorder| recorder.wants_picture(time))
    }

    fn on_picture(&mut self, picture: &AirPicture) {
        if let Some(recorder) = &mut self.recorder {
            recorder.on_picture(picture);
        }
    }

    fn on_tick(&mut self, time: SimTime) {
        if let Some(recorder) = &mut self.recorder {
            recorder.on_tick(time);
        }
        if let Some(follower) = &mut self.follower {
            follower.reached(time, &self.pace);
        }
        self.pace.wait_until(time);
        let time_s = time.as_secs_f64();
        if !self.pending.is_empty() || self.last_publish.elapsed() >= CLOCK_ONLY_INTERVAL {
            self.publish(time_s, false);
            self.last_publish = Instant::now();
        }
    }

    fn on_finish(&mut self, metrics: &RunMetrics) {
        if let Some(recorder) = &mut self.recorder {
            recorder.on_finish(metrics);
        }
        if let Some(follower) = &mut self.follower {
            follower.finished();
        }
        let time_s = self.live.log().time_s;
        self.publish(time_s, true);
    }
}
