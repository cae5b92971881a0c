//! The page build's entry point (Trunk builds this binary).

#[cfg(target_arch = "wasm32")]
fn main() {
    role_compare::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("role-compare runs in a browser: `cargo xtask serve`.");
}
