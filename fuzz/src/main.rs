//! `canopy-fuzz-afl TARGET`: runs one of Canopy's fuzz targets (crates/canopy-fuzz) under AFL++,
//! which feeds it inputs on standard input; a panic is a finding. See README.md.

fn main() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let Some(target) = canopy_fuzz::Target::from_name(&name) else {
        let names: Vec<_> = canopy_fuzz::Target::ALL.iter().map(|t| t.name()).collect();
        eprintln!("usage: canopy-fuzz-afl TARGET, one of {}", names.join(", "));
        std::process::exit(2);
    };
    afl::fuzz!(|data: &[u8]| target.check(data));
}
