// One Mentoring Plan (GET /plans/{id}, 3.070-PRO-2): summary, its people, the
// plan's items and their versions (PRO-1.9, PRO-2.6), the twice-monthly
// progress-report schedule (PRO-2.1, 2.7), the §6 weekly compliance, the
// coaching log (PRO-2.4–2.5), the end-of-period decisions, the §6 debrief view
// of the employee's indicator events (GET /plans/{id}/debriefs), the history,
// and a form for each step the caller may take now (plan-steps.ts). A plan the
// caller may not read is a 404 from the server, shown as "Not found".
import { api } from "../api";
import { current, seq, type Route } from "../app";
import { h, put, type Child } from "../dom";
import {
  coachingKindLabel,
  contactLabel,
  type DebriefRow,
  designationPeriodLabel,
  type Plan,
  PLAN_STEPS,
  planStateLabel,
  planStepWords,
  reportStatusLabel,
  subjectLabel,
  withheldLine,
} from "../plan-model";
import { personText, type PersonRef, strategyLabel } from "../review-model";
import { today } from "../session";
import { alert, empty, kindLabel, pageHeading, table, tag } from "../ui";
import { overdueTag } from "./inbox";
import { planStepForm, reportableSlots, submittedReports } from "./plan-steps";

function dl(items: [string, Child][]): HTMLElement {
  return h("dl", { class: "rc-dl rc-dl-stack" }, items.filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

function personLink(p: PersonRef | null): string | HTMLElement {
  if (!p || !p.serial) return "Not assigned";
  return h("a", { href: `#/employees/${encodeURIComponent(p.serial)}`, class: "usa-link" }, personText(p));
}

function yesNo(b: boolean): string {
  return b ? "Yes" : "No";
}

/**
 * The caller's steps as forms. The server lists every step of the state for
 * the plan's person at that level; those that cannot succeed now are left
 * out, as a mature workflow greys out what does not apply: concurring with or
 * returning a report needs a submitted one (PRO-2.3), submitting one needs a
 * form sent and not yet answered (PRO-2.1, 2.7), and the final recommendation
 * waits for the end of the review period (PRO-2.9).
 */
export function takeablePlanSteps(p: Plan, on: string): string[] {
  return p.my_actions.filter((a) => {
    if (a === "concur-report" || a === "return-report") return submittedReports(p).length > 0;
    if (a === "submit-report") return reportableSlots(p, on).length > 0;
    if (a === "recommend") return !p.period_end || on >= p.period_end;
    return true;
  });
}

function coachingDetails(e: Plan["coaching"][number]): string {
  if (e.kind === "ride-along") return `${e.minutes} minutes`;
  if (e.kind === "accompaniment") return contactLabel(e.contact);
  if (e.kind === "debrief") {
    const of = subjectLabel(e.subject);
    const ev = e.event_id ? ` (event ${e.event_id}${e.detail === "general-issues-only" ? ", general issues only" : ""})` : "";
    return `${of}${ev}`;
  }
  return "";
}

/** The §6 debrief view: each event as /debriefs returns it; withheld ones as kind, date and reason only. */
export function debriefList(rows: DebriefRow[] | null): HTMLElement {
  if (rows === null) return empty("The debrief view could not be read.");
  if (!rows.length) return empty("The employee has no indicator events.");
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.event_id - a.event_id));
  return h(
    "ul",
    { class: "usa-list rc-debriefs" },
    sorted.map((r) => {
      if (r.detail === "existence-only") return h("li", { "data-detail": r.detail, "data-event": String(r.event_id) }, tag("Withheld", "rc-tag-withheld"), " ", withheldLine(r));
      const what = `${kindLabel(r.kind)}${r.event?.force_type ? `, Type ${r.event.force_type}` : ""}, ${r.date}${r.event?.incident_number ? `, ${r.event.incident_number}` : ""}`;
      const how = r.detail === "general-issues-only" ? `general issues and best practices only (3.070 §6): ${r.reason}` : "may be debriefed in full";
      return h("li", { "data-detail": r.detail, "data-event": String(r.event_id) }, `${what} — ${how}`);
    }),
  );
}

