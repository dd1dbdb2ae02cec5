-- The idempotency keys of create requests, written in the same transaction as what they created.
CREATE TABLE idempotency_keys (
    scope       varchar(20)  NOT NULL CHECK (scope IN ('hotels', 'deals')),
    key         varchar(255) NOT NULL CHECK (key ~ '^[!-~]+$'),
    fingerprint varchar(64)  NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    resource_id bigint       NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
