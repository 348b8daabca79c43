//! Near-duplicate clusters (migration 0009): a document linked to stored
//! documents joins their clusters, one row per document however many
//! pairs are linked; clusters are the connected components of the links,
//! named by their smallest document id whatever the order of arrival;
//! pair links of an older store become clusters on upgrade.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chronicler_store::*;
use jiff::civil::{date, Date};

mod common;

use common::doc;

/// Writes `id` (published on 30 January 2026) with links to the stored
/// documents `links` (id, similarity), as the pipeline does.
fn write(store: &mut Store, id: &str, links: &[(&str, f64)]) {
    write_on(store, id, date(2026, 1, 30), links);
}

/// [`write`], published on `day`.
fn write_on(store: &mut Store, id: &str, day: Date, links: &[(&str, f64)]) {
    let sig = SignatureWrite {
        minhash: vec![0; 8],
        bands: vec![],
        near_duplicates: links.iter().map(|(d, s)| (d.to_string(), *s)).collect(),
        linked: Vec::new(),
        near_from: 0.5,
        related_within_days: 3,
    };
    let mut d = doc(id, &format!("Report {id} of the talks."));
    d.published.date = day;
    store.write_document_signed(&d, &[], &sig).unwrap();
}

type Partition = BTreeSet<BTreeSet<String>>;

/// The near-duplicate and related clusters, as sets of ids, and the id of
/// each cluster's representative (its key's document).
fn clusters(store: &Store, path: &Path) -> (Partition, Partition, Vec<String>) {
    let rows = store.doc_clusters().unwrap();
    let group = |key: fn(&DocCluster) -> i64| {
        let mut by: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
        for r in &rows {
            by.entry(key(r)).or_default().insert(r.id.clone());
        }
        by
    };
    let near = group(|c| c.near);
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut reps: Vec<String> = near
        .keys()
        .map(|k| {
            conn.query_row("SELECT id FROM documents WHERE doc_key = ?1", [k], |r| {
                r.get(0)
            })
            .unwrap()
        })
        .collect();
    reps.sort();
    let sets = |m: BTreeMap<i64, BTreeSet<String>>| -> Partition {
        m.into_values().filter(|s| s.len() > 1).collect()
    };
    (sets(near), sets(group(|c| c.related)), reps)
}

