-- The links between interactions and people were keyed by (person,
-- interaction).  An import arrives in interaction order, so every link
-- landed at a random place in that key: on a book of a million
-- interactions the links cost more than everything else in the import
-- together.  Keyed by (interaction, person) instead, an import appends
-- them; a person's links are read through the (person, at) index, which
-- carries the interaction id and so answers on its own.  The key still
-- allows one link per person and interaction.
DROP TRIGGER IF EXISTS interaction_at_moved;
CREATE TABLE interaction_person_new (
    interaction_id  INTEGER NOT NULL REFERENCES interaction(id)
                        ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    at              INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, person_id)
) WITHOUT ROWID;
INSERT INTO interaction_person_new(interaction_id, person_id, at)
    SELECT ip.interaction_id, ip.person_id, coalesce(ip.at, i.at)
    FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
    ORDER BY ip.interaction_id, ip.person_id;
DROP TABLE interaction_person;
ALTER TABLE interaction_person_new RENAME TO interaction_person;
CREATE INDEX interaction_person_at ON interaction_person(person_id, at);
CREATE TRIGGER interaction_at_moved AFTER UPDATE OF at ON interaction
BEGIN
    UPDATE interaction_person SET at = new.at WHERE interaction_id = new.id;
END;
