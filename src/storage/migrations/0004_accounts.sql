-- Issue 4: sign-in accounts, API tokens, and the Chief's approval of threshold
-- sets. See docs/adr/0007-sign-in-sessions-and-api.md.

-- One sign-in account per employee. Roles are not stored here: they come from
-- the positions the employee holds and the role grants on the day.
-- failed_attempts, locked_until and the TOTP fields are security state that
-- changes in place; every change is audited with its before and after (never
-- the password hash or the TOTP secret).
CREATE TABLE accounts (
  id {{ID_PK}},
  username TEXT NOT NULL UNIQUE,
  employee_id BIGINT NOT NULL UNIQUE REFERENCES employees (id),
  password_hash TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  totp_secret TEXT NOT NULL,
  totp_last_step BIGINT NOT NULL,
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  locked_until TEXT,
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
);

-- API tokens for machine imports, stored by SHA-256 only; the secret is shown
-- once. A revoked token stays, with the time it was revoked.
CREATE TABLE api_tokens (
  id {{ID_PK}},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- 3.070-POL-3: the Chief of Police approves a proposed threshold set. The set
-- itself is never changed; its approval is a row of its own.
CREATE TABLE threshold_approvals (
  set_id BIGINT PRIMARY KEY REFERENCES threshold_sets (id),
  approved_by TEXT NOT NULL,
  approved_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);

-- Reads of confidential records (PMP records, the dashboard, personnel
-- records): who read what, when. Append-only and apart from audit_log so that
-- a busy dashboard neither grows the write chain nor invalidates caches keyed
-- on its head. The server writes these in batches (ADR 0007).
CREATE TABLE access_log (
  id {{ID_PK}},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  details TEXT NOT NULL
);
