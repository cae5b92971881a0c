//! An X display for WebKitGTK's MiniBrowser, which has no headless mode.
//!
//! A display already there (`DISPLAY` set and its socket present) is used.
//! Otherwise the first test that needs one starts `Xvfb` on a free display
//! number (`-displayfd`) with `-terminate`, and this process keeps one X
//! client connection open for its whole life: when the test process exits,
//! the last client goes, and Xvfb exits with it. Nothing to clean up.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub const XVFB: &str = "/usr/bin/Xvfb";

static DISPLAY: OnceLock<(String, Option<UnixStream>)> = OnceLock::new();

fn socket(display: &str) -> Option<String> {
    let n = display.strip_prefix(':')?.split('.').next()?;
    let path = format!("/tmp/.X11-unix/X{n}");
    Path::new(&path).exists().then_some(path)
}

/// Opens an X connection (the 12-byte setup request, no authorisation) and
/// returns it if the server accepted it.
fn connect(path: &str) -> Option<UnixStream> {
    let mut s = UnixStream::connect(path).ok()?;
    // 'l' = little-endian, protocol 11.0, no authorisation name or data.
    s.write_all(&[b'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0]).ok()?;
    let mut status = [0u8; 1];
    s.read_exact(&mut status).ok()?;
    (status[0] == 1).then_some(s)
}

/// The X display to run WebKit on (e.g. `:1`), starting Xvfb if there is none.
pub fn display() -> String {
    DISPLAY
        .get_or_init(|| {
            if let Ok(d) = std::env::var("DISPLAY") {
                if socket(&d).is_some_and(|p| connect(&p).is_some()) {
                    return (d, None);
                }
            }
            let mut child = Command::new(XVFB)
                .args(["-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-terminate"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("start {XVFB} for WebKit ({e}); `cargo xtask install` installs xvfb"));
            let mut number = String::new();
            let mut out = child.stdout.take().expect("Xvfb stdout");
            let mut byte = [0u8; 1];
            while out.read(&mut byte).map(|n| n == 1).unwrap_or(false) && byte[0] != b'\n' {
                number.push(byte[0] as char);
            }
            let display = format!(":{}", number.trim());
            let path = socket(&display).unwrap_or_else(|| panic!("Xvfb started no display (got {number:?})"));
            let keep = connect(&path).unwrap_or_else(|| panic!("cannot connect to Xvfb on {display}"));
            // The child handle is dropped, not killed: Xvfb ends when this process's connection closes.
            std::mem::forget(child);
            (display, Some(keep))
        })
        .0
        .clone()
}
