import { api, setCsrfToken } from "./api";

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: string;
}

export interface User {
  username: string;
  serial: string;
  name: string;
  roles: string[];
  unit: UnitRef | null;
  totp_enabled: boolean;
  totp_enrolment_required: boolean;
  today: string;
}

export interface Session {
  user: User;
  csrf_token: string;
  expires_at?: string;
  idle_timeout_seconds?: number;
}

let current: Session | null = null;

export function session(): Session | null {
  return current;
}

export function user(): User {
  if (!current) throw new Error("not signed in");
  return current.user;
}

export function setSession(s: Session | null): void {
  current = s;
  setCsrfToken(s ? s.csrf_token : "");
}

/** Loads the session from the server; null when there is none. */
export async function loadSession(): Promise<Session | null> {
  try {
    const s = await api<Session>("GET", "/session", { expect401: true });
    setSession(s);
  } catch {
    setSession(null);
  }
  return current;
}

export function today(): string {
  if (current?.user.today) return current.user.today;
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- what each role may use (the server enforces; this only shapes the UI)

const CHAIN = ["supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police"];

function hasAny(roles: readonly string[]): boolean {
  if (!current) return false;
  return current.user.roles.some((r) => roles.includes(r));
}

export const can = {
  dashboard: () => hasAny([...CHAIN, "pm-coordinator"]),
  recordEvents: () => hasAny([...CHAIN, "pm-coordinator"]),
  directory: () =>
    hasAny([...CHAIN, "pm-coordinator", "hr-director", "payroll", "fml-coordinator", "administrator"]),
  thresholds: () => hasAny(["pm-coordinator", "pmp-committee", "chief-of-police", "bureau-chief"]),
  proposeThresholds: () => hasAny(["pm-coordinator"]),
  approveThresholds: () => hasAny(["chief-of-police"]),
  stats: () => hasAny(["pm-coordinator", "pmp-committee", "chief-of-police", "bureau-chief", "captain"]),
  audit: () => hasAny(["administrator"]),
  /** the inbox of review steps awaiting the caller (3.070-PRO-1): everyone signed in */
  inbox: () => !!current,
  /** the reviews pipeline: the Coordinator sees all, the chain of command their own command's */
  reviews: () => hasAny([...CHAIN, "pm-coordinator"]),
  /** opening a review from a trigger is the Coordinator's (3.070-PRO-1.1) */
  openReviews: () => hasAny(["pm-coordinator"]),
  ownRecord: () => !!current?.user.serial,
  /** leave requests and timesheets of their people (4.010-POL-2, POL-3, PRO-1): sergeants and captains */
  approveLeave: () => hasAny(["supervisor", "lieutenant", "captain", "bureau-chief"]),
  /** the employee's own time records (4.010-POL-10–POL-14): anyone with an employee record */
  timeRecords: () => !!current?.user.serial,
  /**
   * the team leave calendar (4.010-PRO-1.2 staffing): sergeants and above, for
   * the units they lead (the server answers 404 for a unit the caller does not lead)
   */
  teamCalendar: () => hasAny(CHAIN),
  /** Mentoring Plans (3.070-PRO-2): the Coordinator all, the chain of command their command's */
  plans: () => hasAny([...CHAIN, "pm-coordinator"]),
  /** the PMP Committee's meetings (3.070-POL-3): whoever reads threshold sets */
  committee: () => hasAny(["pm-coordinator", "pmp-committee", "chief-of-police", "bureau-chief"]),
  /** scheduling and recording the Committee's meetings is the Coordinator's (3.070-POL-3) */
  manageCommittee: () => hasAny(["pm-coordinator"]),
  /** Payroll's page: accrual runs, year end, the corrections / cash-out / release-time / extension queues (4.010-POL-7, POL-8, POL-10, PRO-2) */
  payroll: () => hasAny(["payroll"]),
  /** the HR director's AWOL memos (4.010-POL-9) */
  hr: () => hasAny(["hr-director"]),
  /** the FML coordinator's copies of form 2.27 over three consecutive days (4.010-PRO-2.5, 2.6) */
  fml: () => hasAny(["fml-coordinator"]),
  /** time records awaiting a decision: the chain of command (corrections, extensions, release time, AWOL copies, special duty) and the Guild president (guild days) */
  timeRecordDecisions: () => hasAny([...CHAIN, "guild-president"]),
  /** may correct or withdraw events of this employee (Coordinator, or chain of command) */
  writeEventsOf: (serial: string) =>
    hasAny(["pm-coordinator"]) || (hasAny(CHAIN) && current?.user.serial !== serial),
};

export const ROLE_NAMES: Record<string, string> = {
  employee: "Employee",
  supervisor: "Sergeant / supervisor",
  lieutenant: "Lieutenant",
  captain: "Captain",
  "bureau-chief": "Bureau chief",
  "chief-of-police": "Chief of Police",
  "pm-coordinator": "Performance Mentoring Coordinator",
  "pmp-committee": "PMP Committee",
  payroll: "Payroll",
  "hr-director": "HR director",
  "fml-coordinator": "Family Medical Leave coordinator",
  "guild-president": "Guild president",
  administrator: "Administrator",
};
