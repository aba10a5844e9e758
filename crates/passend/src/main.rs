use std::process::ExitCode;

fn main() -> ExitCode {
    passend::cli::main()
}
