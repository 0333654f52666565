-- Issue 5 onwards: workflow records (3.070 Performance Mentoring Reviews and
-- Mentoring Plans; later 4.010 requests and timesheets) as versioned
-- documents. See docs/adr/0008-workflow-records-as-versioned-documents.md.
--
-- Each step of a workflow writes a new version with the whole document as the
-- domain state machine returned it; no version is ever changed. The head row
-- names the current version and state so inboxes can find open records
-- without reading every body; it moves only forward, and only when the
-- writer read the version it replaces (optimistic concurrency).
CREATE TABLE workflow_records (
  id {{ID_PK}},
  kind TEXT NOT NULL,
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  state TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workflow_records_kind_employee ON workflow_records (kind, employee_id);
CREATE INDEX workflow_records_kind_state ON workflow_records (kind, state);

CREATE TABLE workflow_record_versions (
  record_id BIGINT NOT NULL REFERENCES workflow_records (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  state TEXT NOT NULL,
  body TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (record_id, version)
);
