//! Parquet exports for DuckDB, Spark and Polars users: four tables —
//! events (the JSON Lines contract's fields, typed), mentions (one row per
//! report of an event), documents, stories — written with the `parquet`
//! crate's column writers (no Arrow), Snappy-compressed, one row group.
//!
//! Types: text is `BYTE_ARRAY (UTF8)`; days are `INT32 (DATE)`; counts and
//! offsets `INT64`; Goldstein, confidence, coordinates, tone `DOUBLE`;
//! flags `BOOLEAN`; quantities, disagreements and the id lists of stories
//! are JSON text (DuckDB: `json(...)`). A missing value is null.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use chronicler_consolidate::stories::Story;
use chronicler_consolidate::Consolidated;
use chronicler_store::DocFacts;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::{export_events, QueryError};

/// One column's values (`None` is null).
enum Values {
    Text(Vec<Option<String>>),
    Day(Vec<Option<jiff::civil::Date>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Flag(Vec<Option<bool>>),
}

/// A table being built: named columns of equal length.
#[derive(Default)]
struct Table {
    columns: Vec<(&'static str, Values)>,
}

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

impl Table {
    fn text(&mut self, name: &'static str, v: Vec<Option<String>>) {
        self.columns.push((name, Values::Text(v)));
    }
    fn day(&mut self, name: &'static str, v: Vec<Option<jiff::civil::Date>>) {
        self.columns.push((name, Values::Day(v)));
    }
    fn int(&mut self, name: &'static str, v: Vec<Option<i64>>) {
        self.columns.push((name, Values::Int(v)));
    }
    fn float(&mut self, name: &'static str, v: Vec<Option<f64>>) {
        self.columns.push((name, Values::Float(v)));
    }
    fn flag(&mut self, name: &'static str, v: Vec<Option<bool>>) {
        self.columns.push((name, Values::Flag(v)));
    }

    fn schema(&self, name: &str) -> String {
        let mut s = format!("message {name} {{\n");
        for (col, v) in &self.columns {
            let t = match v {
                Values::Text(_) => "BYTE_ARRAY",
                Values::Day(_) => "INT32",
                Values::Int(_) => "INT64",
                Values::Float(_) => "DOUBLE",
                Values::Flag(_) => "BOOLEAN",
            };
            let logical = match v {
                Values::Text(_) => " (UTF8)",
                Values::Day(_) => " (DATE)",
                _ => "",
            };
            s.push_str(&format!("  OPTIONAL {t} {col}{logical};\n"));
        }
        s.push('}');
        s
    }

