-- 001_init.sql: the relationship memory.
-- Times are Unix seconds (UTC) in INTEGER columns; calendar dates without a
-- time (birthdays, anniversaries) are TEXT 'YYYY-MM-DD' or '--MM-DD' when
-- the year is unknown.  Every table has an INTEGER PRIMARY KEY id.

CREATE TABLE org (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    industry    TEXT,
    notes       TEXT,
    created_at  INTEGER NOT NULL
);

-- Facts about an org, one row each: its web/mail domains and its goals or
-- "big bets".
CREATE TABLE org_item (
    org_id  INTEGER NOT NULL REFERENCES org(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('domain', 'goal')),
    value   TEXT NOT NULL,
    PRIMARY KEY (org_id, kind, value)
) WITHOUT ROWID;
CREATE UNIQUE INDEX org_domain_unique ON org_item(value COLLATE NOCASE)
    WHERE kind = 'domain';

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    org_id        INTEGER REFERENCES org(id) ON DELETE SET NULL,
    title         TEXT,
    how_met       TEXT,
    family        TEXT,
    notes         TEXT,
    tier          TEXT CHECK (tier IN ('inner', 'active', 'network')),
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    is_me         INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
    created_at    INTEGER NOT NULL
);
CREATE INDEX person_org ON person(org_id);
CREATE UNIQUE INDEX person_one_me ON person(is_me) WHERE is_me = 1;

-- Multi-valued facts about a person: emails, phones, personal interests,
-- professional goals, tags, and dated events (value is the date, label
-- says what it is: 'birthday', 'anniversary', ...).
CREATE TABLE person_item (
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'interest',
                                             'goal', 'tag', 'date')),
    value      TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    seq        INTEGER NOT NULL DEFAULT 0, -- the user's order: first email first
    PRIMARY KEY (person_id, kind, value, label)
) WITHOUT ROWID;
-- One person per human: an email address belongs to one person only.
CREATE UNIQUE INDEX person_email_unique ON person_item(value COLLATE NOCASE)
    WHERE kind = 'email';
CREATE INDEX person_item_value ON person_item(kind, value COLLATE NOCASE);

CREATE TABLE interaction (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('email', 'call', 'meeting',
                                               'message', 'note')),
    dir          TEXT NOT NULL CHECK (dir IN ('in', 'out')),
    at           INTEGER NOT NULL,
    summary      TEXT,
    body         TEXT,
    source       TEXT,           -- where it came from: 'cli', 'mbox:...', ...
    external_id  TEXT,           -- Message-ID, UID: makes imports idempotent
    thread       TEXT,
    automated    INTEGER NOT NULL DEFAULT 0,  -- lists, no-reply: not scored
    sentiment    REAL,           -- VADER compound, when analysed
    created_at   INTEGER NOT NULL
);
-- Only meetings are looked up by time (upcoming ones, for `today`), and
-- most interactions have no external id: partial indexes keep bulk loads
-- from paying for entries nobody reads.
CREATE INDEX interaction_meeting_at ON interaction(at) WHERE kind = 'meeting';
CREATE UNIQUE INDEX interaction_external ON interaction(external_id)
    WHERE external_id IS NOT NULL;

CREATE TABLE interaction_person (
    interaction_id  INTEGER NOT NULL REFERENCES interaction(id)
                        ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, interaction_id)
) WITHOUT ROWID;
CREATE INDEX interaction_person_i ON interaction_person(interaction_id);

-- Per-person summary of contact and of the ledger, kept current by the
-- store after every write that touches a person's interactions or ledger
-- (and rebuilt once after a bulk load), so `today` reads one row a person
-- instead of aggregating a million interactions.  Automated mail and notes
-- are left out of contact.
CREATE TABLE person_stats (
    person_id       INTEGER PRIMARY KEY REFERENCES person(id)
                        ON DELETE CASCADE,
    n_in            INTEGER NOT NULL DEFAULT 0,
    n_out           INTEGER NOT NULL DEFAULT 0,
    first_at        INTEGER,
    last_at         INTEGER,
    last_in_at      INTEGER,
    last_out_at     INTEGER,
    given           INTEGER NOT NULL DEFAULT 0,
    received        INTEGER NOT NULL DEFAULT 0,
    asks            INTEGER NOT NULL DEFAULT 0,
    asks_yes        INTEGER NOT NULL DEFAULT 0,
    asks_no         INTEGER NOT NULL DEFAULT 0,
    asks_pending    INTEGER NOT NULL DEFAULT 0,
    first_given_at  INTEGER,
    first_ask_at    INTEGER,
    last_given_at   INTEGER
);

CREATE TABLE offering (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    conviction   INTEGER NOT NULL CHECK (conviction BETWEEN 1 AND 5),
    description  TEXT,
    created_at   INTEGER NOT NULL
);

-- The generosity ledger, both ways, and asks.  'give' is value the user
-- gave, 'receive' value the person gave the user, 'ask' a request.
CREATE TABLE ledger (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    type         TEXT NOT NULL CHECK (type IN ('give', 'receive', 'ask')),
    kind         TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    at           INTEGER NOT NULL,
    offering_id  INTEGER REFERENCES offering(id) ON DELETE SET NULL,
    outcome      TEXT CHECK (outcome IN ('pending', 'yes', 'no')),
    decided_at   INTEGER
);
CREATE INDEX ledger_person ON ledger(person_id, at);
CREATE INDEX ledger_pending ON ledger(at)
    WHERE type = 'ask' AND coalesce(outcome, 'pending') = 'pending';

-- Commitments both ways: 'mine' = I promised them, 'theirs' = they
-- promised me.
CREATE TABLE commitment (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    dir         TEXT NOT NULL CHECK (dir IN ('mine', 'theirs')),
    text        TEXT NOT NULL,
    due         INTEGER,
    done_at     INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX commitment_open ON commitment(due) WHERE done_at IS NULL;
CREATE INDEX commitment_person ON commitment(person_id);

CREATE TABLE deal (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER REFERENCES org(id) ON DELETE SET NULL,
    person_id   INTEGER REFERENCES person(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    amount      INTEGER NOT NULL DEFAULT 0,   -- minor units (cents)
    currency    TEXT NOT NULL DEFAULT 'EUR',
    stage       TEXT NOT NULL CHECK (stage IN ('lead', 'qualified',
                                 'proposal', 'won', 'lost')),
    opened_at   INTEGER NOT NULL,
    closed_at   INTEGER
);
CREATE INDEX deal_org ON deal(org_id);

-- Full-text search.  People and organisations share one index, ranked by
-- relevance; its rowid encodes the document (id * 4 for a person, id * 4 +
-- 1 for an org) so a document is replaced by rowid without a scan.
-- Interactions have their own index keyed by interaction id: there can be
-- millions, and search lists the newest matches, which needs no ranking.
-- Rows are written by the store (not triggers) so bulk imports can index
-- once at the end.
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_fts_x USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
