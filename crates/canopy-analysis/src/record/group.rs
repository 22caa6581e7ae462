//! The threat groups Canopy compares with the record: the record's model strings of each, and
//! the threat type of the library that flies them.

use serde::Serialize;

/// A group of the record's models that one threat type of the library stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// `Shahed-136/131`.
    Shahed,
    /// `X-101/X-555`.
    #[serde(rename = "kh-101")]
    Kh101,
    /// `Kalibr`.
    Kalibr,
    /// `Iskander-M`, `Iskander-M/KN-23`, `KN-23`.
    IskanderM,
    /// `X-47 Kinzhal`.
    Kinzhal,
}

impl Group {
    /// Every group, in the order of the summary.
    pub const ALL: [Group; 5] = [
        Group::Shahed,
        Group::Kh101,
        Group::Kalibr,
        Group::IskanderM,
        Group::Kinzhal,
    ];

    /// Its name in outputs.
    pub const fn name(self) -> &'static str {
        match self {
            Group::Shahed => "shahed",
            Group::Kh101 => "kh-101",
            Group::Kalibr => "kalibr",
            Group::IskanderM => "iskander-m",
            Group::Kinzhal => "kinzhal",
        }
    }

    /// The threat type of the type library that flies it.
    pub const fn threat_type(self) -> &'static str {
        match self {
            Group::Shahed => "shahed-136",
            Group::Kh101 => "kh-101",
            Group::Kalibr => "kalibr",
            Group::IskanderM => "iskander-m",
            Group::Kinzhal => "kinzhal",
        }
    }

    /// The record's model strings of the group.
    pub const fn models(self) -> &'static [&'static str] {
        match self {
            Group::Shahed => &["Shahed-136/131"],
            Group::Kh101 => &["X-101/X-555"],
            Group::Kalibr => &["Kalibr"],
            Group::IskanderM => &["Iskander-M", "Iskander-M/KN-23", "KN-23"],
            Group::Kinzhal => &["X-47 Kinzhal"],
        }
    }

    /// The group of one model string, if any.
    pub fn of_single(model: &str) -> Option<Group> {
        Group::ALL
            .into_iter()
            .find(|group| group.models().contains(&model.trim()))
    }

    /// The groups of a model: one model, or a mixed salvo of models joined by " and ". A model
    /// of no group is an error naming it.
    pub fn of_model(model: &str) -> Result<Vec<Group>, String> {
        let mut groups = Vec::new();
        for part in model.split(" and ") {
            let group = Group::of_single(part).ok_or_else(|| {
                let known: Vec<&str> = Group::ALL
                    .iter()
                    .flat_map(|group| group.models().iter().copied())
                    .collect();
                format!(
                    "model `{}` has no threat type in Canopy's library (flown: {})",
                    part.trim(),
                    known.join(", ")
                )
            })?;
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        Ok(groups)
    }
}
