//! One module per subcommand.

pub mod track;
pub mod wta;
