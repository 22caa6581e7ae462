//! One module per subcommand.

pub mod bench;
pub mod mc;
pub mod merge;
pub mod run;
pub mod track;
pub mod validate;
pub mod wta;
