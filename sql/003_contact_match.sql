-- One person per human, by phone as well as by email: a phone is matched
-- on its E.164 parts (country code and national significant number, see
-- src/base/phone.h) instead of the last nine digits as written, so that
-- "+44 20 7946 0000" and "020 7946 0000" meet and two numbers that merely
-- end alike do not.  The parts are stored as the number itself says them
-- (an empty country code for a number written nationally); the default
-- region is applied when looking up, so changing it needs no rewrite.
-- rp_phone_cc() and rp_phone_nsn() are the store's own SQL functions.
ALTER TABLE person_item ADD COLUMN phone_cc TEXT;
ALTER TABLE person_item ADD COLUMN phone_nsn TEXT;
UPDATE person_item SET phone_cc = rp_phone_cc(value),
                       phone_nsn = rp_phone_nsn(value)
    WHERE kind = 'phone';
CREATE INDEX person_item_phone ON person_item(phone_nsn)
    WHERE kind = 'phone' AND phone_nsn IS NOT NULL;

-- A contact with neither email nor phone (most LinkedIn connections) is
-- known again by its exact name, among other things: looked up by index,
-- so a large import does not scan every person for each such contact.
CREATE INDEX person_name ON person(name COLLATE NOCASE);
