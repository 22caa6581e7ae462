//! Sweeps: the grid of options spanned by a few parameters, each with a list of values, run as a
//! comparison (see [`crate::compare`]).

use std::path::Path;

use crate::compare::OptionSpec;

/// One swept parameter: a dotted overlay key and its values, as written (`KEY=v1,v2,...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// The overlay key, e.g. `authority.approval_delay`.
    pub key: String,
    /// Its values, in order.
    pub values: Vec<String>,
}

impl Param {
    /// Reads `KEY=v1,v2,...`.
    pub fn parse(text: &str) -> Result<Param, String> {
        let (key, values) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not KEY=v1,v2,..."))?;
        let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
        if key.trim().is_empty() || values.iter().any(String::is_empty) {
            return Err(format!("`{text}`: a key and non-empty values are needed"));
        }
        Ok(Param {
            key: key.trim().to_string(),
            values,
        })
    }
}

/// Every combination of the parameters' values as `KEY=VALUE` settings, the first parameter
/// varying slowest (so options with the same first value are adjacent).
pub fn grid(params: &[Param]) -> Vec<Vec<String>> {
    params.iter().fold(vec![Vec::new()], |combos, param| {
        combos
            .iter()
            .flat_map(|combo| {
                param.values.iter().map(move |value| {
                    let mut next = combo.clone();
                    next.push(format!("{}={value}", param.key));
                    next
                })
            })
            .collect()
    })
}

/// The options of a sweep of `file`: one per combination of the parameters' values (see
/// [`grid`]), named by its settings joined with spaces, each with the common `sets` first.
pub fn sweep_options(file: &Path, params: &[Param], sets: &[String]) -> Vec<OptionSpec> {
    grid(params)
        .into_iter()
        .map(|combo| OptionSpec {
            name: combo.join(" "),
            file: file.to_path_buf(),
            sets: sets.iter().cloned().chain(combo).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_is_the_cartesian_product_in_order() {
        let mode = Param::parse("authority.mode=delegated,per-engagement").unwrap();
        let delay = Param::parse("authority.approval_delay=0s,60s,180s").unwrap();
        let options = grid(&[mode, delay]);
        assert_eq!(options.len(), 6);
        assert_eq!(
            options[0],
            ["authority.mode=delegated", "authority.approval_delay=0s"]
        );
        assert_eq!(
            options[5],
            [
                "authority.mode=per-engagement",
                "authority.approval_delay=180s"
            ]
        );
        assert_eq!(grid(&[]), vec![Vec::<String>::new()]);
        assert!(Param::parse("authority.mode").is_err());
        assert!(Param::parse("authority.mode=a,,b").is_err());
    }
}
