//! `chronicler serve`: the HTTP API and web page (`chronicler-server`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

/// `serve` arguments.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. The default is reachable from this machine
    /// only; use 0.0.0.0:PORT to listen on every interface.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Accept new articles with POST /api/documents (needs a token); creates
    /// the store if missing.
    #[arg(long)]
    pub allow_ingest: bool,
    /// The bearer token POST /api/documents requires.
    #[arg(long, env = "CHRONICLER_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = chronicler_server::DEFAULT_MAX_BODY)]
    pub max_body: usize,
    /// A folder of dictionary files for ingest (as `ingest --dict`) and,
    /// through its `stances*.txt`, for `/api/brief` (as `brief --dict`).
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Also follow the feeds in this file (as `chronicler watch --feeds`),
    /// in the same process.
    #[arg(long, value_name = "FEEDS")]
    pub watch: Option<PathBuf>,
}

/// Help shown after the options.
pub const AFTER_HELP: &str = "Examples:\n  chronicler ingest examples/articles && chronicler serve\n      then open http://127.0.0.1:8080/\n  CHRONICLER_TOKEN=secret chronicler serve --allow-ingest --bind 127.0.0.1:9000\n  curl -H 'Authorization: Bearer secret' -H 'Content-Type: text/plain' \\\n      --data-binary @article.txt http://127.0.0.1:9000/api/documents\n\nThe API is described at /api/openapi.json.";

/// Runs the server until Ctrl-C.
pub fn serve(db: &Path, a: ServeArgs) -> Result<ExitCode> {
    let config = chronicler_server::ServerConfig {
        db: db.to_path_buf(),
        allow_ingest: a.allow_ingest,
        token: a.token,
        max_body: a.max_body,
        dict: a.dict.clone(),
    };
    let ingest = config.allow_ingest;
    let watcher = match &a.watch {
        Some(feeds) => Some(crate::watch::Background::start(db, feeds, a.dict.clone())?),
        None => None,
    };
    let served = chronicler_server::run(config, &a.bind, |addr| {
        eprintln!(
            "serving {} on http://{addr}/{} (Ctrl-C stops)",
            db.display(),
            if ingest { ", ingest allowed" } else { "" }
        );
    });
    if let Some(w) = watcher {
        w.stop();
    }
    served.with_context(|| format!("chronicler serve --db {}", db.display()))?;
    Ok(ExitCode::SUCCESS)
}
