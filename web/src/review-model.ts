// Performance Mentoring Reviews (3.070-PRO-1) as the API returns them
// (src/api/review_api.cc), and the words the screens use for their states,
// steps and the §6 coaching strategies. No DOM here.
import type { UnitRef } from "./session";

export interface PersonRef {
  serial: string;
  name: string;
  unit: UnitRef | null;
  precinct: UnitRef | null;
}

export interface ReviewSummary {
  id: number;
  version: number;
  employee: PersonRef;
  indicator: string;
  trigger_date: string;
  state: string;
  state_since: string;
  final: boolean;
  awaiting: { step: string; what: string; role: string; person: PersonRef | null } | null;
  due: string | null;
  overdue: boolean;
  opened: string | null;
  returns: number;
}

/**
 * One inbox row. "pmp-review" rows are ReviewSummary; "pmp-plan" rows are a
 * Mentoring Plan's summary (3.070-PRO-2: id is the plan's, review_id its
 * review's, no indicator); "pmp-plan-to-open" asks the Coordinator to open the
 * plan of a review whose plan was designated (id and review_id: the review);
 * "pmp-committee-schedule" and "pmp-committee-meeting" are the Coordinator's
 * Committee tasks (id 0 or the meeting's; no employee).
 */
export interface InboxItem extends Omit<ReviewSummary, "indicator" | "awaiting" | "employee"> {
  kind: string;
  /** absent on the PMP Committee's items (pmp-committee-schedule, pmp-committee-meeting: 3.070-POL-3) */
  employee?: PersonRef;
  actions: string[];
  indicator?: string;
  review_id?: number;
  awaiting: { step: string; what: string; person?: PersonRef | null } | null;
}

export interface HistoryEntry {
  step: string;
  what: string;
  actor: PersonRef | null;
  at: string;
  on: string;
  from: string;
  to: string;
  comments: string;
}

export interface Designation {
  plan: boolean;
  period: string;
  other_days: number;
  days: number | null;
}

export interface Review extends ReviewSummary {
  trigger: { indicator: string; date: string; event_ids: number[] };
  assigned: Record<"coordinator" | "captain" | "lieutenant" | "sergeant" | "bureau_chief", PersonRef | null>;
  coaching_strategies: string[];
  plan_items: string[];
  sergeant_recommendation: string | null;
  lieutenant_recommendation: string | null;
  designation: Designation | null;
  history: HistoryEntry[];
  my_actions: string[];
}

export interface ReviewList {
  reviews: ReviewSummary[];
  by_state: Record<string, number>;
  overdue: number;
  today: string;
}

/** The states in PRO-1 order (review_workflow.h), with the words the screens show. */
export const STATES: [string, string][] = [
  ["identified", "Identified by the Coordinator"],
  ["captain-notified", "Captain notified"],
  ["lieutenant-assigned", "Lieutenant assigned"],
  ["lieutenant-reviewed", "Lieutenant reviewed the circumstances"],
  ["sergeant-assigned", "Sergeant assigned"],
  ["sergeant-reviewed", "Sergeant reviewed the incidents"],
  ["sergeant-recommended", "Sergeant recommended"],
  ["plan-developed", "Mentoring Plan developed"],
  ["submitted-to-lieutenant", "Submitted to the lieutenant"],
  ["returned-to-sergeant", "Returned to the sergeant for corrections"],
  ["captain-review", "With the captain"],
  ["returned-to-lieutenant", "Returned to the lieutenant"],
  ["captain-designated", "Captain designated"],
  ["forwarded-to-coordinator", "Forwarded to the Coordinator"],
  ["received-by-coordinator", "Received by the Coordinator"],
  ["bureau-chief-review", "With the bureau chief"],
  ["returned-to-captain", "Returned to the captain"],
  ["closed-no-plan", "Closed: no Mentoring Plan"],
  ["plan-designated", "Mentoring Plan designated"],
];

export function stateLabel(state: string): string {
  return STATES.find(([s]) => s === state)?.[1] ?? state;
}

export function stateOrder(state: string): number {
  const i = STATES.findIndex(([s]) => s === state);
  return i < 0 ? STATES.length : i;
}

/** What a step form needs besides optional comments. */
export interface StepSpec {
  clause: string;
  /** the step in words, as a heading and the button's text */
  title: string;
  button: string;
  /** the chain title (GET /employees/{serial} chain[].title) of the person the step names */
  assignee?: { title: string; label: string };
  commentsRequired?: boolean;
  recommendation?: boolean;
  /** coaching strategies (PRO-1.6) or the plan's checklist items (PRO-1.9) */
  items?: "strategies" | "checklist";
  designation?: boolean;
}

