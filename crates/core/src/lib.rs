//! # chronicler-core
//!
//! The types through which chronicler's stages meet. Data flows one way:
//!
//! 1. `chronicler-ingest` reads inputs into [`RawDocument`]s.
//! 2. `chronicler-clean` turns each into a [`CleanDocument`]: the article text
//!    without web noise, with an alignment back to the extracted text.
//! 3. `chronicler-analyze` asks whether the text is English ([`language`]) and
//!    finds [`Sentence`]s, [`ActorMention`]s,
//!    [`PlaceMention`]s, [`DateMention`]s and [`Quantity`]s: an [`AnalyzedDocument`].
//! 4. `chronicler-code` codes [`CodedEvent`]s from an analyzed document.
//! 5. `chronicler-consolidate` merges coded events across sentences and
//!    documents into [`MergedEvent`]s.
//! 6. `chronicler-store` persists all of it; it alone knows SQL.
//!
//! This crate does no I/O. Offsets ([`Span`]) are **byte** offsets into a
//! document's clean text and always lie on `char` boundaries; exports convert
//! them to character offsets with [`text::char_offset`].
#![deny(missing_docs)]

pub mod cameo;
mod document;
mod event;
pub mod language;
pub mod text;

pub use document::*;
pub use event::*;
pub use language::Language;