fn rows(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn k_syndicated_copies_take_k_rows_not_k_squared_in_any_order() {
    const K: usize = 40;
    let ids: Vec<String> = (0..K).map(|i| format!("copy{i:02}")).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for (name, order) in [
        ("forward", ids.clone()),
        ("backward", ids.iter().rev().cloned().collect()),
    ] {
        let path = dir.path().join(format!("{name}.db"));
        let mut store = Store::open(&path).unwrap();
        // Each copy is linked to every copy stored before it, as the LSH
        // finds them: K(K-1)/2 links in all.
        for (i, id) in order.iter().enumerate() {
            let links: Vec<(&str, f64)> = order[..i].iter().map(|d| (d.as_str(), 0.9)).collect();
            write(&mut store, id, &links);
        }
        assert_eq!(
            rows(&path, "SELECT count(*) FROM doc_clusters"),
            K as i64,
            "one row per copy"
        );
        assert_eq!(
            rows(
                &path,
                "SELECT count(*) FROM sqlite_master WHERE name = 'doc_links'"
            ),
            0,
            "no pair links kept"
        );
        let (near, related, reps) = clusters(&store, &path);
        assert_eq!(near.len(), 1);
        assert_eq!(near.first().unwrap().len(), K);
        assert_eq!(related, near);
        // The representative is the smallest id, whichever came first.
        assert_eq!(reps, vec!["copy00".to_string()]);
        seen.push((near, related, reps));
    }
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn links_are_transitive_clusters_merge_and_related_text_stays_within_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    write(&mut store, "m", &[]);
    write(&mut store, "k", &[("m", 0.6)]);
    write(&mut store, "z", &[]);
    write(&mut store, "b", &[("z", 0.7)]);
    // Two clusters, {k, m} and {b, z}.
    let (near, _, reps) = clusters(&store, &path);
    assert_eq!(near.len(), 2);
    assert_eq!(reps, vec!["b".to_string(), "k".to_string()]);
    // A document near one member of each joins them: k and z were never
    // linked, but are now one cluster (transitive), named by the smallest
    // id.
    write(&mut store, "x", &[("m", 0.55), ("z", 0.8)]);
    // Related text below the near-duplicate threshold: the related
    // cluster only.
    write(&mut store, "r", &[("x", 0.3)]);
    write(&mut store, "alone", &[]);
    // A year later: a copy is still a near duplicate (one source), but
    // neither it nor related text ties the related cluster (one story)
    // across the year.
    let later = date(2027, 1, 30);
    write_on(&mut store, "late-copy", later, &[("x", 0.9)]);
    write_on(&mut store, "late-related", later, &[("r", 0.3)]);
    let (near, related, reps) = clusters(&store, &path);
    let set = |ids: &[&str]| -> BTreeSet<String> { ids.iter().map(|s| s.to_string()).collect() };
    assert_eq!(near, [set(&["b", "k", "late-copy", "m", "x", "z"])].into());
    assert_eq!(related, [set(&["b", "k", "m", "r", "x", "z"])].into());
    assert!(reps.contains(&"b".to_string()), "{reps:?}");
    // Writing a document again changes nothing.
    write(&mut store, "k", &[("m", 0.6)]);
    assert_eq!(clusters(&store, &path).0, near);
}

#[test]
fn pair_links_of_an_older_store_become_clusters_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        for id in ["a", "b", "c", "d"] {
            write(&mut store, id, &[]);
        }
        write_on(&mut store, "e", date(2027, 1, 30), &[]);
    }
    // Back to version 8, with the pair links that release kept: a-b and
    // b-c near duplicates, c-d related text only, c-e related text a year
    // apart.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        common::undo_doc_clusters(&conn);
        conn.execute_batch(
            "INSERT INTO doc_links (a, b, similarity)
             SELECT x.doc_key, y.doc_key, l.s FROM (
                 SELECT 'a' AS p, 'b' AS q, 0.9 AS s
                 UNION ALL SELECT 'b', 'c', 0.6
                 UNION ALL SELECT 'c', 'd', 0.3
                 UNION ALL SELECT 'c', 'e', 0.3) l
             JOIN documents x ON x.id = l.p JOIN documents y ON y.id = l.q;",
        )
        .unwrap();
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 8, .. })
    ));
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let set = |ids: &[&str]| -> BTreeSet<String> { ids.iter().map(|s| s.to_string()).collect() };
    let (near, related, reps) = clusters(&store, &path);
    assert_eq!(near, [set(&["a", "b", "c"])].into());
    assert_eq!(related, [set(&["a", "b", "c", "d"])].into());
    assert!(reps.contains(&"a".to_string()), "{reps:?}");
    assert_eq!(
        rows(
            &path,
            "SELECT count(*) FROM sqlite_master WHERE name = 'doc_links'"
        ),
        0
    );
    // New documents join the migrated clusters.
    write(&mut store, "f", &[("e", 0.9), ("d", 0.95)]);
    let (near, _, _) = clusters(&store, &path);
    assert_eq!(near, [set(&["a", "b", "c"]), set(&["d", "e", "f"])].into());
    assert!(store.integrity_check().unwrap().is_empty());
}

/// Writes K copies of one text sharing LSH bands, each found through
/// `Store::linked_candidates` as the pipeline finds them; returns how many
/// stored copies each new copy was compared with.
fn write_copies(store: &mut Store, days: &[Date]) -> Vec<usize> {
    write_copies_from(store, 0, days)
}

/// [`write_copies`], numbering the copies from `first`.
fn write_copies_from(store: &mut Store, first: usize, days: &[Date]) -> Vec<usize> {
    (first..)
        .zip(days)
        .map(|(i, day)| {
            let text = format!("Copy {i} of the wire story.");
            write_linked(
                store,
                (&format!("copy{i:02}"), &text),
                *day,
                &[7, 8],
                vec![0; 8],
                |_| Some(0.9),
            )
        })
        .collect()
}

