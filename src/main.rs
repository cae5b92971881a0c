//! The wasm's entry point, for every build: Trunk's (the element) and the
//! page builds of `cargo xtask dist` (the features choose what `start` runs).

#[cfg(target_arch = "wasm32")]
fn main() {
    role_compare::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("role-compare runs in a browser: `cargo xtask serve`.");
}
