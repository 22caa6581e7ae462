//! The page's files, compiled into the binary: its HTML, style and scripts, and the vendored
//! Leaflet (`web/vendor/leaflet/`, BSD-2-Clause, see NOTICE). Looked up by exact name only, so no
//! request can name a file outside this table.

/// One served file.
#[derive(Clone, Copy, Debug)]
pub struct Asset {
    /// Its name under `/assets/`.
    pub name: &'static str,
    /// Its media type.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

/// An asset compiled from `web/`.
macro_rules! asset {
    ($name:literal, $mime:expr) => {
        Asset {
            name: $name,
            mime: $mime,
            bytes: include_bytes!(concat!("../web/", $name)),
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const PNG: &str = "image/png";
const TEXT: &str = "text/plain; charset=utf-8";

/// Every file under `/assets/`.
pub const ASSETS: &[Asset] = &[
    asset!("style.css", CSS),
    asset!("js/data.js", JS),
    asset!("js/map.js", JS),
    asset!("js/tracks.js", JS),
    asset!("js/panel.js", JS),
    asset!("js/clock.js", JS),
    asset!("js/app.js", JS),
    asset!("js/folder.js", JS),
    asset!("vendor/leaflet/leaflet.js", JS),
    asset!("vendor/leaflet/leaflet.css", CSS),
    asset!("vendor/leaflet/LICENSE", TEXT),
    asset!("vendor/leaflet/images/layers.png", PNG),
    asset!("vendor/leaflet/images/layers-2x.png", PNG),
    asset!("vendor/leaflet/images/marker-icon.png", PNG),
    asset!("vendor/leaflet/images/marker-icon-2x.png", PNG),
    asset!("vendor/leaflet/images/marker-shadow.png", PNG),
];

/// The replay and live page.
pub const NIGHT_PAGE: &str = include_str!("../web/index.html");

/// The page of an output folder.
pub const FOLDER_PAGE: &str = include_str!("../web/folder.html");

/// The asset of that exact name, if any.
pub fn asset(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_found_by_its_name_and_nothing_else_is() {
        for a in ASSETS {
            assert_eq!(asset(a.name).unwrap().bytes.len(), a.bytes.len());
        }
        assert!(asset("../Cargo.toml").is_none());
        assert!(asset("vendor/leaflet/../../style.css").is_none());
        assert!(asset("").is_none());
    }

    #[test]
    fn the_page_loads_only_assets_that_are_served() {
        for page in [NIGHT_PAGE, FOLDER_PAGE] {
            for part in page.split("/assets/").skip(1) {
                let name = part.split('"').next().unwrap();
                assert!(asset(name).is_some(), "{name} is not served");
            }
        }
    }
}
