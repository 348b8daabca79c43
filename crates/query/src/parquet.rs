//! Parquet exports for DuckDB, Spark and Polars users: four tables —
//! events (the JSON Lines contract's fields, typed), mentions (one row per
//! report of an event), documents, stories — written with the `parquet`
//! crate's column writers (no Arrow), Snappy-compressed.
//!
//! Rows are written as they come, in row groups of at most
//! [`ROW_GROUP_ROWS`] rows or about [`ROW_GROUP_BYTES`] bytes of buffered
//! values, whichever is reached first ([`RowGroups`]): a table holds one
//! row group in memory, whatever the size of the store. [`export_tables`]
//! writes a store's four tables from the streamed consolidation
//! ([`crate::merged_stream`], [`crate::each_story`]) and its documents
//! one at a time; the rows and their order are those of the whole
//! consolidation ([`write_events`] and the other `write_*` functions).
//!
//! Types: text is `BYTE_ARRAY (UTF8)`; days are `INT32 (DATE)`; counts and
//! offsets `INT64`; Goldstein, confidence, coordinates, tone `DOUBLE`;
//! flags `BOOLEAN`; quantities, disagreements and the id lists of stories
//! are JSON text (DuckDB: `json(...)`). A missing value is null.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::sync::Arc;

use chronicler_consolidate::stories::Story;
use chronicler_consolidate::Consolidated;
use chronicler_core::EventMention;
use chronicler_store::{DocFacts, DocumentRow, Store};
use parquet::basic::Compression;
use parquet::data_type::{
    BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type,
};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;

use crate::{export_events, EventFilter, ExportActor, ExportEvent, QueryError};

/// Most rows in one row group.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// About the most bytes of values one row group buffers before it is
/// written (text counted by its length plus its slot, other values by
/// their size).
pub const ROW_GROUP_BYTES: usize = 16 << 20;

/// When a table's buffered rows are written as a row group: at `rows`
/// rows, or once their values take about `bytes` bytes, whichever comes
/// first. The default is [`ROW_GROUP_ROWS`] and [`ROW_GROUP_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowGroups {
    /// Most rows in a row group.
    pub rows: usize,
    /// About the most bytes of buffered values in a row group.
    pub bytes: usize,
}

impl Default for RowGroups {
    fn default() -> Self {
        RowGroups {
            rows: ROW_GROUP_ROWS,
            bytes: ROW_GROUP_BYTES,
        }
    }
}

/// A column's physical type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Day,
    Int,
    Float,
    Flag,
}

/// A table's columns, in order.
type Schema = &'static [(&'static str, Kind)];

const EVENTS: Schema = &[
    ("id", Kind::Text),
    ("date", Kind::Day),
    ("date_end", Kind::Day),
    ("date_precision", Kind::Text),
    ("status", Kind::Text),
    ("source_name", Kind::Text),
    ("source_code", Kind::Text),
    ("source_country", Kind::Text),
    ("source_role", Kind::Text),
    ("target_name", Kind::Text),
    ("target_code", Kind::Text),
    ("target_country", Kind::Text),
    ("target_role", Kind::Text),
    ("cameo", Kind::Text),
    ("cameo_root", Kind::Text),
    ("quad_class", Kind::Int),
    ("goldstein", Kind::Float),
    ("plover", Kind::Text),
    ("location_name", Kind::Text),
    ("location_country", Kind::Text),
    ("lat", Kind::Float),
    ("lon", Kind::Float),
    ("quantities", Kind::Text),
    ("num_mentions", Kind::Int),
    ("num_sources", Kind::Int),
    ("num_articles", Kind::Int),
    ("confidence", Kind::Float),
    ("symmetric", Kind::Flag),
    ("single_source", Kind::Flag),
    ("disputed", Kind::Flag),
    ("disagreements", Kind::Text),
    ("doc", Kind::Text),
    ("sentence", Kind::Text),
];

const MENTIONS: Schema = &[
    ("event_id", Kind::Text),
    ("doc", Kind::Text),
    ("path", Kind::Text),
    ("url", Kind::Text),
    ("outlet", Kind::Text),
    ("source", Kind::Text),
    ("published", Kind::Day),
    ("sentence", Kind::Text),
    ("start", Kind::Int),
    ("end", Kind::Int),
];

