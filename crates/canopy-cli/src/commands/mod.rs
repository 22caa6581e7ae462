//! One module per subcommand.

pub mod track;
pub mod validate;
pub mod wta;
