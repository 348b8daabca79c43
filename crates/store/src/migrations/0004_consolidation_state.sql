-- chronicler store, schema version 4: consolidation kept between runs, so
-- that adding documents regroups only what they touch.

-- The happening each coded event was grouped into: its block (16 hex
-- digits of a hash of CAMEO root, status and unordered actor pair, see
-- chronicler-consolidate's block_key) and a label of its group, unique
-- within the block. A block is regrouped whole, and only when an event
-- without a row (a new document's) falls into it.
CREATE TABLE event_groups (
    doc     INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    block   TEXT NOT NULL,
    grp     TEXT NOT NULL,
    PRIMARY KEY (doc, ordinal),
    FOREIGN KEY (doc, ordinal) REFERENCES events(doc, ordinal) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX event_groups_block ON event_groups(block);

-- The story each document belongs to (story id, see
-- chronicler-consolidate's stories module). Documents without a row are
-- new: their stories, and the stories they touch, are regrouped.
CREATE TABLE doc_stories (
    doc   INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    story TEXT NOT NULL
) STRICT;
CREATE INDEX doc_stories_story ON doc_stories(story);
