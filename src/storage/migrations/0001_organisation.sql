-- Organisation: units, employees (versioned), effective-dated assignments,
-- status periods and special roles. Dates are ISO 'YYYY-MM-DD' text; an absent
-- end_date means open-ended; spans are closed-open [start_date, end_date).
-- {{ID_PK}} is the engine's 64-bit identity primary key (docs/adr/0004).

CREATE TABLE units (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('department', 'bureau', 'precinct', 'section', 'watch',
                                     'squad', 'unit')),
  parent_id BIGINT REFERENCES units (id)
);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE employees (
  id {{ID_PK}},
  serial TEXT NOT NULL UNIQUE
);

-- A correction is a new version; versions are never updated or deleted.
CREATE TABLE employee_versions (
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('sworn', 'civilian')),
  rank TEXT NOT NULL,
  bargaining_unit TEXT NOT NULL,
  schedule TEXT NOT NULL CHECK (schedule IN ('4-2', '5-8', '9-80', '4-10', '24-hour')),
  hire_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (employee_id, version)
);

CREATE TABLE assignments (
  id {{ID_PK}},
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  role TEXT NOT NULL CHECK (role IN ('member', 'supervisor')),
  acting INTEGER NOT NULL CHECK (acting IN (0, 1)),
  start_date TEXT NOT NULL,
  end_date TEXT,
  CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX assignments_employee ON assignments (employee_id, start_date);
CREATE INDEX assignments_unit ON assignments (unit_id, start_date);

CREATE TABLE status_periods (
  id {{ID_PK}},
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  status TEXT NOT NULL CHECK (status IN ('active', 'extended-absence', 'separated')),
  start_date TEXT NOT NULL,
  end_date TEXT,
  CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX status_periods_employee ON status_periods (employee_id, start_date);

CREATE TABLE role_grants (
  id {{ID_PK}},
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  role TEXT NOT NULL CHECK (role IN ('pm-coordinator', 'pmp-committee', 'payroll', 'hr-director',
                                     'fml-coordinator', 'guild-president', 'administrator')),
  start_date TEXT NOT NULL,
  end_date TEXT,
  CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX role_grants_employee ON role_grants (employee_id);
