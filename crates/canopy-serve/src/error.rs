//! What can go wrong when serving.

use std::path::PathBuf;

/// An error of `canopy serve`, naming what it concerns.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr} (--bind, --port): {source}")]
    Bind {
        /// The address asked for.
        addr: std::net::SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server's runtime failed.
    #[error("the server stopped: {0}")]
    Runtime(#[from] std::io::Error),
    /// An output folder could not be read.
    #[error("{}: {message}", path.display())]
    Folder {
        /// The file or folder concerned.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}