const DOCUMENTS: Schema = &[
    ("id", Kind::Text),
    ("path", Kind::Text),
    ("title", Kind::Text),
    ("outlet", Kind::Text),
    ("url", Kind::Text),
    ("published", Kind::Day),
    ("ingested_at", Kind::Text),
    ("chars", Kind::Int),
    ("sentences", Kind::Int),
    ("events", Kind::Int),
    ("tone", Kind::Float),
];

const STORIES: Schema = &[
    ("id", Kind::Text),
    ("title", Kind::Text),
    ("start", Kind::Day),
    ("end", Kind::Day),
    ("num_sources", Kind::Int),
    ("num_documents", Kind::Int),
    ("documents", Kind::Text),
    ("outlets", Kind::Text),
    ("events", Kind::Text),
];

fn err(e: impl std::fmt::Display) -> QueryError {
    QueryError::Write(format!("parquet: {e}"))
}

/// Days since 1970-01-01.
fn epoch_days(d: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    (d - epoch).get_days()
}

fn day(s: Option<&str>) -> Option<jiff::civil::Date> {
    s.and_then(|s| s.get(..10)).and_then(|s| s.parse().ok())
}

fn int(n: usize) -> Option<i64> {
    i64::try_from(n).ok()
}

fn json(v: &impl serde::Serialize) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// One column's buffered values (nulls left out) and definition levels
/// (1 a value, 0 a null), as the column writer takes them.
struct Col<T> {
    vals: Vec<T>,
    defs: Vec<i16>,
}

impl<T> Col<T> {
    fn push(&mut self, v: Option<T>) {
        self.defs.push(i16::from(v.is_some()));
        self.vals.extend(v);
    }

    /// Writes the buffered values into `col` and forgets them.
    fn write<D: DataType<T = T>>(
        &mut self,
        col: &mut SerializedColumnWriter<'_>,
    ) -> Result<(), QueryError> {
        col.typed::<D>()
            .write_batch(&self.vals, Some(&self.defs), None)
            .map_err(err)?;
        self.vals.clear();
        self.defs.clear();
        Ok(())
    }
}

/// One column's values.
enum Values {
    Text(Col<ByteArray>),
    Day(Col<i32>),
    Int(Col<i64>),
    Float(Col<f64>),
    Flag(Col<bool>),
}

impl Values {
    fn new(kind: Kind) -> Values {
        fn col<T>() -> Col<T> {
            Col {
                vals: Vec::new(),
                defs: Vec::new(),
            }
        }
        match kind {
            Kind::Text => Values::Text(col()),
            Kind::Day => Values::Day(col()),
            Kind::Int => Values::Int(col()),
            Kind::Float => Values::Float(col()),
            Kind::Flag => Values::Flag(col()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Values::Text(c) => c.defs.len(),
            Values::Day(c) => c.defs.len(),
            Values::Int(c) => c.defs.len(),
            Values::Float(c) => c.defs.len(),
            Values::Flag(c) => c.defs.len(),
        }
    }

    fn write(&mut self, col: &mut SerializedColumnWriter<'_>) -> Result<(), QueryError> {
        match self {
            Values::Text(c) => c.write::<ByteArrayType>(col),
            Values::Day(c) => c.write::<Int32Type>(col),
            Values::Int(c) => c.write::<Int64Type>(col),
            Values::Float(c) => c.write::<DoubleType>(col),
            Values::Flag(c) => c.write::<BoolType>(col),
        }
    }
}

/// Bytes a buffered text value takes besides its text (its `ByteArray`
/// slot, its definition level, the allocator's header).
const TEXT_SLOT: usize = 48;
/// Bytes a buffered value of another type takes.
const VALUE_SLOT: usize = 10;

/// One row being added: its values in the table's column order, each
/// named as in the schema (a value that does not fit is an error).
struct Row<'a> {
    schema: Schema,
    columns: &'a mut [Values],
    at: usize,
    bytes: usize,
    misfit: Option<&'static str>,
}