/// Writes the document (id, text) published on `day` with `bands` and the
/// signature `minhash`, linked to what `Store::linked_candidates` returns
/// (the similarity of a candidate from its signature by `sim`), as the
/// pipeline does; returns how many candidates were compared.
fn write_linked(
    store: &mut Store,
    (id, text): (&str, &str),
    day: Date,
    bands: &[u64],
    minhash: Vec<u8>,
    mut sim: impl FnMut(&[u8]) -> Option<f64>,
) -> usize {
    let published = day.to_string();
    let q = LinkQuery {
        published: &published,
        near_from: 0.5,
        related_within_days: 3,
        keep_from: 0.25,
    };
    let mut calls = 0;
    let linked = store
        .linked_candidates(bands, q, |bytes| {
            calls += 1;
            sim(bytes)
        })
        .unwrap();
    let sig = SignatureWrite {
        minhash,
        bands: bands.to_vec(),
        near_duplicates: Vec::new(),
        linked,
        near_from: 0.5,
        related_within_days: 3,
    };
    let mut d = doc(id, text);
    d.published.date = day;
    store.write_document_signed(&d, &[], &sig).unwrap();
    calls
}

/// A text syndicated K times over the years: each new copy is compared
/// with one copy of the cluster, not all (it would join the same cluster),
/// and the clusters are those of comparing every pair. The same within the
/// related-text window: once a copy there is linked, the others are in the
/// clusters it joined.
#[test]
fn a_new_copy_is_compared_once_per_cluster_outside_the_story_window() {
    const K: usize = 30;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("years.db");
    let mut store = Store::open(&path).unwrap();
    let days: Vec<Date> = (0..K).map(|i| date(1990 + i as i16, 3, 1)).collect();
    let compared = write_copies(&mut store, &days);
    assert_eq!(compared[0], 0);
    assert!(compared[1..].iter().all(|&n| n == 1), "{compared:?}");
    let (near, related, reps) = clusters(&store, &path);
    assert_eq!(near.len(), 1);
    assert_eq!(near.first().unwrap().len(), K);
    assert!(related.is_empty(), "years apart: no related text");
    assert_eq!(reps, vec!["copy00".to_string()]);

    // The same day: one comparison per cluster too, all are one story.
    let path = dir.path().join("day.db");
    let mut store = Store::open(&path).unwrap();
    let compared = write_copies(&mut store, &[date(2026, 1, 30); 6]);
    assert_eq!(compared, vec![0, 1, 1, 1, 1, 1]);
    let (near, related, _) = clusters(&store, &path);
    assert_eq!(near.first().unwrap().len(), 6);
    assert_eq!(related, near);
}

/// Writes `id` published on `day` with band 7 and the signature `[kind]`,
/// the similarity of each candidate given by its kind (see
/// [`write_linked`]); returns how many were compared.
fn write_kind(store: &mut Store, id: &str, day: Date, kind: u8, sim: impl Fn(u8) -> f64) -> usize {
    let text = format!("Report {id} of the talks.");
    write_linked(store, (id, &text), day, &[7], vec![kind], |bytes| {
        Some(sim(*bytes.first()?))
    })
}

