//! The `.br` and `.gz` copies beside every text and wasm file, and the size report.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::Result;

/// Whether `name` is one of the `.br` / `.gz` copies [`precompress`] writes.
pub fn is_precompressed(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

/// Extensions of the files a static host may serve pre-compressed.
const COMPRESSIBLE: [&str; 5] = ["html", "js", "css", "wasm", "json"];

/// Writes `name.br` (brotli 11) and `name.gz` (gzip -9) beside every text and
/// wasm file, for static hosts that serve pre-compressed files (README, "Hosting").
pub fn precompress(dir: &Path) -> Result<()> {
    for path in super::files_below(dir)? {
        if !path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e)) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let beside = |ext: &str| {
            let mut name = path.clone().into_os_string();
            name.push(ext);
            PathBuf::from(name)
        };
        std::fs::write(beside(".gz"), gzip(&bytes))?;
        std::fs::write(beside(".br"), brotli(&bytes))?;
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in-memory write");
    gz.finish().expect("in-memory write")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes).expect("in-memory write");
    }
    br
}

/// Bytes of a file: raw, gzip -9 and brotli 11.
pub fn sizes(bytes: &[u8]) -> (usize, usize, usize) {
    (bytes.len(), gzip(bytes).len(), brotli(bytes).len())
}

/// The size report of dist/'s top-level files, raw, gzip and brotli.
pub fn size_report(dir: &Path) -> Result<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_precompressed(&p.to_string_lossy()))
        .collect();
    files.sort();
    let mut out = String::from("dist/                                      raw      gzip    brotli\n");
    for path in files {
        let (raw, gz, br) = sizes(&std::fs::read(&path)?);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let _ = writeln!(out, "  {name:<36} {raw:>8} {gz:>9} {br:>9}");
    }
    Ok(out)
}
