//! Content hashes: the names of files that may be cached forever, and
//! Subresource Integrity values.

use base64::Engine as _;
use sha2::Digest as _;

/// 16 hex digits naming a file's content: the start of its SHA-256, the same
/// on every build and toolchain (unlike `std`'s `DefaultHasher`).
pub fn content_hash(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Subresource Integrity value of `bytes`: `sha384-<base64>`, as Trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_hash_is_the_start_of_the_sha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea");
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }
}
