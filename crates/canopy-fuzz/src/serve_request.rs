//! Requests to `canopy serve`: any method, path, query and headers, sent to the routes of a
//! replayed night or of an output folder. Every request gets an answer that is not a server
//! error and carries the page's security headers.
//!
//! An input is a request in text: `METHOD TARGET` on the first line (`folder` after them sends
//! it to the folder's routes), then `Name: value` header lines.

use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, header};
use canopy_serve::{Folder, Night, Site, app};
use canopy_sim::PreparedScenario;
use tower::ServiceExt;

/// The two sites' routes and the runtime that answers.
struct Servers {
    night: Router,
    folder: Router,
    runtime: tokio::runtime::Runtime,
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let scenario = canopy_scenario::default_scenario().expect("the default scenario");
        let options = crate::checks::default_options(&scenario);
        let prepared = PreparedScenario::new(scenario);
        let night = Night::replay(&prepared, &options);
        let folder_dir = tempfile::tempdir().expect("a scratch folder");
        std::fs::write(folder_dir.path().join("report.html"), "<html>report</html>")
            .expect("a scratch report");
        // The folder is read once, when opened; its scratch files go now (a static is never
        // dropped, so they would outlive the process).
        let folder = Folder::open(folder_dir.path()).expect("a folder with a report");
        drop(folder_dir);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let _guard = runtime.enter();
        Servers {
            night: app(Site::Replay(Box::new(night))).0,
            folder: app(Site::Folder(folder)).0,
            runtime,
        }
    })
}

/// Sends the request `data` describes.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut words = lines.next().unwrap_or("").split(' ');
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let folder = words.next() == Some("folder");
    let Ok(method) = Method::from_bytes(method.as_bytes()) else {
        return;
    };
    let mut builder = Request::builder().method(method).uri(target);
    for (name, value) in lines.filter_map(|line| line.split_once(':')) {
        builder = builder.header(name.trim(), value.trim());
    }
    // What is not a request (a bad target or header) never reaches the routes: the HTTP layer
    // refuses it.
    let Ok(request) = builder.body(Body::empty()) else {
        return;
    };
    let servers = servers();
    let routes = if folder {
        servers.folder.clone()
    } else {
        servers.night.clone()
    };
    let response = servers
        .runtime
        .block_on(routes.oneshot(request))
        .expect("the routes answer every request");
    let status = response.status();
    assert!(!status.is_server_error(), "{text:?} answered {status}");
    assert!(
        response
            .headers()
            .contains_key(header::CONTENT_SECURITY_POLICY),
        "{text:?} answered without a content security policy"
    );
}