/// A band holding many copies of one text (more than the lookup lists of
/// a joined cluster before listing around it), some of them recent and in
/// two stories (one of seventy copies a day), after them a text of another
/// cluster, then many copies of a third text: a new copy of the first and
/// third texts is compared with one old copy of each, one copy of each
/// recent story and the other text, merges the two clusters of copies,
/// and joins the recent stories and the other text's (all within three
/// days of it).
#[test]
fn a_text_after_many_copies_in_a_band_is_still_compared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("band.db");
    let mut store = Store::open(&path).unwrap();
    // Kind 0: copies of text A, years apart; kind 1: another text.
    let copy = |k: u8| if k == 0 { 0.9 } else { 0.1 };
    for i in 0..80 {
        let day = date(1940 + i as i16, 6, 1);
        write_kind(&mut store, &format!("a{i:02}"), day, 0, copy);
    }
    // Two recent copies, six days apart: two stories, both within three
    // days of the new copy's.
    // (Their ids sort after the first copy's, which stays the cluster's
    // representative: their band rows name it, as the old copies' do.)
    write_kind(&mut store, "a80", date(2026, 1, 27), 0, copy);
    write_kind(&mut store, "a81", date(2026, 2, 2), 0, copy);
    // Seventy copies the day after the first (its story), more than the
    // lookup reads of a window at once.
    for i in 82..152 {
        write_kind(&mut store, &format!("a{i}"), date(2026, 1, 28), 0, copy);
    }
    let today = date(2026, 1, 30);
    write_kind(&mut store, "b", date(2026, 1, 29), 1, |_| 0.1);
    // Kind 2: copies of a third text, C, after the other text in the band.
    let copy_c = |k: u8| if k == 2 { 0.9 } else { 0.1 };
    for i in 0..40 {
        let day = date(1950 + i as i16, 7, 1);
        write_kind(&mut store, &format!("c{i:02}"), day, 2, copy_c);
    }
    // A new copy of A and C (it bridges them), related to the other text.
    let compared = write_kind(&mut store, "x", today, 0, |k| match k {
        1 => 0.3,
        _ => 0.9,
    });
    assert_eq!(
        compared, 5,
        "one old copy of A, one of each recent story, the other text, one copy of C"
    );
    let (near, related, _) = clusters(&store, &path);
    let a: BTreeSet<String> = (0..152)
        .map(|i| format!("a{i:02}"))
        .chain((0..40).map(|i| format!("c{i:02}")))
        .chain(["x".to_string()])
        .collect();
    assert!(near.contains(&a), "{near:?}");
    let story: BTreeSet<String> = (80..152)
        .map(|i| format!("a{i}"))
        .chain(["b", "x"].map(String::from))
        .collect();
    assert!(related.contains(&story), "{related:?}");
    assert!(store.integrity_check().unwrap().is_empty());
}

/// A store written before cluster rows kept their publication day gets
/// them on upgrade, from the documents, and a new copy of a text
/// syndicated over the years is still compared with one copy of its
/// cluster.
#[test]
fn cluster_rows_get_their_day_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let days: Vec<Date> = (0..6).map(|i| date(2000 + i as i16, 5, 9)).collect();
    {
        let mut store = Store::open(&path).unwrap();
        write_copies(&mut store, &days[..5]);
        let conn = rusqlite::Connection::open(&path).unwrap();
        common::undo_cluster_days(&conn);
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 15, .. })
    ));
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        rows(
            &path,
            "SELECT count(*) FROM doc_clusters c JOIN documents d ON d.doc_key = c.doc
             WHERE c.day = julianday(d.published)"
        ),
        5
    );
    // Written after the upgrade: the same day as before.
    let compared = write_copies_from(&mut store, 5, &days[5..]);
    assert_eq!(compared, vec![1]);
    assert_eq!(
        rows(
            &path,
            "SELECT count(*) FROM doc_clusters WHERE day = julianday('2005-05-09')"
        ),
        1
    );
    let (near, _, _) = clusters(&store, &path);
    assert_eq!(near.first().map(|c| c.len()), Some(6));
    assert!(store.integrity_check().unwrap().is_empty());
}

