//! The HTTP server: a fixed set of routes over the page's assets and data, nothing from the file
//! system, bounded connections, a 400 for a malformed query, a 404 for anything else, and a clean
//! stop on Ctrl-C.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response, Sse, sse::KeepAlive};
use axum::routing::get;
use canopy_sim::{PreparedScenario, RunOptions};
use serde::Deserialize;
use tokio::sync::watch;

use crate::assets::{FOLDER_PAGE, NIGHT_PAGE, asset};
use crate::error::ServeError;
use crate::folder::Folder;
use crate::listener::{BoundedListener, MAX_CONNECTIONS};
use crate::live::{Follower, LiveNight};
use crate::night::Night;

/// What a server shows.
#[derive(Debug)]
pub enum Site {
    /// A night simulated beforehand, replayed (boxed, as the live night is).
    Replay(Box<Night>),
    /// A night followed as it runs, at `speed` times real time.
    Live {
        /// The scenario (boxed: it is much larger than the other variants).
        prepared: Box<PreparedScenario>,
        /// The replication's options.
        options: RunOptions,
        /// Simulated seconds per real second.
        speed: f64,
        /// Another output kept at the night's pace (the DIS PDUs), if any.
        follower: Option<Box<dyn Follower>>,
    },
    /// An output folder of `mc`, `compare`, `sweep` or `record`.
    Folder(Folder),
}

/// What the handlers share.
#[derive(Clone, Debug)]
struct AppState {
    /// The JSON of `/api/night` (absent for a folder).
    night: Option<Arc<str>>,
    /// The running night, when following one.
    live: Option<Arc<LiveNight>>,
    /// The output folder shown.
    folder: Option<Arc<Folder>>,
    /// Turns true when the server stops.
    shutdown: watch::Receiver<bool>,
}

/// A server bound to its address, not yet serving.
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    site: Site,
}

impl Server {
    /// Binds `addr` (port 0 for any free port) for `site`.
    pub fn bind(site: Site, addr: SocketAddr) -> Result<Server, ServeError> {
        let bound = std::net::TcpListener::bind(addr)
            .and_then(|l| l.set_nonblocking(true).map(|()| l))
            .map_err(|source| ServeError::Bind { addr, source })?;
        Ok(Server {
            listener: bound,
            site,
        })
    }

    /// The address served, with the port chosen.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until Ctrl-C (a live night starts running now).
    pub fn run(self) -> Result<(), ServeError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        runtime.block_on(self.serve())
    }

    async fn serve(self) -> Result<(), ServeError> {
        let (routes, stop) = app(self.site);
        let listener = BoundedListener::new(
            tokio::net::TcpListener::from_std(self.listener)?,
            MAX_CONNECTIONS,
        );
        axum::serve(listener, routes)
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                let _ = stop.send(true);
            })
            .await?;
        Ok(())
    }
}

/// The routes of `site` with their state, ready to answer requests, and the switch that tells
/// its live night's followers the server stopped. The server serves them on its socket; a test
/// or a fuzzer may send them requests directly (`tower::ServiceExt::oneshot`). A live site's
/// night starts running now.
pub fn app(site: Site) -> (Router, watch::Sender<bool>) {
    let (stop, shutdown) = watch::channel(false);
    let mut state = AppState {
        night: None,
        live: None,
        folder: None,
        shutdown,
    };
    match site {
        Site::Replay(night) => state.night = Some(to_json(&night)),
        Site::Live {
            prepared,
            options,
            speed,
            follower,
        } => {
            state.night = Some(to_json(&Night::live(&prepared, &options, speed)));
            let live = LiveNight::new();
            live.start(*prepared, options, speed, follower);
            state.live = Some(live);
        }
        Site::Folder(folder) => state.folder = Some(Arc::new(folder)),
    }
    (router(state), stop)
}

fn to_json(night: &Night) -> Arc<str> {
    serde_json::to_string(night)
        .expect("the night serialises")
        .into()
}

/// The routes.
fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/assets/{*name}", get(asset_file))
        .route("/api/night", get(night))
        .route("/api/borders", get(borders))
        .route("/api/live", get(live))
        .route("/api/folder", get(folder_map))
        .route("/report", get(report))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure))
        .with_state(state)
}

/// Headers on every response: the page may load only what this server serves.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The page's query: `?t=SECONDS`, nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageQuery {
    t: Option<f64>,
}

/// No query at all.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoQuery {}

async fn page(State(state): State<AppState>, Query(query): Query<PageQuery>) -> Response {
    if let Some(t) = query.t
        && !(t.is_finite() && t >= 0.0)
    {
        let message = "t must be a time in seconds since the scenario's start, 0 or more";
        return (StatusCode::BAD_REQUEST, message).into_response();
    }
    let page = if state.folder.is_some() {
        FOLDER_PAGE
    } else {
        NIGHT_PAGE
    };
    Html(page).into_response()
}

async fn asset_file(Path(name): Path<String>, _: Query<NoQuery>) -> Response {
    match asset(&name) {
        Some(a) => ([(header::CONTENT_TYPE, a.mime)], a.bytes).into_response(),
        None => not_found().await,
    }
}

fn json(body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}

async fn night(State(state): State<AppState>, _: Query<NoQuery>) -> Response {
    match state.night {
        Some(text) => json(text.to_string()),
        None => not_found().await,
    }
}

async fn borders(_: Query<NoQuery>) -> Response {
    json(canopy_geo::Borders::bundled_geojson())
}

async fn live(State(state): State<AppState>, _: Query<NoQuery>) -> Response {
    match state.live {
        Some(live) => Sse::new(live.stream(state.shutdown))
            .keep_alive(KeepAlive::default())
            .into_response(),
        None => not_found().await,
    }
}

async fn folder_map(State(state): State<AppState>, _: Query<NoQuery>) -> Response {
    match state.folder {
        Some(folder) => json(folder.map_json()),
        None => not_found().await,
    }
}

async fn report(State(state): State<AppState>, _: Query<NoQuery>) -> Response {
    match state.folder.as_ref().and_then(|f| f.report_html()) {
        Some(html) => Html(html.to_string()).into_response(),
        None => not_found().await,
    }
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}
