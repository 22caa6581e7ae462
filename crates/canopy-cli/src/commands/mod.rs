//! One module per subcommand.

pub mod bench;
pub mod run;
pub mod track;
pub mod validate;
pub mod wta;
