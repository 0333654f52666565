// Mentoring Plans (3.070-PRO-2), the §6 debrief view and the PMP Committee's
// meetings (3.070 §3) as the API returns them (src/api/plan_api.cc,
// committee_api.cc), with the words the screens use for their states, steps,
// coaching kinds and stakeholder seats. No DOM here.
import type { PersonRef } from "./review-model";
import type { UnitRef } from "./session";
import { kindLabel } from "./ui";

export interface PlanSummary {
  id: number;
  version: number;
  review_id: number;
  employee: PersonRef;
  state: string;
  state_since: string;
  final: boolean;
  start: string;
  period_end: string | null;
  extensions: number;
  due: string | null;
  overdue: boolean;
  overdue_reports: number;
}

export interface PlanVersion {
  version: number;
  on: string;
  by: PersonRef | null;
  items: string[];
  reason: string;
}

export interface CoachingEntry {
  kind: string;
  date: string;
  minutes: number;
  contact: string | null;
  subject: string | null;
  event_id: number | null;
  detail: string | null;
  notes: string;
  employee_feedback: string;
  reference: string;
}

/** One slot of the twice-monthly schedule (PRO-2.1) and its report (PRO-2.7), if any. */
export interface ReportRow {
  issued: string;
  due: string;
  status: string;
  overdue: boolean;
  submitted_on?: string;
  checklist?: string[];
  pas_reference?: string;
  plan_version?: number;
  comments?: string;
  decided_on?: string | null;
  returns?: number;
}

export interface WeekRow {
  week_start: string;
  first: string;
  last: string;
  ride_alongs: { required: number; done: number };
  accompaniments: { required: number; done: number };
  debriefs_required: number[];
  debriefs_missing: number[];
  debriefs_pending: number[];
  compliant: boolean;
  missing: string[];
}

export interface PlanHistoryEntry {
  step: string;
  what: string;
  actor: PersonRef | null;
  at: string;
  on: string;
  from: string;
  to: string;
  comments: string;
}

export interface Plan extends PlanSummary {
  assigned: Record<"coordinator" | "captain" | "lieutenant" | "sergeant" | "bureau_chief", PersonRef | null>;
  designation: { period: string; days: number | null };
  plan_versions: PlanVersion[];
  coaching: CoachingEntry[];
  reports: ReportRow[];
  weekly_compliance: WeekRow[];
  recommendation: { participated: boolean; progressed: boolean; comments: string; on: string } | null;
  lieutenant_remove: boolean | null;
  returns: number;
  closed_on: string | null;
  history: PlanHistoryEntry[];
  my_actions: string[];
}

/** GET /plans/{id}/debriefs: one indicator event as a §6 debrief may show it. */
export interface DebriefRow {
  event_id: number;
  kind: string;
  date: string;
  detail: "full" | "general-issues-only" | "existence-only" | string;
  clause: string;
  reason: string;
  /** only for detail "full" */
  event?: { incident_number?: string; force_type?: string; text?: string; [k: string]: unknown };
}

/** The plan states in PRO-2 order (plan_workflow.h PlanState). */
export const PLAN_STATES: [string, string][] = [
  ["form-sent", "First progress report form sent to the lieutenant"],
  ["implementing", "Being implemented"],
  ["sergeant-recommended", "Sergeant recommended"],
  ["lieutenant-specified", "Lieutenant specified"],
  ["captain-review", "With the captain"],
  ["returned-to-lieutenant", "Returned to the lieutenant"],
  ["completion-designated", "Captain designated completion"],
  ["received-by-coordinator", "Received by the Coordinator"],
  ["bureau-chief-review", "With the bureau chief"],
  ["returned-to-captain", "Returned to the captain for additional actions"],
  ["completed", "Completed"],
];

export function planStateLabel(state: string): string {
  return PLAN_STATES.find(([s]) => s === state)?.[1] ?? state;
}

