//! Text normalization (contract: Normalization). STUB: being written.

/// NFKC plus the contract's Japanese rules.
pub fn normalize(s: &str) -> String {
    s.to_string()
}
