//! The LSH band rows a writing connection has added in a run, kept in
//! memory beside `doc_bands` so that the near-duplicate lookup of each new
//! document reads them there instead of through SQL.
//!
//! Listing a new document's band mates in SQL (one index seek per band,
//! each row through the virtual machine and a temporary B-tree to list a
//! mate once) was 6 to 9 % of an ingest's CPU (perf, 10,000 articles,
//! BENCHMARKS.md fifteenth sitting); the same rows in memory are a hash
//! lookup per band and a short chain each.
//!
//! The mirror is exact or absent. Made when `doc_bands` is empty (a new
//! store, or one never signed), it is *complete*: it holds every band row
//! in the file, and the lookup reads nothing else. Made on a store that
//! holds band rows, it holds those this connection writes from then on:
//! the lookup reads the older ones through SQL and these here, so that
//! this run's rows need not be in `doc_bands` (a batch lists them in
//! `doc_bands_pending` instead, see `consolidation::hold_band_rows`).
//! Either is kept only while nothing else writes:
//!
//! - another connection committing shows in `PRAGMA data_version`;
//! - this connection writing outside a batch, or a batch that did not
//!   commit, shows in its count of changed rows (`sqlite3_total_changes`,
//!   recorded at each batch commit: rows rolled back stay counted, and a
//!   document enters the mirror only once its rows are written).
//!
//! Each is checked when a batch begins, under the write lock, and drops
//! the mirror (the lookup then goes through SQL, as for a store that
//! already held band rows). A document's rows enter the mirror once its
//! whole write has succeeded in the batch, so later documents of the batch
//! see it, as SQL does. Past [`MAX_ROWS`] rows the mirror is dropped too:
//! its memory stays bounded whatever the corpus.
//!
//! The lookup compares every band mate in the mirror with the new
//! document, where the SQL lookup skips members of clusters already joined
//! by reading around them; the clusters written are the same either way
//! (see `consolidation::linked_candidates`), and a document with a band
//! shared by more than [`CHAIN_MAX`] rows (copies of one text) goes
//! through SQL, which reads such clusters by window and pair.

use rustc_hash::FxHashMap;

/// Band rows past which the mirror is dropped: 21 bands a document, so
/// about 100,000 documents, some 40 MB.
pub(crate) const MAX_ROWS: usize = 1 << 21;

/// Rows in one band past which a document's lookup goes through SQL: up
/// to it, comparing every band mate in memory cost fewer instructions than
/// SQL's reading around joined clusters (30,000 articles: 148.1 G with 64,
/// 143.0 G with 256; 3,000 copies of one story 28.59 G and 28.41 G).
pub(crate) const CHAIN_MAX: u32 = 256;

/// No row (end of a chain).
const NONE: u32 = u32::MAX;

/// A document with band rows in the mirror: the columns of its rows but
/// the band (all its rows carry the same).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Member {
    pub(crate) key: i64,
    pub(crate) near: i64,
    pub(crate) related: i64,
    /// `doc_bands.day`: a band day, or `UNDATED`.
    pub(crate) day: f64,
}

/// One band row: its document, and the band's previous row.
#[derive(Debug, Clone, Copy)]
struct Row {
    member: u32,
    prev: u32,
}

/// The band rows of the store, all of them (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct BandMirror {
    /// Per band: its newest row and how many rows it has.
    heads: FxHashMap<i64, (u32, u32)>,
    rows: Vec<Row>,
    members: Vec<Member>,
    /// `PRAGMA data_version` when made (this connection's commits leave it
    /// unchanged).
    pub(crate) data_version: i64,
    /// This connection's changed rows at the last batch commit.
    pub(crate) total_changes: u64,
    /// Rows past which [`BandMirror::add`] refuses ([`MAX_ROWS`] unless
    /// set otherwise).
    limit: usize,
    /// Every band row of the store (made when `doc_bands` was empty), or
    /// only those this connection wrote since it was made (a store that
    /// held band rows already: the lookup reads the others through SQL).
    pub(crate) complete: bool,
}

impl BandMirror {
    /// An empty mirror holding at most `limit` rows: `complete` for a
    /// store without band rows.
    pub(crate) fn new(
        data_version: i64,
        total_changes: u64,
        limit: usize,
        complete: bool,
    ) -> BandMirror {
        BandMirror {
            data_version,
            total_changes,
            limit,
            complete,
            ..BandMirror::default()
        }
    }

    /// Adds the rows `doc_bands` has just received for one document: its
    /// distinct `bands` (sorted), each naming `member`. False when the
    /// mirror is full (drop it).
    pub(crate) fn add(&mut self, bands: &[i64], member: Member) -> bool {
        if self.rows.len() + bands.len() > self.limit {
            return false;
        }
        let Ok(m) = u32::try_from(self.members.len()) else {
            return false;
        };
        self.members.push(member);
        for &band in bands {
            let Ok(at) = u32::try_from(self.rows.len()) else {
                return false;
            };
            let head = self.heads.entry(band).or_insert((NONE, 0));
            self.rows.push(Row {
                member: m,
                prev: head.0,
            });
            *head = (at, head.1.saturating_add(1));
        }
        true
    }

    /// The members sharing one of `bands`, each once, oldest first.
    /// `None` when a band holds more than [`CHAIN_MAX`] rows (look up
    /// through SQL).
    pub(crate) fn mates(&self, bands: &[i64]) -> Option<Vec<Member>> {
        let mut found: Vec<u32> = Vec::new();
        for band in bands {
            let Some(&(head, len)) = self.heads.get(band) else {
                continue;
            };
            if len > CHAIN_MAX {
                return None;
            }
            let mut at = head;
            while let Some(row) = self.rows.get(at as usize) {
                found.push(row.member);
                at = row.prev;
            }
        }
        found.sort_unstable();
        found.dedup();
        Some(
            found
                .iter()
                .filter_map(|&m| self.members.get(m as usize).copied())
                .collect(),
        )
    }

    /// Band rows held.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(key: i64) -> Member {
        Member {
            key,
            near: key,
            related: key,
            day: 100.0,
        }
    }

    #[test]
    fn lists_each_mate_once_oldest_first() {
        let mut m = BandMirror::new(1, 0, MAX_ROWS, true);
        assert!(m.add(&[1, 2, 3], member(10)));
        assert!(m.add(&[2, 3], member(11)));
        assert!(m.add(&[9], member(12)));
        let keys: Vec<i64> = m.mates(&[2, 3, 4]).unwrap().iter().map(|m| m.key).collect();
        assert_eq!(keys, [10, 11]);
        assert!(m.mates(&[4, 5]).unwrap().is_empty());
        assert_eq!(m.len(), 6);
    }

    #[test]
    fn a_long_band_sends_the_lookup_to_sql() {
        let mut m = BandMirror::new(1, 0, MAX_ROWS, true);
        for k in 0..=i64::from(CHAIN_MAX) {
            assert!(m.add(&[7, 1000 + k], member(k)));
        }
        assert!(m.mates(&[7]).is_none());
        assert_eq!(m.mates(&[1000]).unwrap().len(), 1);
    }
}