/** Each PRO-2 step by the API's action name: its clause, words and what its form asks. */
export interface PlanStepSpec {
  clause: string;
  title: string;
  button: string;
  commentsRequired?: boolean;
  /** the form's own fields (plan-steps.ts) */
  form?: "coaching" | "modify" | "report" | "decide-report" | "recommend" | "specify" | "designate";
}

export const PLAN_STEPS: Record<string, PlanStepSpec> = {
  "review-with-employee": { clause: "3.070-PRO-2.2", title: "Review the Mentoring Plan with the employee and sergeant", button: "Record the review", commentsRequired: true },
  "log-coaching": { clause: "3.070-PRO-2.4–2.5", title: "Log coaching and mentoring", button: "Add to the coaching log", form: "coaching" },
  "modify-plan": { clause: "3.070-PRO-2.6", title: "Modify the Mentoring Plan", button: "Save the new version", commentsRequired: true, form: "modify" },
  "submit-report": { clause: "3.070-PRO-2.7–2.8", title: "Submit a progress report", button: "Submit the report", form: "report" },
  "concur-report": { clause: "3.070-PRO-2.3", title: "Concur with a progress report", button: "Concur", form: "decide-report" },
  "return-report": { clause: "3.070-PRO-2.3", title: "Return a progress report to the sergeant", button: "Return the report", commentsRequired: true, form: "decide-report" },
  recommend: { clause: "3.070-PRO-2.9", title: "Recommend at the end of the review period", button: "Send my recommendation", commentsRequired: true, form: "recommend" },
  "return-to-sergeant": { clause: "3.070-PRO-2.10", title: "Return the recommendation to the sergeant", button: "Return to the sergeant", commentsRequired: true },
  specify: { clause: "3.070-PRO-2.10–2.11", title: "Specify whether the employee should be removed from the program", button: "Record my decision", form: "specify" },
  "forward-to-captain": { clause: "3.070-PRO-2.12", title: "Forward the progress reports to the section captain", button: "Forward to the captain" },
  "return-to-lieutenant": { clause: "3.070-PRO-2.13", title: "Return the progress reports to the lieutenant", button: "Return to the lieutenant", commentsRequired: true },
  designate: { clause: "3.070-PRO-2.14", title: "Designate completion or an extension", button: "Save the designation", form: "designate" },
  receive: { clause: "3.070-PRO-2.15", title: "Receive the completed progress reports", button: "Mark as received" },
  "forward-to-bureau-chief": { clause: "3.070-PRO-2.16", title: "Forward the progress reports to the bureau chief", button: "Forward to the bureau chief" },
  complete: { clause: "3.070-PRO-2.17–2.18", title: "Designate the Mentoring Plan completed", button: "Complete the plan" },
  "direct-additional-actions": { clause: "3.070-PRO-2.18", title: "Direct additional actions", button: "Direct additional actions", commentsRequired: true },
};

/** The history's `what` ("open", an action name) in words. */
export function planStepWords(what: string): string {
  if (what === "open") return "Opened the plan and sent the first progress report form";
  return PLAN_STEPS[what]?.title ?? what;
}

/** Coaching log kinds (coaching_log.h CoachingKind) and the §6 strategy each records. */
export const COACHING_KINDS: [string, string][] = [
  ["ride-along", "Ride-along (counts toward §6 when longer than one hour)"],
  ["accompaniment", "Accompaniment on a call, traffic stop or citizen contact"],
  ["debrief", "After-action debrief"],
  ["conversation", "Conversation about issues and incidents"],
  ["assignment", "Assigned reading or training"],
  ["other", "Other"],
];
export const CONTACT_KINDS: [string, string][] = [
  ["call", "Call for service"],
  ["traffic-stop", "Traffic stop"],
  ["citizen-contact", "Citizen contact"],
];
export const DEBRIEF_SUBJECTS: [string, string][] = [
  ["indicator-event", "One of the employee's indicator events"],
  ["significant-event", "A significant event"],
  ["arrest", "An arrest"],
];

