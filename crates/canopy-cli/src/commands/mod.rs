//! One module per subcommand.

pub mod bench;
pub mod c2_args;
pub mod compare;
pub mod dis_args;
pub mod dis_live;
pub mod export;
pub mod fit;
pub mod mc;
pub mod merge;
pub mod record;
pub mod record_window;
pub mod run;
pub mod schema;
pub mod serve;
pub mod sweep;
pub mod track;
pub mod validate;
pub mod wta;

/// Reads a count flag that must be 1 or more (`--runs`, `--batch`, `--budget`, ...); clap puts
/// the flag's name before the message.
fn count(text: &str) -> Result<u64, String> {
    at_least(text, 1)
}

/// Reads a whole number of `least` or more, refusing anything else with what is allowed.
fn at_least(text: &str, least: u64) -> Result<u64, String> {
    match text.trim().parse::<i128>() {
        Ok(n) if n >= i128::from(least) => {
            u64::try_from(n).map_err(|_| format!("{n} is too large"))
        }
        Ok(n) => Err(format!(
            "{n} is too small; allowed: a whole number of {least} or more"
        )),
        Err(_) => Err(format!(
            "not a whole number; allowed: a whole number of {least} or more"
        )),
    }
}
