-- A person's newest interactions were found by reading every one of their
-- interaction rows and sorting them by time: person show read the whole
-- history of a busy person to list ten.  Each link now carries its
-- interaction's time, indexed per person, so newest-first reads walk the
-- index and stop.  The store writes the time with the link; a trigger
-- keeps it right if an interaction's time ever changes.
ALTER TABLE interaction_person ADD COLUMN at INTEGER;
UPDATE interaction_person
    SET at = (SELECT i.at FROM interaction i WHERE i.id = interaction_id);
CREATE INDEX interaction_person_at ON interaction_person(person_id, at);
CREATE TRIGGER interaction_at_moved AFTER UPDATE OF at ON interaction
BEGIN
    UPDATE interaction_person SET at = new.at WHERE interaction_id = new.id;
END;
