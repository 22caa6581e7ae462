//! What the `canopy serve` tests share: the server started as a child process, and plain HTTP
//! requests written byte by byte (so that malformed ones reach the server as written).

#![allow(dead_code)] // each test file uses its own part of these helpers

pub mod webdriver;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The default scenario.
pub fn scenario() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/western-shield.toml")
}

/// A `canopy serve` child process, stopped when dropped.
pub struct Serving {
    child: Child,
    /// The address printed on its first line.
    pub addr: SocketAddr,
    /// That first line.
    pub url: String,
}

impl Serving {
    /// Starts `canopy serve ARGS --port 0` and reads the address it prints first.
    pub fn start(args: &[&str]) -> Serving {
        let mut child = Command::new(env!("CARGO_BIN_EXE_canopy"))
            .arg("serve")
            .args(args)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_string();
        let host = url
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("the first line is not the page's address: {url:?}"));
        Serving {
            child,
            addr: host.parse().unwrap(),
            url,
        }
    }

    /// Whether the process still runs.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response: its status (0 when the server closed without one) and its body as text.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The head and body.
    pub text: String,
}

impl Response {
    /// The body (after the head).
    pub fn body(&self) -> &str {
        self.text
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body)
    }
}

/// Sends `raw` as written and reads the answer: as long as its `Content-Length` says, else until
/// the server closes.
pub fn send(addr: SocketAddr, raw: &[u8]) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // the server may answer and close before reading everything (an oversized request)
    let _ = stream.write_all(raw);
    let mut bytes = Vec::new();
    let mut buf = [0u8; 65536];
    while let Ok(n @ 1..) = stream.read(&mut buf) {
        bytes.extend_from_slice(&buf[..n]);
        if complete(&bytes) {
            break;
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    Response { status, text }
}

/// Whether `bytes` hold a whole answer with a `Content-Length`.
fn complete(bytes: &[u8]) -> bool {
    let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
    head.lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|length| bytes.len() >= end + 4 + length)
}

/// `GET target` on a connection closed after the answer.
pub fn get(addr: SocketAddr, target: &str) -> Response {
    let request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    send(addr, request.as_bytes())
}

/// A request with a body, on a connection closed after the answer.
pub fn request(addr: SocketAddr, method: &str, target: &str, body: &str) -> Response {
    let head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    send(addr, format!("{head}{body}").as_bytes())
}

/// The event log of `canopy run ARGS` (the default scenario unless ARGS names one), as JSON.
pub fn run_events(args: &[&str], name: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("{name}.jsonl"));
    let status = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("run")
        .args(args)
        .arg("--events")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The events of every message of a live stream, read until its last message.
pub fn read_stream(addr: std::net::SocketAddr) -> Vec<serde_json::Value> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    stream
        .write_all(b"GET /api/live HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (mut text, mut buf, mut events) = (String::new(), [0u8; 65536], Vec::new());
    loop {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "the stream closed before its last message");
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
        while let Some(start) = text.find("data: ") {
            let Some(end) = text[start..].find('\n') else {
                break;
            };
            let update: serde_json::Value =
                serde_json::from_str(&text[start + 6..start + end]).unwrap();
            text.drain(..start + end);
            events.extend(update["events"].as_array().unwrap().iter().cloned());
            if update["done"] == true {
                return events;
            }
        }
    }
}
