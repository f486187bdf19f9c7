fn main() -> std::process::ExitCode {
    pillarbox::main()
}