/// The candidates `Store::linked_candidates` leaves out can change no
/// cluster: over random stores (documents on random days, sharing random
/// LSH bands, with random pairwise similarities), linking each new
/// document to what it returns gives the clusters of linking it to every
/// stored document sharing a band, compared, whatever the order. The same
/// through batches of writes, as the pipeline writes (the band rows of a
/// new store read in memory while few documents share a band, through
/// SQL beyond).
#[test]
fn skipped_candidates_change_no_cluster() {
    // A small deterministic generator (no external crate needed).
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    for round in 0..48 {
        // The last rounds hold clusters of more members per band than the
        // lookup lists before seeking past a joined cluster.
        let big = round >= 40;
        let (n, values) = if big {
            (250 + next(100) as usize, 2)
        } else {
            (6 + next(18) as usize, 4)
        };
        let bands: Vec<Vec<u64>> = (0..n)
            .map(|_| vec![next(values), 10 + next(values - 1)])
            .collect();
        // In the larger rounds, three bursts of news some days apart.
        let days: Vec<Date> = (0..n)
            .map(|_| {
                let day = if big { 9 * next(3) + next(2) } else { next(12) };
                date(2026, 1, 1 + day as i8)
            })
            .collect();
        // Similarity of a pair: symmetric, from a table drawn per round. In
        // the larger rounds each document copies one of three texts: near
        // duplicates of its own text's copies, sometimes related to others.
        let source: Vec<u64> = (0..n).map(|_| next(3)).collect();
        let table: Vec<f64> = (0..n * n)
            .map(|k| {
                let (a, b) = (k / n, k % n);
                if !big {
                    [0.1, 0.3, 0.4, 0.6, 0.9][next(5) as usize]
                } else if source[a] == source[b] {
                    [0.6, 0.9][next(2) as usize]
                } else {
                    // Now and then related, or a near duplicate.
                    match next(64) {
                        0 => 0.6,
                        1 | 2 => 0.3,
                        _ => 0.1,
                    }
                }
            })
            .collect();
        let sim = |a: usize, b: usize| table[a.min(b) * n + a.max(b)];
        let dir = tempfile::tempdir().unwrap();
        let mut partitions = Vec::new();
        for every in [false, true] {
            let path = dir.path().join(format!("r{round}-{every}.db"));
            let mut store = Store::open(&path).unwrap();
            for i in 0..n {
                let published = days[i].to_string();
                // A signature holds the document's index.
                let me = (i as u64).to_le_bytes().to_vec();
                let of = |bytes: &[u8]| {
                    let j = u64::from_le_bytes(bytes.try_into().ok()?) as usize;
                    Some(sim(i, j))
                };
                // Every candidate compared, by id; or what
                // `linked_candidates` keeps, by key.
                let (links, linked): (Vec<(String, f64)>, _) = if every {
                    let all = store
                        .band_candidates(&bands[i])
                        .unwrap()
                        .into_iter()
                        .filter_map(|c| Some((c.id, of(&c.minhash)?)))
                        .filter(|(_, s)| *s >= 0.25)
                        .collect();
                    (all, Vec::new())
                } else {
                    let q = LinkQuery {
                        published: &published,
                        near_from: 0.5,
                        related_within_days: 3,
                        keep_from: 0.25,
                    };
                    (
                        Vec::new(),
                        store.linked_candidates(&bands[i], q, of).unwrap(),
                    )
                };
                let sig = SignatureWrite {
                    minhash: me,
                    bands: bands[i].clone(),
                    near_duplicates: links,
                    linked,
                    near_from: 0.5,
                    related_within_days: 3,
                };
                let mut d = doc(&format!("d{i:02}"), &format!("Report {i} of the talks."));
                d.published.date = days[i];
                store.write_document_signed(&d, &[], &sig).unwrap();
            }
            let (near, related, _) = clusters(&store, &path);
            partitions.push((near, related));
        }
        // Through batches of a few documents each.
        let path = dir.path().join(format!("r{round}-batches.db"));
        let mut store = Store::open(&path).unwrap();
        let mut i = 0;
        while i < n {
            let mut batch = store.begin_batch().unwrap();
            for _ in 0..1 + next(5) {
                if i == n {
                    break;
                }
                let published = days[i].to_string();
                let of = |bytes: &[u8]| {
                    let j = u64::from_le_bytes(bytes.try_into().ok()?) as usize;
                    Some(sim(i, j))
                };
                let q = LinkQuery {
                    published: &published,
                    near_from: 0.5,
                    related_within_days: 3,
                    keep_from: 0.25,
                };
                let sig = SignatureWrite {
                    minhash: (i as u64).to_le_bytes().to_vec(),
                    bands: bands[i].clone(),
                    near_duplicates: Vec::new(),
                    linked: batch.linked_candidates(&bands[i], q, of).unwrap(),
                    near_from: 0.5,
                    related_within_days: 3,
                };
                let mut d = doc(&format!("d{i:02}"), &format!("Report {i} of the talks."));
                d.published.date = days[i];
                batch.write_document(&d, &[], Some(&sig)).unwrap();
                i += 1;
            }
            batch.commit().unwrap();
        }
        let (near, related, _) = clusters(&store, &path);
        partitions.push((near, related));
        assert_eq!(partitions[0], partitions[1], "round {round}");
        assert_eq!(partitions[0], partitions[2], "round {round}, in batches");
    }
}
