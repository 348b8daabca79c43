//! Runs the stages over inputs into the store: threads, ordering, progress and diagnostics.
#![deny(missing_docs)]
