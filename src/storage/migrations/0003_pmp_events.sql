-- 3.070 §1: indicator events (identity + immutable versions) and versioned
-- threshold sets. See docs/adr/0006-indicator-events-and-evaluation.md.

-- One row per real-world event. source_key identifies it across imports:
-- "<source system>|<incident number>|<serial>|<kind>" (or a generated key for
-- events entered by hand).
CREATE TABLE indicator_events (
  id {{ID_PK}},
  source_key TEXT NOT NULL UNIQUE,
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  kind TEXT NOT NULL CHECK (kind IN ('supervisory-recommendation', 'use-of-force',
                                     'vehicle-collision', 'complaint', 'claim', 'pursuit')),
  source_system TEXT NOT NULL,
  incident_number TEXT NOT NULL
);
CREATE INDEX indicator_events_employee ON indicator_events (employee_id);

-- Corrections, rulings and withdrawals are new versions; never updated.
CREATE TABLE indicator_event_versions (
  event_id BIGINT NOT NULL REFERENCES indicator_events (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  event_date TEXT NOT NULL,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  force_type TEXT CHECK (force_type IS NULL OR force_type IN ('I', 'II', 'III')),
  firearm_discharge INTEGER NOT NULL CHECK (firearm_discharge IN (0, 1)),
  investigation_status TEXT NOT NULL,
  preventability TEXT NOT NULL CHECK (preventability IN ('pending', 'preventable',
                                                         'not-preventable')),
  ruled_on TEXT,
  complaint_source TEXT CHECK (complaint_source IS NULL OR complaint_source IN ('OPA', 'EEO')),
  complaint_open INTEGER NOT NULL CHECK (complaint_open IN (0, 1)),
  disposition TEXT NOT NULL,
  opa_interview_given INTEGER NOT NULL CHECK (opa_interview_given IN (0, 1)),
  withdrawn INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
  note TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (event_id, version)
);

CREATE TABLE threshold_sets (
  id {{ID_PK}},
  name TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  starting_point INTEGER NOT NULL CHECK (starting_point IN (0, 1)),
  recent_review_months INTEGER NOT NULL CHECK (recent_review_months BETWEEN 1 AND 120),
  committee_recommendation TEXT NOT NULL,
  committee_recommended_on TEXT,
  chief_approved_by TEXT NOT NULL,
  chief_approved_on TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);

CREATE TABLE threshold_rules (
  set_id BIGINT NOT NULL REFERENCES threshold_sets (id),
  table_name TEXT NOT NULL CHECK (table_name IN ('initial', 'recent-review')),
  indicator TEXT NOT NULL CHECK (indicator IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
  threshold_count INTEGER NOT NULL CHECK (threshold_count >= 1),
  months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
  PRIMARY KEY (set_id, table_name, indicator)
);
