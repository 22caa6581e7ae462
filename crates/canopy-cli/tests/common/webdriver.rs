//! Just enough of the W3C WebDriver protocol to drive Debian's headless chromium through
//! chromedriver: open a page, run a script, click an element, take a screenshot.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Where Debian installs the browser and its driver.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether the browser tests can run here. Without chromium they are skipped, unless
/// `CANOPY_BROWSER_TESTS=1` (set by `.ci/run`, which installs it) makes that a failure.
pub fn available() -> bool {
    let present = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if !present {
        assert!(
            std::env::var("CANOPY_BROWSER_TESTS").as_deref() != Ok("1"),
            "CANOPY_BROWSER_TESTS=1 but chromium or chromium-driver is not installed"
        );
        eprintln!("skipped: chromium and chromium-driver are not installed");
    }
    present
}

/// A browser session, ended (and its driver stopped) when dropped.
pub struct Browser {
    driver: Child,
    addr: SocketAddr,
    session: String,
    profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless chromium with a fresh profile.
    pub fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,900",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
        }}});
        wait_until("chromedriver answers", || {
            std::net::TcpStream::connect(addr).is_ok()
        });
        let answer = call(addr, "POST", "/session", &capabilities);
        let session = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("{answer}"))
            .to_string();
        Browser {
            driver,
            addr,
            session,
            profile,
        }
    }

    fn command(&self, method: &str, path: &str, body: &Value) -> Value {
        let answer = call(
            self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        );
        assert!(answer.get("error").is_none(), "{path}: {answer}");
        answer
    }

    /// Opens `url`.
    pub fn open(&self, url: &str) {
        self.command("POST", "/url", &json!({ "url": url }));
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub fn script(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            &json!({"script": script, "args": []}),
        )
    }

    /// Waits until `script` returns true.
    pub fn wait_for(&self, what: &str, script: &str) {
        wait_until(what, || self.script(script) == Value::Bool(true));
    }

    /// Clicks the first element matching a CSS selector, as a user would.
    pub fn click(&self, selector: &str) {
        let found = self.command(
            "POST",
            "/element",
            &json!({"using": "css selector", "value": selector}),
        );
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap()
            .to_string();
        self.command("POST", &format!("/element/{id}/click"), &json!({}));
    }

    /// Writes a PNG screenshot of the window to `path`.
    pub fn screenshot(&self, path: &Path) {
        let encoded = self.command("GET", "/screenshot", &Value::Null);
        std::fs::write(path, decode_base64(encoded.as_str().unwrap())).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = call(
            self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            &Value::Null,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // the profile folder goes with `self.profile`
    }
}

/// One WebDriver call: its `value`.
fn call(addr: SocketAddr, method: &str, path: &str, body: &Value) -> Value {
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let response = super::request(addr, method, path, &body);
    let answer: Value = serde_json::from_str(response.body())
        .unwrap_or_else(|err| panic!("{path}: {err}: {}", response.text));
    answer["value"].clone()
}

/// Polls `ready` until it holds, failing after a minute.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < deadline, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Standard base64, as WebDriver sends screenshots.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .map(value)
        .collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk.iter().fold(0u32, |acc, &d| (acc << 6) | u32::from(d))
                << (6 * (4 - chunk.len()));
            let bytes = n.to_be_bytes();
            bytes[1..chunk.len()].to_vec()
        })
        .collect()
}