/** Every step of PRO-1.2–19, keyed by the API's action name (review_workflow.h ActionKind). */
export const STEPS: Record<string, StepSpec> = {
  "notify-captain": { clause: "3.070-PRO-1.2", title: "Notify the section captain", button: "Notify the captain", assignee: { title: "section captain", label: "Section captain" } },
  "assign-lieutenant": { clause: "3.070-PRO-1.3", title: "Assign a lieutenant", button: "Assign the lieutenant", assignee: { title: "lieutenant", label: "Lieutenant" } },
  "review-circumstances": { clause: "3.070-PRO-1.4", title: "Review the factors and circumstances", button: "Record my review", commentsRequired: true },
  "assign-sergeant": { clause: "3.070-PRO-1.5–6", title: "Assign the sergeant and direct coaching strategies", button: "Assign the sergeant", assignee: { title: "sergeant/supervisor", label: "Sergeant" }, items: "strategies" },
  "review-incidents": { clause: "3.070-PRO-1.7", title: "Review the triggering incidents", button: "I reviewed the incidents" },
  recommend: { clause: "3.070-PRO-1.8", title: "Recommend a Mentoring Plan or no action", button: "Send my recommendation", recommendation: true },
  "develop-plan": { clause: "3.070-PRO-1.9", title: "Develop the Mentoring Plan", button: "Save the plan", items: "checklist" },
  submit: { clause: "3.070-PRO-1.10", title: "Submit the review to the lieutenant", button: "Submit the review" },
  "return-to-sergeant": { clause: "3.070-PRO-1.12", title: "Return it to the sergeant for corrections", button: "Return for corrections", commentsRequired: true },
  "lieutenant-recommend": { clause: "3.070-PRO-1.13", title: "Recommend to the captain", button: "Send my recommendation", recommendation: true },
  "return-to-lieutenant": { clause: "3.070-PRO-1.14", title: "Return it to the lieutenant", button: "Return to the lieutenant", commentsRequired: true },
  designate: { clause: "3.070-PRO-1.15", title: "Designate a Mentoring Plan and its review period", button: "Save the designation", designation: true },
  "forward-to-coordinator": { clause: "3.070-PRO-1.16", title: "Forward the review to the Coordinator", button: "Forward to the Coordinator" },
  receive: { clause: "3.070-PRO-1.17", title: "Receive the completed review", button: "Mark as received" },
  "forward-to-bureau-chief": { clause: "3.070-PRO-1.18", title: "Forward the review to the bureau chief", button: "Forward to the bureau chief", assignee: { title: "bureau chief", label: "Bureau chief" } },
  concur: { clause: "3.070-PRO-1.18", title: "Concur with the review", button: "Concur" },
  "return-for-additional-action": { clause: "3.070-PRO-1.18", title: "Return it for additional action", button: "Return for additional action", commentsRequired: true },
  assist: { clause: "3.070-PRO-1.19", title: "Record assistance given", button: "Add the note", commentsRequired: true },
};

/** The history's `what` ("identify", an action name) in words. */
export function stepWords(what: string): string {
  if (what === "identify") return "Identified the employee";
  return STEPS[what]?.title ?? what;
}

/**
 * 3.070 §6 coaching and mentoring strategies, stored by these names (the API
 * walk uses "ride-alongs" and "assigned-reading"). PRO-1.6 names ride-alongs
 * and assigned reading; §6 names conversations, ride-alongs, accompaniment on
 * calls and after-action debriefs; training is one of the policy's aims
 * ("Training/Education"). Anything else is a free "other" entry.
 */
export const STRATEGIES: [string, string][] = [
  ["conversations", "Regular and consistent conversations about issues and incidents"],
  ["ride-alongs", "Sergeant ride-alongs longer than one hour, at least twice per work week"],
  ["call-accompaniment", "Sergeant accompaniment on at least four calls, traffic stops or contacts per work week"],
  ["after-action-debriefs", "After-action debriefs of significant events and indicator incidents"],
  ["assigned-reading", "Assigned reading"],
  ["training", "Training"],
];

export function strategyLabel(item: string): string {
  return STRATEGIES.find(([k]) => k === item)?.[1] ?? item;
}

export function recommendationLabel(r: string | null): string {
  if (r === "plan") return "A Mentoring Plan";
  if (r === "no-action") return "No action";
  return "Not yet";
}

export function designationLabel(d: Designation | null): string {
  if (!d) return "Not yet";
  if (!d.plan) return "No Mentoring Plan";
  if (d.period === "no-review") return "Mentoring Plan, no review necessary";
  if (d.period === "other") return `Mentoring Plan, review after ${d.other_days} days (other)`;
  return `Mentoring Plan, ${d.period}-day review period`;
}

export function personText(p: PersonRef | null | undefined): string {
  if (!p || !p.serial) return "Not assigned";
  return `${p.name} (${p.serial})`;
}