impl Row<'_> {
    /// The next column, if it is `name`.
    fn next(&mut self, name: &'static str) -> Option<&mut Values> {
        let at = self.at;
        self.at += 1;
        match self.schema.get(at) {
            Some((n, _)) if *n == name => self.columns.get_mut(at),
            _ => None,
        }
    }

    fn misfit(&mut self, name: &'static str) {
        self.misfit.get_or_insert(name);
    }

    fn text(&mut self, name: &'static str, v: Option<String>) -> &mut Self {
        self.bytes += TEXT_SLOT + v.as_ref().map_or(0, String::len);
        match self.next(name) {
            Some(Values::Text(c)) => c.push(v.map(|s| ByteArray::from(s.into_bytes()))),
            _ => self.misfit(name),
        }
        self
    }

    fn day(&mut self, name: &'static str, v: Option<jiff::civil::Date>) -> &mut Self {
        self.bytes += VALUE_SLOT;
        match self.next(name) {
            Some(Values::Day(c)) => c.push(v.map(epoch_days)),
            _ => self.misfit(name),
        }
        self
    }

    fn int(&mut self, name: &'static str, v: Option<i64>) -> &mut Self {
        self.bytes += VALUE_SLOT;
        match self.next(name) {
            Some(Values::Int(c)) => c.push(v),
            _ => self.misfit(name),
        }
        self
    }

    fn float(&mut self, name: &'static str, v: Option<f64>) -> &mut Self {
        self.bytes += VALUE_SLOT;
        match self.next(name) {
            Some(Values::Float(c)) => c.push(v),
            _ => self.misfit(name),
        }
        self
    }

    fn flag(&mut self, name: &'static str, v: Option<bool>) -> &mut Self {
        self.bytes += VALUE_SLOT;
        match self.next(name) {
            Some(Values::Flag(c)) => c.push(v),
            _ => self.misfit(name),
        }
        self
    }
}

/// A table being written: the file, and the rows of the row group in hand.
struct Table<W: Write + Send> {
    name: &'static str,
    schema: Schema,
    file: SerializedFileWriter<W>,
    columns: Vec<Values>,
    groups: RowGroups,
    /// Rows and about how many bytes are buffered.
    rows: usize,
    bytes: usize,
    /// Rows written in row groups so far, and how many row groups.
    written: usize,
    row_groups: usize,
}

