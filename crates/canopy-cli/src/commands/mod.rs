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
