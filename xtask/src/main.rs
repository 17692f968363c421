//! `cargo xtask <command>`: the project's build driver. See docs/build.md.

mod clibs;
mod commands;
mod cpython;
mod cpython_tests;
mod link;
mod lua;
mod package;
mod patches;
mod paths;
mod proc;
mod setup;
mod sources;
mod stdlib;
mod ui;
mod wasm_imports;
mod wheels;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup           install/check tools: apt packages, rustup target, wasm-bindgen-cli, npm packages
  build           setup, CPython for wasm32-wasi (cached), link the bridge, fill bridge-js/package/dist
  demo            build, run the Node demo, say how to serve the console page
  serve [--port N]  serve the repo on 127.0.0.1 (console page, browser tests)
  test            build, then every test: cargo tests, fuzz (short), bench build, conformance, browser
  bench           build, then criterion benches and the Node end-to-end bench
  soak            build, then the long soak: 10^6 operations per crossing kind, 10^5 proxy lifecycles
  cpython         only fetch the sources and build CPython for wasm32-wasi (+ stdlib zip)
  cpython-tests [ARGS]  build, then CPython's own test suite in the runtime (Node): every file,
                  2 at a time; ARGS go to bridge-js/tests/cpython/run.mjs (test names, --subset FILE,
                  --jobs N, --timeout S, --json FILE, -v); `test` runs the subset in subset.txt
  lua             only build the Lua module (bridge-lua/package/dist/lua.wasm)

environment: BRIDGE_CACHE_DIR, BRIDGE_CPYTHON_TARBALL, BRIDGE_{ZLIB,BZIP2,XZ,SQLITE}_TARBALL, BRIDGE_LUA_TARBALL, BRIDGE_JOBS,
             BRIDGE_STDLIB=hybrid|pyc|py|both, BRIDGE_FUZZ_SECONDS (see docs/build.md)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let start = std::time::Instant::now();
    let cmd = args.first().map(String::as_str).unwrap_or("");
    let result = match cmd {
        "setup" => commands::setup(),
        "build" => commands::build().map(|_| ()),
        "cpython" => commands::cpython(),
        "lua" => lua::build().map(|_| ()),
        "demo" => commands::demo(),
        "serve" => commands::serve(&args[1..]),
        "test" => commands::test(),
        "bench" => commands::bench(),
        "soak" => commands::soak(),
        "cpython-tests" => commands::cpython_tests(&args[1..]),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return;
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    ui::print_timings();
    match result {
        Ok(()) => println!("\nxtask {cmd}: ok in {}", ui::fmt_duration(start.elapsed())),
        Err(e) => {
            eprintln!(
                "\nxtask {cmd}: FAILED after {}\nerror: {e}",
                ui::fmt_duration(start.elapsed())
            );
            std::process::exit(1);
        }
    }
}
