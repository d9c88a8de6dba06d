//! The `coracle` binary.

fn main() {
    std::process::exit(coracle_cli::run());
}
