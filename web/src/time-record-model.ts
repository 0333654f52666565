// 4.010 time records other than leave requests and timesheets: corrections
// (POL-8), AWOL (POL-9), comp-time cash-outs (POL-10), release time (POL-11,
// PRO-2), circle furloughs (POL-12), special duty (POL-13, form 15.8), guild
// days (POL-14, form 2.23.1), and year-end extensions (POL-7). Where each kind
// lives in the API (src/api/timeoff/records_*.cc, leave_payroll_api.cc), its
// states and steps in words, and which inbox kinds lead to its page
// (#/time-records/{kind}/{id}).
import type { Amount } from "./leave-model";
import type { PersonRef } from "./review-model";

export type RecordKind =
  | "correction"
  | "awol"
  | "cash-out"
  | "release-time"
  | "furlough-work"
  | "special-duty"
  | "guild-day"
  | "leave-extension";

export interface StepField {
  name: string;
  label: string;
  type: "textarea" | "date" | "hours" | "checkbox";
  required?: boolean;
  hint?: string;
  /**
   * The server names a broken rule's clause in `details[].field` (e.g.
   * "4.010-POL-11", src/api/timeoff/records_common.cc rule_broken): such an
   * error is shown at this field.
   */
  clause?: string;
}

export interface StepDef {
  label: string;
  clause: string;
  /** the fields this step sends (comments, a day, hours…) */
  fields?: StepField[];
  /** a refusal: the secondary button style */
  negative?: boolean;
}

export interface KindDef {
  /** the record's name in a sentence ("Correction 12") */
  noun: string;
  clause: string;
  /** the API collection, e.g. "/corrections" */
  api: string;
  /** the `kind` the inbox and the record JSON carry */
  inboxKinds: string[];
  states: Record<string, string>;
  steps: Record<string, StepDef>;
}

const COMMENTS: StepField = { name: "comments", label: "Comments", type: "textarea" };
const REASON: StepField = { name: "comments", label: "Reason", type: "textarea", required: true };

export const RECORD_KINDS: Record<RecordKind, KindDef> = {
  correction: {
    noun: "Timesheet correction",
    clause: "4.010-POL-8",
    api: "/corrections",
    inboxKinds: ["timesheet-correction", "correction"],
    states: {
      "with-bureau-chief": "Exception, routed through the chain to the bureau chief",
      "with-payroll": "With Payroll",
      approved: "Approved by Payroll, to be applied",
      applied: "Applied to the timesheet",
      refused: "Refused",
    },
    steps: {
      forward: { label: "Forward up the chain", clause: "4.010-POL-8", fields: [COMMENTS] },
      grant: { label: "Grant the exception", clause: "4.010-POL-8", fields: [COMMENTS] },
      "refuse-exception": { label: "Refuse the exception", clause: "4.010-POL-8", fields: [REASON], negative: true },
      approve: { label: "Approve the correction", clause: "4.010-POL-8", fields: [COMMENTS] },
      refuse: { label: "Refuse the correction", clause: "4.010-POL-8", fields: [REASON], negative: true },
      apply: { label: "Apply to the timesheet", clause: "4.010-POL-8" },
    },
  },
  awol: {
    noun: "AWOL record",
    clause: "4.010-POL-9",
    api: "/awol",
    inboxKinds: ["awol"],
    states: {
      "memo-sent": "Memo sent to HR; copy on its way to the bureau chief",
      "copy-delivered": "Memo with HR; copy delivered to the bureau chief",
    },
    steps: {
      forward: { label: "Forward the copy", clause: "4.010-POL-9" },
    },
  },
  "cash-out": {
    noun: "Comp-time cash-out",
    clause: "4.010-POL-10",
    api: "/comp-time/cash-outs",
    inboxKinds: ["comp-cash-out", "cash-out"],
    states: { requested: "Requested, with Payroll", paid: "Paid", refused: "Refused" },
    steps: {
      pay: { label: "Pay the comp time", clause: "4.010-POL-10" },
      refuse: { label: "Refuse", clause: "4.010-POL-10", fields: [REASON], negative: true },
    },
  },
  "release-time": {
    noun: "Release time",
    clause: "4.010-POL-11, PRO-2",
    api: "/release-time",
    inboxKinds: ["release-time"],
    states: {
      requested: "Requested, with the sergeant",
      approved: "Approved; form 2.27 to complete",
      denied: "Denied (charged as sick leave)",
      "form-completed": "Form 2.27 completed, to forward",
      forwarded: "Form 2.27 sent to Payroll",
      received: "Received by Payroll",
    },
    steps: {
      approve: {
        label: "Approve the release time",
        clause: "4.010-PRO-2.2",
        fields: [
          { name: "unforeseen_medical_emergency", label: "An unforeseen medical emergency of an immediate family member (4.010-POL-11)", type: "checkbox", clause: "4.010-POL-11" },
          COMMENTS,
        ],
      },
      deny: { label: "Deny (charge as sick leave)", clause: "4.010-PRO-2.2", fields: [REASON], negative: true },
      "complete-form": { label: "Complete form 2.27", clause: "4.010-PRO-2.3" },
      forward: { label: "Forward form 2.27 to Payroll", clause: "4.010-PRO-2.4, PRO-2.5" },
      "forward-copy": { label: "Forward the copy", clause: "4.010-PRO-2.4" },
      "authorize-additional": {
        label: "Authorize additional release time",
        clause: "4.010-PRO-2.4 (note)",
        fields: [
          { name: "extra_hours", label: "Additional hours", type: "hours", required: true },
          { name: "new_last_day", label: "New last day (optional)", type: "date" },
          COMMENTS,
        ],
      },
      receive: { label: "Record form 2.27 received", clause: "4.010-PRO-2.4" },
      "inform-fml": { label: "Record that the employee was told of the FML option", clause: "4.010-PRO-2.6" },
      settle: { label: "Settle after the cut-off", clause: "4.010-PRO-2.4 (note)" },
    },
  },
  "furlough-work": {
    noun: "Circle furlough",
    clause: "4.010-POL-12",
    api: "/furlough-work",
    inboxKinds: ["furlough-work"],
    states: { requested: "Requested, with the sergeant", approved: "Approved", denied: "Denied" },
    steps: {
      approve: { label: "Approve working the furlough day", clause: "4.010-POL-12" },
      deny: { label: "Deny", clause: "4.010-POL-12", fields: [REASON], negative: true },
      "day-off": {
        label: "Record the day off",
        clause: "4.010-POL-12",
        fields: [{ name: "day", label: "Normal work day taken off", type: "date", required: true, hint: "In the same FLSA work period as the furlough day.", clause: "4.010-POL-12" }],
      },
    },
  },
  "special-duty": {
    noun: "Special duty (form 15.8)",
    clause: "4.010-POL-13",
    api: "/special-duty",
    inboxKinds: ["special-duty"],
    states: { requested: "Requested, with the captain", approved: "Approved", disapproved: "Disapproved" },
    steps: {
      approve: { label: "Approve special duty", clause: "4.010-POL-13", fields: [COMMENTS] },
      disapprove: { label: "Disapprove", clause: "4.010-POL-13", fields: [REASON], negative: true },
    },
  },
  "guild-day": {
    noun: "Guild day (form 2.23.1)",
    clause: "4.010-POL-14",
    api: "/guild-days",
    inboxKinds: ["guild-day"],
    states: { requested: "Requested, with the Guild president", approved: "Approved", disapproved: "Disapproved" },
    steps: {
      approve: { label: "Approve the guild day", clause: "4.010-POL-14", fields: [COMMENTS] },
      disapprove: { label: "Disapprove", clause: "4.010-POL-14", fields: [REASON], negative: true },
    },
  },
  "leave-extension": {
    noun: "Year-end extension",
    clause: "4.010-POL-7",
    api: "/leave-extensions",
    inboxKinds: ["leave-extension"],
    states: { requested: "Requested, on its way through the chain to the bureau chief", granted: "Granted, to send to Payroll", refused: "Refused", "sent-to-payroll": "Sent to Payroll" },
    steps: {
      forward: { label: "Forward up the chain", clause: "4.010-POL-7" },
      grant: { label: "Grant the extension", clause: "4.010-POL-7", fields: [COMMENTS] },
      refuse: { label: "Refuse the extension", clause: "4.010-POL-7", fields: [REASON], negative: true },
      "send-to-payroll": { label: "Send the decision to Payroll", clause: "4.010-POL-7" },
    },
  },
};

