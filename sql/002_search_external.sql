-- The interaction search index kept its own copy of every summary and
-- body, so an imported mailbox was stored twice: half the file and half
-- the writes of an import.  It now reads the text from the interaction
-- table itself (FTS5 "external content", through a view that supplies the
-- title column).  The store removes an interaction's index entry before
-- it changes or deletes the row, as external content requires.
DROP TABLE search_fts_x;
CREATE VIEW interaction_text AS
    SELECT id, coalesce(summary, '') AS title, body FROM interaction;
CREATE VIRTUAL TABLE search_fts_x USING fts5(
    title, body, content = 'interaction_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_fts_x(search_fts_x) VALUES ('rebuild');
