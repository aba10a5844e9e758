use std::process::ExitCode;

/// Small allocations dominate a cached page's CPU time; mimalloc handles them
/// faster than glibc's allocator under two busy threads (measured in
/// docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    passend::cli::main()
}