    fn write<W: Write + Send>(self, name: &str, out: W) -> Result<(), QueryError> {
        let schema = Arc::new(parse_message_type(&self.schema(name)).map_err(err)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let mut w = SerializedFileWriter::new(out, schema, props).map_err(err)?;
        let mut rg = w.next_row_group().map_err(err)?;
        let mut columns = self.columns.into_iter();
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let Some((_, values)) = columns.next() else {
                return Err(err("more schema columns than values"));
            };
            fn split<T, U>(v: Vec<Option<T>>, f: impl Fn(T) -> U) -> (Vec<U>, Vec<i16>) {
                let defs = v.iter().map(|x| i16::from(x.is_some())).collect();
                (v.into_iter().flatten().map(f).collect(), defs)
            }
            match values {
                Values::Text(v) => {
                    let (vals, defs) = split(v, |s| ByteArray::from(s.into_bytes()));
                    col.typed::<ByteArrayType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(err)?;
                }
                Values::Day(v) => {
                    let (vals, defs) = split(v, epoch_days);
                    col.typed::<Int32Type>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(err)?;
                }
                Values::Int(v) => {
                    let (vals, defs) = split(v, |x| x);
                    col.typed::<Int64Type>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(err)?;
                }
                Values::Float(v) => {
                    let (vals, defs) = split(v, |x| x);
                    col.typed::<DoubleType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(err)?;
                }
                Values::Flag(v) => {
                    let (vals, defs) = split(v, |x| x);
                    col.typed::<BoolType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(err)?;
                }
            }
            col.close().map_err(err)?;
        }
        rg.close().map_err(err)?;
        w.close().map_err(err)?;
        Ok(())
    }
}

fn json(v: &impl serde::Serialize) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// Writes the events table: one row per merged event, the fields of the
/// JSON Lines contract (actors and place flattened, quantities and
/// disagreements as JSON), plus the first mention's document and sentence.
pub fn write_events(c: &Consolidated, out: impl Write + Send) -> Result<(), QueryError> {
    let xs = export_events(c);
    let mut t = Table::default();
    let text = |f: &dyn Fn(&crate::ExportEvent) -> Option<String>| -> Vec<Option<String>> {
        xs.iter().map(f).collect()
    };
    t.text("id", text(&|x| Some(x.id.clone())));
    t.day("date", xs.iter().map(|x| day(x.date.as_deref())).collect());
    t.day(
        "date_end",
        xs.iter().map(|x| day(x.date_end.as_deref())).collect(),
    );
    t.text("date_precision", text(&|x| Some(x.date_precision.clone())));
    t.text("status", text(&|x| Some(x.status.clone())));
    t.text(
        "source_name",
        text(&|x| x.source.as_ref().map(|a| a.name.clone())),
    );
    t.text(
        "source_code",
        text(&|x| x.source.as_ref().map(|a| a.code.clone())),
    );
    t.text(
        "source_country",
        text(&|x| x.source.as_ref().and_then(|a| a.country.clone())),
    );
    t.text(
        "source_role",
        text(&|x| x.source.as_ref().and_then(|a| a.role.clone())),
    );
    t.text(
        "target_name",
        text(&|x| x.target.as_ref().map(|a| a.name.clone())),
    );
    t.text(
        "target_code",
        text(&|x| x.target.as_ref().map(|a| a.code.clone())),
    );
    t.text(
        "target_country",
        text(&|x| x.target.as_ref().and_then(|a| a.country.clone())),
    );
    t.text(
        "target_role",
        text(&|x| x.target.as_ref().and_then(|a| a.role.clone())),
    );
    t.text("cameo", text(&|x| Some(x.cameo.clone())));
    t.text("cameo_root", text(&|x| Some(x.cameo_root.clone())));
    t.int(
        "quad_class",
        xs.iter().map(|x| x.quad_class.map(i64::from)).collect(),
    );
    t.float(
        "goldstein",
        xs.iter().map(|x| x.goldstein.map(f64::from)).collect(),
    );
    t.text("plover", text(&|x| x.plover.clone()));
    t.text(
        "location_name",
        text(&|x| x.location.as_ref().map(|l| l.name.clone())),
    );
    t.text(
        "location_country",
        text(&|x| x.location.as_ref().and_then(|l| l.country.clone())),
    );
    t.float(
        "lat",
        xs.iter()
            .map(|x| x.location.as_ref().and_then(|l| l.lat))
            .collect(),
    );
    t.float(
        "lon",
        xs.iter()
            .map(|x| x.location.as_ref().and_then(|l| l.lon))
            .collect(),
    );
    t.text("quantities", text(&|x| json(&x.quantities)));
    t.int(
        "num_mentions",
        xs.iter().map(|x| int(x.num_mentions)).collect(),
    );
    t.int(
        "num_sources",
        xs.iter().map(|x| int(x.num_sources)).collect(),
    );
    t.int(
        "num_articles",
        xs.iter().map(|x| int(x.num_articles)).collect(),
    );
    t.float(
        "confidence",
        xs.iter().map(|x| Some(f64::from(x.confidence))).collect(),
    );
    t.flag("symmetric", xs.iter().map(|x| Some(x.symmetric)).collect());
    t.flag(
        "single_source",
        xs.iter().map(|x| Some(x.single_source)).collect(),
    );
    t.flag("disputed", xs.iter().map(|x| Some(x.disputed)).collect());
    t.text("disagreements", text(&|x| json(&x.disagreements)));
    t.text("doc", text(&|x| x.mentions.first().map(|m| m.doc.clone())));
    t.text(
        "sentence",
        text(&|x| x.mentions.first().map(|m| m.sentence.clone())),
    );
    t.write("events", out)
}

/// Writes the mentions table: one row per report of an event (event id,
/// document, outlet, URL, publication day, sentence and its character
/// offsets).
pub fn write_mentions(c: &Consolidated, out: impl Write + Send) -> Result<(), QueryError> {
    let rows: Vec<(&str, &chronicler_core::EventMention)> = c
        .events
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e.id.as_str(), m)))
        .collect();
    let mut t = Table::default();
    t.text(
        "event_id",
        rows.iter().map(|(id, _)| Some(id.to_string())).collect(),
    );
    t.text(
        "doc",
        rows.iter().map(|(_, m)| Some(m.doc.clone())).collect(),
    );
    t.text(
        "path",
        rows.iter().map(|(_, m)| Some(m.path.clone())).collect(),
    );
    t.text("url", rows.iter().map(|(_, m)| m.url.clone()).collect());
    t.text(
        "outlet",
        rows.iter().map(|(_, m)| m.outlet.clone()).collect(),
    );
    t.text(
        "source",
        rows.iter()
            .map(|(_, m)| Some(crate::source_label(m)))
            .collect(),
    );
    t.day(
        "published",
        rows.iter()
            .map(|(_, m)| day(m.published.as_deref()))
            .collect(),
    );
    t.text(
        "sentence",
        rows.iter().map(|(_, m)| Some(m.sentence.clone())).collect(),
    );
    t.int("start", rows.iter().map(|(_, m)| int(m.start)).collect());
    t.int("end", rows.iter().map(|(_, m)| int(m.end)).collect());
    t.write("mentions", out)
}

