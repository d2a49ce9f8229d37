//! Resumption tokens that need no server memory: the request they continue
//! (verb, format, set, dates), where the last page ended (the datestamp and
//! id of its last record, and how many were sent), and when the token
//! expires, encoded and signed with HMAC-SHA256 under a key of the instance.
//! A token therefore survives a restart and works on any app node with the
//! same key; one that was changed, made elsewhere or is past its time is
//! refused.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::repository::Settings;

/// What a token carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// `ListIdentifiers` or `ListRecords`.
    pub verb: String,
    pub prefix: String,
    pub set: Option<String>,
    /// The request's `from` and `until`, as the harvester wrote them.
    pub from: Option<String>,
    pub until: Option<String>,
    /// The last record sent: its stored datestamp and its id.
    pub after: (String, i64),
    /// Records sent before the next page.
    pub cursor: u64,
    /// Unix time after which the token is refused.
    pub expires: i64,
}

/// Why a token is refused (all are `badResumptionToken`).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the resumption token is not one this repository issued")]
    Malformed,
    #[error("the resumption token's signature does not match")]
    Forged,
    #[error("the resumption token has expired")]
    Expired,
}

const BLOCK: usize = 64;

/// HMAC-SHA256 (RFC 2104) of `message` under `key`.
pub fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| k.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// Equal in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token as sent to harvesters: `payload.signature`, both base64url.
pub fn encode(token: &Token, key: &[u8]) -> String {
    let payload = serde_json::to_vec(token).expect("a token serialises");
    let signature = hmac(key, &payload);
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(&payload),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

/// Reads a token back, checking its signature and its time (`now`, Unix).
pub fn decode(text: &str, key: &[u8], now: i64) -> Result<Token, TokenError> {
    let (payload, signature) = text.split_once('.').ok_or(TokenError::Malformed)?;
    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| TokenError::Malformed)?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| TokenError::Malformed)?;
    if !same(&hmac(key, &payload), &signature) {
        return Err(TokenError::Forged);
    }
    let token: Token = serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed)?;
    if now >= token.expires {
        return Err(TokenError::Expired);
    }
    Ok(token)
}

/// The signing key: `oai.token_key`, or the random key kept in the data
/// folder (made on first use; two processes starting at once agree, since
/// the file appears whole or not at all).
pub fn key(settings: &Settings, data_dir: &Path) -> std::io::Result<Vec<u8>> {
    if !settings.token_key.is_empty() {
        return Ok(settings.token_key.as_bytes().to_vec());
    }
    key_in(&data_dir.join("oai-token.key"))
}

fn key_in(path: &Path) -> std::io::Result<Vec<u8>> {
    match std::fs::read(path) {
        Ok(k) if k.len() >= 32 => return Ok(k),
        Ok(_) => {
            return Err(std::io::Error::other(format!(
                "{} holds too short a key",
                path.display()
            )));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut fresh = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut fresh);
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(hex::encode(fresh).as_bytes())?;
    tmp.as_file().sync_all()?;
    // Fails when another process made the key first: then read theirs.
    match tmp.persist_noclobber(path) {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e.error),
    }
    std::fs::read(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2 of RFC 4231.
        let mac = hmac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        let mac = hmac(
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First",
        );
        assert_eq!(
            hex::encode(mac),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn tokens_are_checked() {
        let t = Token {
            verb: "ListRecords".into(),
            prefix: "oai_dc".into(),
            set: Some("topic:x".into()),
            from: None,
            until: Some("2026-01-01".into()),
            after: ("2025-01-01T00:00:00.000000Z".into(), 7),
            cursor: 100,
            expires: 1000,
        };
        let text = encode(&t, b"key");
        assert_eq!(decode(&text, b"key", 999), Ok(t));
        assert_eq!(decode(&text, b"key", 1000), Err(TokenError::Expired));
        assert_eq!(decode(&text, b"other", 999), Err(TokenError::Forged));
        assert_eq!(decode("nonsense", b"key", 0), Err(TokenError::Malformed));
        let (payload, sig) = text.split_once('.').unwrap();
        let tampered = format!("{}A.{sig}", payload);
        assert!(decode(&tampered, b"key", 0).is_err());
    }

    #[test]
    fn the_key_is_made_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let a = key_in(&path).unwrap();
        assert_eq!(key_in(&path).unwrap(), a);
        assert_eq!(a.len(), 64);
    }
}