export function coachingKindLabel(kind: string): string {
  return (COACHING_KINDS.find(([k]) => k === kind)?.[1] ?? kind).replace(/ \(.*\)$/, "");
}
export function contactLabel(c: string | null): string {
  return CONTACT_KINDS.find(([k]) => k === c)?.[1] ?? c ?? "";
}
export function subjectLabel(s: string | null): string {
  return DEBRIEF_SUBJECTS.find(([k]) => k === s)?.[1] ?? s ?? "";
}

export function reportStatusLabel(s: string): string {
  return { missing: "Not submitted", submitted: "Submitted, awaiting the lieutenant", returned: "Returned to the sergeant", concurred: "Concurred" }[s] ?? s;
}

export function designationPeriodLabel(d: { period: string; days: number | null }): string {
  if (d.period === "no-review") return "No review necessary";
  return d.days ? `${d.days} days` : d.period;
}

/** True when a debrief may be held of the event (§6: not existence-only). */
export function debriefable(r: DebriefRow): boolean {
  return r.detail === "full" || r.detail === "general-issues-only";
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * An event a debrief may only know exists, in words: the server's reason
 * starts with what the event is ("Type III use of force: cannot be discussed
 * …"), so that part names it and the rest says why; without one, the kind.
 */
export function withheldText(r: DebriefRow): { what: string; why: string } {
  const i = r.reason.indexOf(": ");
  if (i > 0) return { what: capital(r.reason.slice(0, i)), why: r.reason.slice(i + 2) };
  return { what: kindLabel(r.kind), why: r.reason };
}

/** "Type III use of force, 2026-11-18 — details withheld (3.070 §6): cannot be discussed …" */
export function withheldLine(r: DebriefRow): string {
  const { what, why } = withheldText(r);
  return `${what}, ${r.date} — details withheld (3.070 §6): ${why}`;
}

// ---- the PMP Committee (3.070 §3)

export interface Meeting {
  id: number;
  version: number;
  final: boolean;
  scheduled_for: string;
  agenda: string;
  state: string;
  held_on: string | null;
  seats_present: string[];
  attendees: string[];
  minutes: string;
  recommendations: { text: string; threshold_set_id: number | null }[];
  forwarded_on: string | null;
  history: { what: string; actor: number; at: string; on: string; comments: string }[];
}

export interface MeetingList {
  meetings: Meeting[];
  next_meeting_due: string;
  overdue: boolean;
}

/** The stakeholders §3 names, each "or designee" (committee_meeting.h Seat). */
export const SEATS: [string, string][] = [
  ["operations-bureau-chief", "Operations Bureau Chief or designee"],
  ["investigations-bureau-chief", "Investigations Bureau Chief or designee"],
  ["opa-director", "OPA Director or designee"],
  ["force-investigations-team", "Representative from the Force Investigations Team"],
  ["employee-services-lieutenant", "Employee Services Lieutenant"],
  ["pm-coordinator", "Performance Mentoring Coordinator"],
];

export function seatLabel(s: string): string {
  return SEATS.find(([k]) => k === s)?.[1] ?? s;
}

export const MEETING_STATES: Record<string, string> = {
  scheduled: "Scheduled",
  held: "Held",
  forwarded: "Recommendations forwarded to the Chief of Police",
  cancelled: "Cancelled",
};

// ---- 3.070 §5 statistics (GET /pmp-statistics)

export interface SupervisorRow {
  supervisor: (PersonRef & { label?: undefined }) | { label: string; serial?: undefined; name?: undefined };
  officers: number;
  reviews: number;
  rate: number;
  flagged: boolean;
}

export interface PrecinctRow {
  precinct: UnitRef | null;
  uses_of_force: number;
  uses_of_force_by_type: Record<string, number>;
  firearm_discharges: number;
  opa_complaints: number;
  opa_dispositions: Record<string, number>;
  officers_with_reviews: number;
  reviews: number;
  supervisors: SupervisorRow[];
}

export interface ProgramStatistics {
  from: string;
  to: string;
  department_rate: number;
  flag_multiple: number;
  unplaced: number;
  precincts: PrecinctRow[];
}