/// Writes the documents table: id, title, outlet, URL, publication day,
/// ingest time (RFC 3339 text), length in characters, tone when measured.
pub fn write_documents(
    docs: &[chronicler_store::DocumentRow],
    facts: &BTreeMap<String, DocFacts>,
    out: impl Write + Send,
) -> Result<(), QueryError> {
    let mut t = Table::default();
    let f = |d: &chronicler_store::DocumentRow| facts.get(&d.id);
    t.text("id", docs.iter().map(|d| Some(d.id.clone())).collect());
    t.text("path", docs.iter().map(|d| Some(d.path.clone())).collect());
    t.text("title", docs.iter().map(|d| d.title.clone()).collect());
    t.text("outlet", docs.iter().map(|d| d.outlet.clone()).collect());
    t.text("url", docs.iter().map(|d| d.url.clone()).collect());
    t.day(
        "published",
        docs.iter().map(|d| day(Some(&d.published))).collect(),
    );
    t.text(
        "ingested_at",
        docs.iter()
            .map(|d| f(d).map(|f| f.ingested_at.clone()))
            .collect(),
    );
    t.int(
        "chars",
        docs.iter()
            .map(|d| f(d).and_then(|f| int(f.chars)))
            .collect(),
    );
    t.int("sentences", docs.iter().map(|d| int(d.sentences)).collect());
    t.int("events", docs.iter().map(|d| int(d.events)).collect());
    t.float(
        "tone",
        docs.iter().map(|d| f(d).and_then(|f| f.tone)).collect(),
    );
    t.write("documents", out)
}

/// Writes the stories table: id, title, first and last day, number of
/// independent sources, and its documents, outlets and events as JSON
/// lists.
pub fn write_stories(stories: &[Story], out: impl Write + Send) -> Result<(), QueryError> {
    let mut t = Table::default();
    t.text("id", stories.iter().map(|s| Some(s.id.clone())).collect());
    t.text(
        "title",
        stories.iter().map(|s| Some(s.title.clone())).collect(),
    );
    t.day(
        "start",
        stories.iter().map(|s| day(Some(&s.start))).collect(),
    );
    t.day("end", stories.iter().map(|s| day(Some(&s.end))).collect());
    t.int(
        "num_sources",
        stories.iter().map(|s| int(s.num_sources)).collect(),
    );
    t.int(
        "num_documents",
        stories.iter().map(|s| int(s.documents.len())).collect(),
    );
    t.text(
        "documents",
        stories.iter().map(|s| json(&s.documents)).collect(),
    );
    t.text(
        "outlets",
        stories.iter().map(|s| json(&s.outlets)).collect(),
    );
    t.text("events", stories.iter().map(|s| json(&s.events)).collect());
    t.write("stories", out)
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