export async function planPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const id = route.params[0];
  const [planR, debriefR] = await Promise.allSettled([
    api<Plan>("GET", `/plans/${encodeURIComponent(id)}`),
    api<{ events: DebriefRow[] }>("GET", `/plans/${encodeURIComponent(id)}/debriefs`),
  ]);
  if (!current(mySeq)) return;
  if (planR.status === "rejected") throw planR.reason;
  const p = planR.value;
  const debriefs = debriefR.status === "fulfilled" ? debriefR.value.events || [] : null;
  const on = today();
  const actions = takeablePlanSteps(p, on);
  const versions = p.plan_versions || [];
  const currentVersion = versions[versions.length - 1];

  const summary = h(
    "section",
    { "aria-labelledby": "rc-pl-summary-h", class: "rc-section" },
    h("h2", { id: "rc-pl-summary-h" }, "Summary"),
    dl([
      ["Employee", personLink(p.employee)],
      ["Precinct or unit", p.employee.precinct?.name ?? p.employee.unit?.name ?? ""],
      ["Review", h("a", { href: `#/reviews/${p.review_id}`, class: "usa-link" }, `Review ${p.review_id}`)],
      ["State", h("span", { class: "rc-plan-state", "data-state": p.state }, planStateLabel(p.state), p.final ? "" : ` (since ${p.state_since})`)],
      ["Review period (3.070 §2)", designationPeriodLabel(p.designation)],
      ["Period start", p.start],
      ["Period end", p.period_end ?? "None: reports continue until the sergeant's recommendation"],
      ["Extensions (3.070-PRO-2.14)", String(p.extensions)],
      ["Next step due", p.due ? [p.due, " ", p.overdue ? overdueTag() : ""] : p.final ? "Completed" : "Nothing due"],
      ["Overdue progress reports", p.overdue_reports ? [String(p.overdue_reports), " ", overdueTag()] : "0"],
      ["Completed on", p.closed_on ?? ""],
    ]),
  );

  const people = h(
    "section",
    { "aria-labelledby": "rc-pl-people-h", class: "rc-section" },
    h("h2", { id: "rc-pl-people-h" }, "People"),
    table(
      "People of this plan",
      ["Role", "Person"],
      [
        ["Coordinator (opened it)", personLink(p.assigned.coordinator)],
        ["Section captain", personLink(p.assigned.captain)],
        ["Lieutenant", personLink(p.assigned.lieutenant)],
        ["Sergeant", personLink(p.assigned.sergeant)],
        ["Bureau chief", personLink(p.assigned.bureau_chief)],
      ],
      { captionHidden: true, className: "rc-assigned" },
    ),
  );

  const items = h(
    "section",
    { "aria-labelledby": "rc-pl-items-h", class: "rc-section" },
    h("h2", { id: "rc-pl-items-h" }, "The plan"),
    h("h3", null, `Current items (version ${currentVersion?.version ?? 1})`),
    currentVersion?.items.length ? h("ul", { class: "usa-list rc-plan-items" }, currentVersion.items.map((x) => h("li", null, strategyLabel(x)))) : empty("No items."),
    versions.length > 1
      ? table(
          "Versions of the plan (3.070-PRO-1.9, PRO-2.6)",
          ["Version", "Date", "By", "Items", "Reason"],
          versions.map((v) => [String(v.version), v.on, personText(v.by), v.items.map(strategyLabel).join("; "), v.reason || "Developed (3.070-PRO-1.9)"]),
          { className: "rc-versions" },
        )
      : h("p", { class: "rc-hint" }, `Version 1, developed ${currentVersion?.on ?? ""} (3.070-PRO-1.9); not modified since.`),
  );

  const reportRows = (p.reports || []).map((r) => [
    r.due,
    r.issued,
    h("span", { "data-status": r.status }, reportStatusLabel(r.status)),
    r.submitted_on ?? "",
    r.pas_reference ?? "",
    (r.checklist ?? []).map(strategyLabel).join("; "),
    r.overdue ? overdueTag() : "",
  ]);
  const reportsTable = reportRows.length
    ? table("Progress report schedule (3.070-PRO-2.1, 2.7)", ["Due", "Form sent", "Status", "Submitted", "PAS entry", "Checklist", "Overdue"], reportRows, { captionHidden: true, className: "rc-reports" })
    : empty("No progress report is scheduled yet.");
  reportsTable.querySelectorAll("tbody tr").forEach((tr, i) => {
    if (p.reports[i]?.overdue) tr.classList.add("rc-row-overdue");
  });
  const reports = h(
    "section",
    { "aria-labelledby": "rc-pl-reports-h", class: "rc-section" },
    h("h2", { id: "rc-pl-reports-h" }, "Progress reports"),
    h("p", null, "Twice monthly: the Coordinator's form goes to the lieutenant, the sergeant submits the report with its checklist and PAS entry, the lieutenant concurs (3.070-PRO-2.1, 2.3, 2.7–2.8)."),
    reportsTable,
  );

  const weekRows = (p.weekly_compliance || []).map((w) => [
    `${w.first} to ${w.last}`,
    `${w.ride_alongs.done} of ${w.ride_alongs.required}`,
    `${w.accompaniments.done} of ${w.accompaniments.required}`,
    `${w.debriefs_required.length - w.debriefs_missing.length - w.debriefs_pending.length} of ${w.debriefs_required.length}${w.debriefs_pending.length ? `, ${w.debriefs_pending.length} pending` : ""}`,
    w.compliant ? tag("Compliant", "rc-tag-compliant") : [tag("Not compliant", "rc-tag-overdue"), " ", w.missing.join("; ")],
  ]);
  const weeksTable = weekRows.length
    ? table("Weekly compliance (3.070 §6)", ["Work week", "Ride-alongs over one hour", "Accompaniments", "Debriefs", "Compliance"], weekRows, { captionHidden: true, className: "rc-weeks" })
    : empty(p.state === "form-sent" ? "Weeks are judged once the lieutenant has reviewed the plan with the employee (3.070-PRO-2.2)." : "No work week of the plan has ended yet.");
  weeksTable.querySelectorAll("tbody tr").forEach((tr, i) => {
    if (!p.weekly_compliance[i]?.compliant) tr.classList.add("rc-row-overdue");
  });
  const weeks = h(
    "section",
    { "aria-labelledby": "rc-pl-weeks-h", class: "rc-section" },
    h("h2", { id: "rc-pl-weeks-h" }, "Weekly compliance"),
    h("p", null, "Each work week: two ride-alongs longer than one hour, four accompaniments on calls, traffic stops or citizen contacts, and a debrief of each indicator event §6 allows (3.070 §6)."),
    weeksTable,
  );

  const coachingRows = [...(p.coaching || [])]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : b.i - a.i))
    .map(({ e }) => [e.date, coachingKindLabel(e.kind), coachingDetails(e), e.notes, e.employee_feedback, e.reference]);
  const coaching = h(
    "section",
    { "aria-labelledby": "rc-pl-coaching-h", class: "rc-section" },
    h("h2", { id: "rc-pl-coaching-h" }, "Coaching log"),
    coachingRows.length
      ? table("Coaching log, newest first (3.070-PRO-2.4–2.5)", ["Date", "What", "Details", "Notes", "Employee feedback", "Reference"], coachingRows, { captionHidden: true, className: "rc-coaching" })
      : empty("Nothing logged yet."),
  );

  const decisions =
    p.recommendation || p.lieutenant_remove !== null
      ? h(
          "section",
          { "aria-labelledby": "rc-pl-decisions-h", class: "rc-section" },
          h("h2", { id: "rc-pl-decisions-h" }, "End of the review period"),
          dl([
            ["Sergeant's recommendation (3.070-PRO-2.9)", p.recommendation ? `Participated: ${yesNo(p.recommendation.participated)}. Progressed: ${yesNo(p.recommendation.progressed)}. ${p.recommendation.comments} (${p.recommendation.on})` : "Not yet"],
            ["Lieutenant: remove from the program (3.070-PRO-2.11)", p.lieutenant_remove === null ? "Not yet" : yesNo(p.lieutenant_remove)],
          ]),
        )
      : null;

  const debriefSection = h(
    "section",
    { "aria-labelledby": "rc-pl-debrief-h", class: "rc-section" },
    h("h2", { id: "rc-pl-debrief-h" }, "Debrief view"),
    h("p", null, "The employee's indicator events as an after-action debrief may discuss them. Type III uses of force, firearms discharges and open OPA complaints cannot be discussed in detail: only their kind and date are shown (3.070 §6)."),
    debriefList(debriefs),
  );

  const historyRows = p.history.map((e) => [e.step, planStepWords(e.what), personText(e.actor), e.on, planStateLabel(e.to), e.comments || ""]);
  const history = h(
    "section",
    { "aria-labelledby": "rc-pl-history-h", class: "rc-section" },
    h("h2", { id: "rc-pl-history-h" }, "History"),
    table("Steps taken, oldest first", ["Step", "What", "Who", "Date", "State after", "Comments"], historyRows, { captionHidden: true, className: "rc-history" }),
  );

  const steps = h(
    "section",
    { "aria-labelledby": "rc-pl-steps-h", class: "rc-section rc-steps" },
    h("h2", { id: "rc-pl-steps-h" }, "Your steps"),
    actions.length
      ? [h("p", null, `Version ${p.version} of this plan is shown; a step is refused if someone acted on it since.`), actions.map((a) => planStepForm(p, a, debriefs))]
      : empty(p.final ? "This plan is completed; no step remains." : "No step of this plan awaits you now."),
  );

  const callout = actions.length
    ? alert(
        "info",
        null,
        h(
          "p",
          { class: "usa-alert__text" },
          `${actions.length === 1 ? "A step awaits" : "Steps await"} you: ${actions.map((a) => PLAN_STEPS[a]?.title ?? a).join("; ")}. `,
          h("button", { type: "button", class: "usa-button usa-button--unstyled rc-goto-step", onclick: () => main.querySelector<HTMLElement>(".rc-step-form select, .rc-step-form input:not([type=hidden]), .rc-step-form textarea, .rc-step-form button")?.focus() }, "Go to your steps"),
        ),
      )
    : null;

  put(
    main,
    ...pageHeading(`Mentoring Plan ${p.id}: ${p.employee.name}`, "Implementing and completing a Mentoring Plan (3.070-PRO-2). Non-punitive and confidential."),
    callout,
    summary,
    people,
    items,
    reports,
    weeks,
    coaching,
    decisions,
    debriefSection,
    history,
    steps,
  );
}
