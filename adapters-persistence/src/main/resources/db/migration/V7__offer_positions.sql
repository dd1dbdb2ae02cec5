-- Where the offer consumer continues in each partition of a topic: stored in the same transaction
-- as what the offers before it did, so that each offer takes effect exactly once.
CREATE TABLE offer_positions (
    topic       text        NOT NULL CHECK (topic <> ''),
    partition   integer     NOT NULL CHECK (partition >= 0),
    next_offset bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (topic, partition)
);