impl<W: Write + Send> Table<W> {
    fn new(
        name: &'static str,
        schema: Schema,
        out: W,
        groups: RowGroups,
    ) -> Result<Self, QueryError> {
        let mut message = format!("message {name} {{\n");
        for (col, kind) in schema {
            let (t, logical) = match kind {
                Kind::Text => ("BYTE_ARRAY", " (UTF8)"),
                Kind::Day => ("INT32", " (DATE)"),
                Kind::Int => ("INT64", ""),
                Kind::Float => ("DOUBLE", ""),
                Kind::Flag => ("BOOLEAN", ""),
            };
            message.push_str(&format!("  OPTIONAL {t} {col}{logical};\n"));
        }
        message.push('}');
        let parsed = Arc::new(parse_message_type(&message).map_err(err)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        Ok(Table {
            name,
            schema,
            file: SerializedFileWriter::new(out, parsed, props).map_err(err)?,
            columns: schema.iter().map(|(_, kind)| Values::new(*kind)).collect(),
            groups,
            rows: 0,
            bytes: 0,
            written: 0,
            row_groups: 0,
        })
    }

    /// Adds one row, filled in column order by `fill`; writes the row
    /// group when it is full.
    fn row(&mut self, fill: impl FnOnce(&mut Row<'_>)) -> Result<(), QueryError> {
        let mut row = Row {
            schema: self.schema,
            columns: &mut self.columns,
            at: 0,
            bytes: 0,
            misfit: None,
        };
        fill(&mut row);
        let (at, bytes, misfit) = (row.at, row.bytes, row.misfit);
        if let Some(name) = misfit.or((at != self.schema.len()).then_some("(a missing column)")) {
            return Err(err(format!(
                "{}: column {name} does not fit the table's schema",
                self.name
            )));
        }
        self.rows += 1;
        self.bytes += bytes;
        if self.rows >= self.groups.rows || self.bytes >= self.groups.bytes {
            self.write_group()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn write_group(&mut self) -> Result<(), QueryError> {
        if self.columns.iter().any(|c| c.len() != self.rows) {
            return Err(err(format!("{}: columns of unequal length", self.name)));
        }
        let mut rg = self.file.next_row_group().map_err(err)?;
        let mut columns = self.columns.iter_mut();
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let Some(values) = columns.next() else {
                return Err(err("more schema columns than values"));
            };
            values.write(&mut col)?;
            col.close().map_err(err)?;
        }
        rg.close().map_err(err)?;
        self.written += self.rows;
        self.row_groups += 1;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    /// Writes the last row group (an empty table has one, empty) and the
    /// footer; returns how many rows were written.
    fn finish(mut self) -> Result<usize, QueryError> {
        if self.rows > 0 || self.row_groups == 0 {
            self.write_group()?;
        }
        self.file.close().map_err(err)?;
        Ok(self.written)
    }
}

/// A table writer type: rows added one at a time (`push`), written in row
/// groups ([`RowGroups`]), and `finish` for the footer.
macro_rules! table_writer {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $schema:ident) => {
        $(#[$doc])*
        pub struct $ty<W: Write + Send>(Table<W>);

        impl<W: Write + Send> $ty<W> {
            /// Starts the table in `out`, with row groups of `groups`.
            pub fn new(out: W, groups: RowGroups) -> Result<Self, QueryError> {
                Ok($ty(Table::new($name, $schema, out, groups)?))
            }

            /// Writes the last row group and the footer; returns how many
            /// rows the table has.
            pub fn finish(self) -> Result<usize, QueryError> {
                self.0.finish()
            }
        }
    };
}

table_writer!(
    /// The events table: one row per merged event, the fields of the JSON
    /// Lines contract (actors and place flattened, quantities and
    /// disagreements as JSON), plus the first mention's document and
    /// sentence.
    EventsTable,
    "events",
    EVENTS
);

table_writer!(
    /// The mentions table: one row per report of an event (event id,
    /// document, outlet, URL, publication day, sentence and its character
    /// offsets).
    MentionsTable,
    "mentions",
    MENTIONS
);

table_writer!(
    /// The documents table: id, title, outlet, URL, publication day,
    /// ingest time (RFC 3339 text), length in characters, tone when
    /// measured.
    DocumentsTable,
    "documents",
    DOCUMENTS
);

table_writer!(
    /// The stories table: id, title, first and last day, number of
    /// independent sources, and its documents, outlets and events as JSON
    /// lists.
    StoriesTable,
    "stories",
    STORIES
);

/// An actor's four columns.
fn actor(r: &mut Row<'_>, names: [&'static str; 4], a: Option<&ExportActor>) {
    r.text(names[0], a.map(|a| a.name.clone()))
        .text(names[1], a.map(|a| a.code.clone()))
        .text(names[2], a.and_then(|a| a.country.clone()))
        .text(names[3], a.and_then(|a| a.role.clone()));
}

fn event_row(r: &mut Row<'_>, x: &ExportEvent) {
    r.text("id", Some(x.id.clone()))
        .day("date", day(x.date.as_deref()))
        .day("date_end", day(x.date_end.as_deref()))
        .text("date_precision", Some(x.date_precision.clone()))
        .text("status", Some(x.status.clone()));
    let source = [
        "source_name",
        "source_code",
        "source_country",
        "source_role",
    ];
    actor(r, source, x.source.as_ref());
    let target = [
        "target_name",
        "target_code",
        "target_country",
        "target_role",
    ];
    actor(r, target, x.target.as_ref());
    let place = x.location.as_ref();
    let first = x.mentions.first();
    r.text("cameo", Some(x.cameo.clone()))
        .text("cameo_root", Some(x.cameo_root.clone()))
        .int("quad_class", x.quad_class.map(i64::from))
        .float("goldstein", x.goldstein.map(f64::from))
        .text("plover", x.plover.clone())
        .text("location_name", place.map(|l| l.name.clone()))
        .text("location_country", place.and_then(|l| l.country.clone()))
        .float("lat", place.and_then(|l| l.lat))
        .float("lon", place.and_then(|l| l.lon))
        .text("quantities", json(&x.quantities))
        .int("num_mentions", int(x.num_mentions))
        .int("num_sources", int(x.num_sources))
        .int("num_articles", int(x.num_articles))
        .float("confidence", Some(f64::from(x.confidence)))
        .flag("symmetric", Some(x.symmetric))
        .flag("single_source", Some(x.single_source))
        .flag("disputed", Some(x.disputed))
        .text("disagreements", json(&x.disagreements))
        .text("doc", first.map(|m| m.doc.clone()))
        .text("sentence", first.map(|m| m.sentence.clone()));
}

fn mention_row(r: &mut Row<'_>, event_id: &str, m: &EventMention) {
    r.text("event_id", Some(event_id.to_string()))
        .text("doc", Some(m.doc.clone()))
        .text("path", Some(m.path.clone()))
        .text("url", m.url.clone())
        .text("outlet", m.outlet.clone())
        .text("source", Some(crate::source_label(m)))
        .day("published", day(m.published.as_deref()))
        .text("sentence", Some(m.sentence.clone()))
        .int("start", int(m.start))
        .int("end", int(m.end));
}

fn document_row(r: &mut Row<'_>, d: &DocumentRow, f: Option<&DocFacts>) {
    r.text("id", Some(d.id.clone()))
        .text("path", Some(d.path.clone()))
        .text("title", d.title.clone())
        .text("outlet", d.outlet.clone())
        .text("url", d.url.clone())
        .day("published", day(Some(&d.published)))
        .text("ingested_at", f.map(|f| f.ingested_at.clone()))
        .int("chars", f.and_then(|f| int(f.chars)))
        .int("sentences", int(d.sentences))
        .int("events", int(d.events))
        .float("tone", f.and_then(|f| f.tone));
}

fn story_row(r: &mut Row<'_>, s: &Story) {
    r.text("id", Some(s.id.clone()))
        .text("title", Some(s.title.clone()))
        .day("start", day(Some(&s.start)))
        .day("end", day(Some(&s.end)))
        .int("num_sources", int(s.num_sources))
        .int("num_documents", int(s.documents.len()))
        .text("documents", json(&s.documents))
        .text("outlets", json(&s.outlets))
        .text("events", json(&s.events));
}

impl<W: Write + Send> EventsTable<W> {
    /// Adds the merged events of `c`, in order.
    pub fn push(&mut self, c: &Consolidated) -> Result<(), QueryError> {
        for x in export_events(c) {
            self.0.row(|r| event_row(r, &x))?;
        }
        Ok(())
    }
}

impl<W: Write + Send> MentionsTable<W> {
    /// Adds the reports of the merged events of `c`, in order.
    pub fn push(&mut self, c: &Consolidated) -> Result<(), QueryError> {
        for e in &c.events {
            for m in &e.mentions {
                self.0.row(|r| mention_row(r, &e.id, m))?;
            }
        }
        Ok(())
    }
}

impl<W: Write + Send> DocumentsTable<W> {
    /// Adds a document with its facts, if known.
    pub fn push(&mut self, d: &DocumentRow, facts: Option<&DocFacts>) -> Result<(), QueryError> {
        self.0.row(|r| document_row(r, d, facts))
    }
}

impl<W: Write + Send> StoriesTable<W> {
    /// Adds a story.
    pub fn push(&mut self, s: &Story) -> Result<(), QueryError> {
        self.0.row(|r| story_row(r, s))
    }
}

/// Writes the events table of `c` (see [`EventsTable`]).
pub fn write_events(c: &Consolidated, out: impl Write + Send) -> Result<(), QueryError> {
    let mut t = EventsTable::new(out, RowGroups::default())?;
    t.push(c)?;
    t.finish().map(drop)
}

/// Writes the mentions table of `c` (see [`MentionsTable`]).
pub fn write_mentions(c: &Consolidated, out: impl Write + Send) -> Result<(), QueryError> {
    let mut t = MentionsTable::new(out, RowGroups::default())?;
    t.push(c)?;
    t.finish().map(drop)
}

/// Writes the documents table of `docs` (see [`DocumentsTable`]), with
/// their facts by id.
pub fn write_documents(
    docs: &[DocumentRow],
    facts: &BTreeMap<String, DocFacts>,
    out: impl Write + Send,
) -> Result<(), QueryError> {
    let mut t = DocumentsTable::new(out, RowGroups::default())?;
    for d in docs {
        t.push(d, facts.get(&d.id))?;
    }
    t.finish().map(drop)
}

/// Writes the stories table (see [`StoriesTable`]).
pub fn write_stories(stories: &[Story], out: impl Write + Send) -> Result<(), QueryError> {
    let mut t = StoriesTable::new(out, RowGroups::default())?;
    for s in stories {
        t.push(s)?;
    }
    t.finish().map(drop)
}

/// Where [`export_tables`] writes each table.
#[derive(Debug)]
pub struct Sinks<W> {
    /// The events table.
    pub events: W,
    /// The mentions table.
    pub mentions: W,
    /// The documents table.
    pub documents: W,
    /// The stories table.
    pub stories: W,
}

/// How many rows [`export_tables`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    /// Merged events (rows of the events table).
    pub events: usize,
    /// Reports of them (rows of the mentions table).
    pub mentions: usize,
    /// Documents.
    pub documents: usize,
    /// Stories.
    pub stories: usize,
}

/// Writes the four tables of `store`: its merged events that pass
/// `filter` and, with `since`, report a document ingested after it; their
/// reports; the documents and stories they come from (every document and
/// story when nothing was left out), each document with its facts and,
/// when it reports an exported event, its tone.
///
/// Streamed: the merged events one at a time ([`crate::merged_stream`]),
/// then the documents ([`Store::each_document`]) and stories
/// ([`crate::each_story`]); besides one row group per table, what is
/// held is the ids of the documents the exported events come from.
pub fn export_tables<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    since: Option<jiff::Timestamp>,
    out: Sinks<W>,
    groups: RowGroups,
) -> Result<Exported, QueryError> {
    let mut events = EventsTable::new(out.events, groups)?;
    let mut mentions = MentionsTable::new(out.mentions, groups)?;
    let mut all = 0;
    let mut kept = 0;
    // The documents the exported events come from.
    let mut cited: HashSet<Box<str>> = HashSet::new();
    for part in crate::merged_stream(store)? {
        let part = part?;
        all += part.events.len();
        let mut part = crate::filter_consolidated(part, filter);
        if let Some(t) = since {
            let facts = crate::facts_of(store, &part)?;
            part = crate::changed_since(part, &facts, t);
        }
        if part.events.is_empty() {
            continue;
        }
        for m in part.events.iter().flat_map(|e| &e.mentions) {
            if !cited.contains(m.doc.as_str()) {
                cited.insert(m.doc.as_str().into());
            }
        }
        kept += part.events.len();
        events.push(&part)?;
        mentions.push(&part)?;
    }
    let events = events.finish()?;
    let mentions = mentions.finish()?;
    let whole = all == kept;
    let mut documents = DocumentsTable::new(out.documents, groups)?;
    store.each_document(|d| {
        let cites = cited.contains(d.id.as_str());
        if !(whole || cites) {
            return Ok(());
        }
        let mut facts = store.doc_facts_of(&d.id)?;
        if let Some(f) = facts.as_mut().filter(|_| cites) {
            if let Some(text) = store.document_text(&d.id)? {
                f.tone = Some(crate::tone::tone(&text));
            }
        }
        documents.push(&d, facts.as_ref())
    })?;
    let documents = documents.finish()?;
    let mut stories = StoriesTable::new(out.stories, groups)?;
    crate::each_story(store, |s| {
        if whole || s.documents.iter().any(|d| cited.contains(d.as_str())) {
            stories.push(&s)?;
        }
        Ok(())
    })?;
    let stories = stories.finish()?;
    Ok(Exported {
        events,
        mentions,
        documents,
        stories,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chronicler_consolidate::{consolidate, Located, NearDuplicates};
    use chronicler_core::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    fn state(c: &str) -> Actor {
        Actor {
            entity: format!("state:{c}"),
            name: c.into(),
            code: format!("{c}GOV"),
            country: Some(c.into()),
            role: Some("GOV".into()),
            kind: ActorKind::State,
        }
    }

    fn report(doc: &str, outlet: &str, on: Option<jiff::civil::Date>) -> Located {
        Located {
            event: CodedEvent {
                source: Some(state("UKR")),
                target: Some(state("RUS")),
                cameo: "036".into(),
                status: Status::Occurred,
                date: on.map_or_else(DateRange::unknown, DateRange::day),
                location: None,
                quantities: vec![],
                symmetric: false,
                evidence: Evidence {
                    sentence: 0,
                    sentence_span: Span::new(0, 20),
                    trigger: Span::new(4, 11),
                    date_from: Default::default(),
                },
                confidence: 0.9,
                rule: "r".into(),
            },
            mention: EventMention {
                doc: doc.into(),
                path: format!("{doc}.txt"),
                url: None,
                outlet: Some(outlet.into()),
                published: Some("2026-01-30".into()),
                sentence: "Kyiv invited Moscow.".into(),
                start: 0,
                end: 20,
            },
        }
    }

    fn read_back(path: &std::path::Path) -> (Vec<String>, Vec<Vec<(String, Field)>>) {
        let r = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
        let names = r
            .metadata()
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let rows = r
            .get_row_iter(None)
            .unwrap()
            .map(|row| {
                row.unwrap()
                    .get_column_iter()
                    .map(|(n, f)| (n.clone(), f.clone()))
                    .collect()
            })
            .collect();
        (names, rows)
    }

    #[test]
    fn events_and_mentions_read_back_typed() {
        let day = jiff::civil::date(2026, 1, 30);
        let c = consolidate(
            vec![
                report("a", "Outlet A", Some(day)),
                report("b", "Outlet B", Some(day)),
                report("c", "Outlet C", None),
            ],
            &NearDuplicates::default(),
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        write_events(&c, std::fs::File::create(&path).unwrap()).unwrap();
        let (names, rows) = read_back(&path);
        let jsonl_fields = [
            "id",
            "date",
            "date_end",
            "status",
            "cameo",
            "num_mentions",
            "num_sources",
            "num_articles",
            "single_source",
            "disputed",
        ];
        for f in jsonl_fields {
            assert!(names.iter().any(|n| n == f), "{f} missing from {names:?}");
        }
        assert_eq!(rows.len(), c.events.len());
        let first = &rows[0];
        let get = |n: &str| first.iter().find(|(k, _)| k == n).unwrap().1.clone();
        assert_eq!(get("id"), Field::Str(c.events[0].id.clone()));
        assert_eq!(get("cameo"), Field::Str("036".into()));
        assert_eq!(get("date"), Field::Date(epoch_days(day)));
        assert_eq!(get("date_end"), Field::Null);
        assert_eq!(get("num_sources"), Field::Long(3));
        assert_eq!(get("num_articles"), Field::Long(3));
        assert_eq!(get("single_source"), Field::Bool(false));
        assert_eq!(get("source_code"), Field::Str("UKRGOV".into()));
        assert!(matches!(get("goldstein"), Field::Double(_)));

        let path = dir.path().join("mentions.parquet");
        write_mentions(&c, std::fs::File::create(&path).unwrap()).unwrap();
        let (_, rows) = read_back(&path);
        assert_eq!(rows.len(), 3);
        assert!(rows
            .iter()
            .all(|r| r.iter().any(|(k, v)| k == "start" && *v == Field::Long(0))));
    }

    #[test]
    fn an_empty_export_is_a_valid_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stories.parquet");
        write_stories(&[], std::fs::File::create(&path).unwrap()).unwrap();
        let (names, rows) = read_back(&path);
        assert!(names.contains(&"num_sources".to_string()));
        assert!(rows.is_empty());
    }
}
