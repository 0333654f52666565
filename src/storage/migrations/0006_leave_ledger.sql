-- Issue 6: the 4.010 leave ledger (ARCHITECTURE.md, "Leave is a ledger").
-- Balances are never stored: each accrual, usage, adjustment, holiday credit,
-- furlough grant, forfeiture, cash-out and year-end transfer is a row in
-- signed minutes, and a balance is a sum as of a date. Rows are never updated
-- or deleted; a mistake is corrected by a new adjustment row. Requests,
-- timesheets and their approvals are workflow records (0005).
CREATE TABLE leave_ledger (
  id {{ID_PK}},
  employee_id BIGINT NOT NULL REFERENCES employees (id),
  bank TEXT NOT NULL,
  taken_as TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  entry_kind TEXT NOT NULL,
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX leave_ledger_employee ON leave_ledger (employee_id, effective_on);
CREATE INDEX leave_ledger_source ON leave_ledger (source);
