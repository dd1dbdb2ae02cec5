-- The event feed. Events are appended in commit order (see OutboxMapper.xml), so seq is the
-- order readers see them in.

-- An event keeps its representation byte for byte as GET answered it: json stores the text as
-- given, where jsonb would reorder keys and respace it.
ALTER TABLE outbox_events ALTER COLUMN payload TYPE json USING payload::json;

-- One resource's events, for the feed's subject filter.
CREATE INDEX outbox_events_aggregate_id_idx ON outbox_events (aggregate_id, seq);

-- Retention deletes the oldest events; a reader positioned before deleted_through has missed some.
CREATE TABLE event_retention (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    deleted_through bigint  NOT NULL DEFAULT 0 CHECK (deleted_through >= 0)
);
INSERT INTO event_retention DEFAULT VALUES;

-- Where each relay stands: every event up to position has been acknowledged by its destination.
CREATE TABLE event_relays (
    name       varchar(40) PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.-]*$'),
    position   bigint      NOT NULL CHECK (position >= 0),
    updated_at timestamptz NOT NULL
);

-- Expired idempotency keys are deleted oldest first.
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
