// 4.010 Employee Time Off: the shapes of the leave and timesheet API
// (src/api/timeoff/) and their words for the screens.
import type { PersonRef } from "./review-model";

export interface Amount {
  minutes: number;
  hours: number;
}

export interface Bank {
  bank: string;
  balance: Amount;
  pending: Amount;
  committed_after: Amount;
  available: Amount;
  unearned_allowed: Amount;
}

export interface Balances {
  employee: PersonRef;
  as_of: string;
  bargaining_unit: string;
  schedule: string;
  banks: Bank[];
}

export interface StaffingDay {
  date: string;
  scheduled: PersonRef[];
  off: PersonRef[];
  partial: PersonRef[];
  pending: PersonRef[];
  on_duty: number;
  if_pending_approved: number;
  minimum: number;
  short_staffed: boolean;
}

export interface LeaveHistory {
  step: string;
  what: string;
  actor: PersonRef | null;
  at: string;
  on: string;
  from: string;
  to: string;
  comments: string;
}

export interface LeaveRequest {
  id: number;
  version: number;
  employee: PersonRef;
  type: string;
  charge: string | null;
  first: string;
  last: string;
  days: { date: string; minutes: number; hours: number }[];
  total: Amount;
  note: string;
  captain_path: boolean;
  consecutive_days: number;
  state: string;
  state_since: string;
  sergeant: PersonRef | null;
  captain: PersonRef | null;
  denial_reason: string;
  awaiting: { step: string; role: string; due: string; holder?: PersonRef | null } | null;
  /** 4.010-PRO-1.3: the form's way up the chain to the section captain, link by link */
  to_captain?: FormRoute | null;
  /** 4.010-PRO-1.4: the decision's way back down to the sergeant */
  back_to_sergeant?: FormRoute | null;
  overdue: boolean;
  my_actions: string[];
  history: LeaveHistory[];
  staffing?: StaffingDay[];
}

export const LEAVE_TYPES: Record<string, string> = {
  vacation: "Vacation",
  sick: "Sick leave",
  holiday: "Holiday",
  furlough: "Furlough",
  "delayed-furlough": "Delayed furlough",
  "comp-time": "Compensatory time",
  "release-time": "Release time",
  "family-medical": "Family medical leave",
  military: "Military leave",
  "jury-duty": "Jury duty",
  funeral: "Funeral leave",
  "dv-sa-stalking": "Domestic violence, sexual assault or stalking leave",
  "without-pay": "Leave without pay",
  "guild-day": "Guild day",
  awol: "AWOL",
};

/**
 * Types an employee asks for that are not balances of their own. The API has
 * no list of a unit's types: the form offers the unit's banks (from the
 * balances) plus these, and the server refuses a type the unit lacks (422 at
 * the type field), as Odoo Time Off lists every allocation type and validates
 * on submit.
 */
export const REQUESTABLE_OTHER = ["family-medical", "military", "jury-duty", "funeral", "dv-sa-stalking", "without-pay"];

export function leaveTypeLabel(t: string | null | undefined): string {
  return t ? (LEAVE_TYPES[t] ?? t) : "";
}

export const LEAVE_STATES: Record<string, string> = {
  submitted: "Submitted, awaiting the sergeant",
  "sergeant-approved": "Approved by the sergeant, to go to the captain",
  "captain-review": "With the captain",
  approved: "Approved, to be recorded",
  recorded: "Recorded",
  denied: "Denied",
  cancelled: "Cancelled",
};

export function leaveStateLabel(s: string): string {
  return LEAVE_STATES[s] ?? s;
}

/** A form travelling through the chain of command: who received it and when. */
export interface FormRoute {
  hops: { recipient: PersonRef; title: string; received: string | null }[];
  delivered: boolean;
}

/** Button words and clause for each step (src/domain/timeoff/leave/request_workflow.cc). */
export const LEAVE_STEPS: Record<string, { label: string; clause: string; reason?: boolean }> = {
  approve: { label: "Approve", clause: "4.010-POL-2, PRO-1.2" },
  deny: { label: "Deny", clause: "4.010-POL-2, PRO-1.2", reason: true },
  "forward-to-captain": { label: "Send up the chain to the captain", clause: "4.010-PRO-1.3" },
  forward: { label: "Forward to the next link", clause: "4.010-PRO-1.3, PRO-1.4" },
  "captain-approve": { label: "Approve as captain", clause: "4.010-PRO-1.4" },
  "captain-deny": { label: "Deny as captain", clause: "4.010-PRO-1.4", reason: true },
  record: { label: "Record the time", clause: "4.010-PRO-1.5" },
  cancel: { label: "Cancel the request", clause: "4.010-POL-2" },
};

export interface TimesheetLine {
  code: string;
  date: string;
  hours: number;
  minutes: number;
  leave_type: string | null;
  paid: boolean;
}

export interface Timesheet {
  id: number;
  version: number;
  employee: PersonRef;
  period: { first: string; last: string };
  state: string;
  due: string;
  overdue: boolean;
  approved_late: boolean;
  submitted_at: string | null;
  approved_at: string | null;
  lines: TimesheetLine[];
  totals: Record<string, Amount>;
  history: { what: string; actor: PersonRef | null; at: string; from: string; to: string; comments: string }[];
}

export const TIMESHEET_STATES: Record<string, string> = {
  open: "Open",
  submitted: "Submitted, awaiting the supervisor",
  returned: "Returned for changes",
  approved: "Approved",
  missing: "Not opened",
};

export function timesheetStateLabel(s: string): string {
  return TIMESHEET_STATES[s] ?? s;
}

export function hours(a: Amount | null | undefined): string {
  if (!a) return "";
  return `${a.hours.toFixed(2).replace(/\.?0+$/, "")} h`;
}
