//! End-to-end tests of the `shinchoku` binary.
