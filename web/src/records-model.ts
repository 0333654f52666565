// 4.010 time records that are not leave requests (src/api/timeoff/records_requests.cc):
// comp-time cash-outs (POL-10), release time (POL-11, PRO-2), working a circle
// furlough day (POL-12), special duty days (POL-13, form 15.8) and guild days
// (POL-14, form 2.23.1): their shapes, their words, and the employee's own list.
import { api } from "./api";
import type { Amount } from "./leave-model";
import type { PersonRef } from "./review-model";

/** The route word of each kind (#/time-records/{kind}/{id}), its API list and the list's key. */
export const RECORD_KINDS = {
  "cash-out": { path: "/comp-time/cash-outs", key: "cash_outs", label: "Comp time cash-out", clause: "4.010-POL-10" },
  "release-time": { path: "/release-time", key: "release_time", label: "Release time", clause: "4.010-POL-11, PRO-2" },
  "furlough-work": { path: "/furlough-work", key: "furlough_work", label: "Working a furlough day", clause: "4.010-POL-12" },
  "special-duty": { path: "/special-duty", key: "special_duty", label: "Special duty (form 15.8)", clause: "4.010-POL-13" },
  "guild-day": { path: "/guild-days", key: "guild_days", label: "Guild days (form 2.23.1)", clause: "4.010-POL-14" },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

export interface CompTime {
  employee: PersonRef;
  balance: Amount;
  available: Amount;
  cap: Amount;
  bargaining_unit: string;
  today: string;
}

/** The fields of any of the five records that the lists show. */
export interface TimeRecord {
  id: number;
  kind: string;
  version: number;
  employee: PersonRef;
  state: string;
  // cash-out: the amount at top level
  minutes?: number;
  hours?: number;
  requested_at?: string;
  // release time
  relationship?: string;
  first_day?: string;
  last_day?: string;
  total?: Amount;
  time?: Amount;
  // furlough work
  furlough_day?: string;
  day_off?: string | null;
  day_off_status?: string;
  flsa_period?: { first: string; last: string; limit: Amount };
  // special duty, guild days
  days?: string[];
  per_day?: Amount;
  purpose?: string;
  business?: string;
  comments?: string;
}

export const RECORD_STATES: Record<string, string> = {
  requested: "Submitted, awaiting a decision",
  approved: "Approved",
  denied: "Denied",
  disapproved: "Disapproved",
  paid: "Paid",
  refused: "Refused",
  "form-completed": "Form 2.27 completed",
  forwarded: "Forwarded to Payroll",
  received: "Received by Payroll",
};

export function recordStateLabel(s: string): string {
  return RECORD_STATES[s] ?? s;
}

export const SPECIAL_DUTY_PURPOSES: [string, string][] = [
  ["business-meeting", "Job-related business meeting"],
  ["extradition", "Extradition"],
  ["outside-testimony", "Testifying in an outside jurisdiction"],
  ["other", "Other Department business (describe it)"],
];

/**
 * Immediate family for release time (4.010-POL-11). The API publishes no
 * list: these are the domain's defaults (ReleaseTimeRules::immediate_family);
 * the server decides.
 */
export const RELATIONSHIPS: [string, string][] = [
  ["spouse", "Spouse"],
  ["domestic-partner", "Domestic partner"],
  ["child", "Child"],
  ["stepchild", "Stepchild"],
  ["parent", "Parent"],
  ["stepparent", "Stepparent"],
  ["sibling", "Sibling"],
  ["grandparent", "Grandparent"],
  ["grandchild", "Grandchild"],
  ["parent-in-law", "Parent-in-law"],
];

function amountText(a: { hours?: number } | null | undefined): string {
  if (!a || a.hours === undefined) return "";
  return `${a.hours.toFixed(2).replace(/\.?0+$/, "")} h`;
}

/** When and how much, in a few words, for the "My requests" list. */
export function recordSummary(kind: RecordKind, r: TimeRecord): { when: string; what: string } {
  switch (kind) {
    case "cash-out":
      return { when: (r.requested_at ?? "").slice(0, 10), what: amountText(r) };
    case "release-time":
      return { when: r.first_day === r.last_day ? (r.first_day ?? "") : `${r.first_day} to ${r.last_day}`, what: `${amountText(r.total ?? r.time)}, ${r.relationship ?? ""}` };
    case "furlough-work":
      return { when: r.furlough_day ?? "", what: amountText(r.time) };
    case "special-duty":
      return { when: (r.days ?? []).join(", "), what: `${amountText(r.per_day)} a day, ${SPECIAL_DUTY_PURPOSES.find(([v]) => v === r.purpose)?.[1] ?? r.purpose ?? ""}` };
    case "guild-day":
      return { when: (r.days ?? []).join(", "), what: `${amountText(r.per_day)} a day` };
  }
}

/** The caller's own records of every kind (the lists hold everyone in the caller's scope). */
export async function myRecords(serial: string): Promise<{ kind: RecordKind; record: TimeRecord }[]> {
  const kinds = Object.keys(RECORD_KINDS) as RecordKind[];
  const lists = await Promise.all(
    kinds.map((k) => api<Record<string, TimeRecord[]>>("GET", RECORD_KINDS[k].path).then((r) => r[RECORD_KINDS[k].key] ?? [])),
  );
  const out: { kind: RecordKind; record: TimeRecord }[] = [];
  kinds.forEach((k, i) => {
    for (const r of lists[i]) if (r.employee?.serial === serial) out.push({ kind: k, record: r });
  });
  return out;
}

/** The record page the other screens link to (web/src/pages/time-record.ts). */
export function recordHref(kind: RecordKind, id: number): string {
  return `#/time-records/${kind}/${id}`;
}