/** The record page's kind for an inbox (or record) kind; null for leave requests, timesheets, PMP. */
export function routeKindOf(kind: string | undefined): RecordKind | null {
  if (!kind) return null;
  for (const [k, def] of Object.entries(RECORD_KINDS)) if (def.inboxKinds.includes(kind)) return k as RecordKind;
  return null;
}

export function recordHref(kind: RecordKind, id: number | string): string {
  return `#/time-records/${kind}/${id}`;
}

export function recordStateLabel(kind: RecordKind, state: string): string {
  return RECORD_KINDS[kind].states[state] ?? state.replace(/-/g, " ");
}

export interface Hop {
  recipient: PersonRef | null;
  title: string;
  received: string | null;
}

export interface Routing {
  hops: Hop[];
  holder: PersonRef | null;
  delivered: boolean;
}

export interface RecordEvent {
  what: string;
  step?: string;
  actor: PersonRef | null;
  at: string;
  to?: string;
  comments: string;
}

/** Every record kind's JSON: the common part; the rest is read per kind. */
export interface TimeRecord {
  id: number;
  version: number;
  kind?: string;
  employee: PersonRef;
  state: string;
  history?: RecordEvent[];
  [key: string]: any;
}

export interface ReleaseTime extends TimeRecord {
  first_day: string;
  last_day: string;
  consecutive_days: number;
  total: Amount;
  charge?: { as: string; reason: string };
  cutoff?: string;
  fml: { coordinator: PersonRef; copied_at: string; informed_at: string | null; informed_by: PersonRef | null } | null;
  copy: Routing;
}

/** "With Anderson, Ji-woo (lieutenant), 1 of 3" or "Delivered to the bureau chief". */
export function routingText(r: Routing | null | undefined): string {
  if (!r || r.hops.length === 0) return "Not routed";
  if (r.delivered) {
    const last = r.hops[r.hops.length - 1];
    return `Delivered to ${last.recipient?.name ?? "the last recipient"} (${last.title})`;
  }
  const at = r.hops.findIndex((h) => h.recipient?.serial === r.holder?.serial && h.received);
  const hop = at >= 0 ? r.hops[at] : null;
  return hop ? `With ${hop.recipient?.name ?? ""} (${hop.title}), ${at + 1} of ${r.hops.length}` : `${r.hops.length} recipients`;
}

export const RELEASE_CHARGE: Record<string, string> = {
  "release-time": "Release time (qualifies)",
  "sick-leave": "Charged as sick leave",
  undecided: "Not decided yet",
};

export const YEAR_END_KINDS: Record<string, string> = {
  forfeit: "Forfeited",
  cover: "Covered from another bank",
  "pay-adjustment": "Pay adjustment",
  carry: "Carried by an extension",
};
