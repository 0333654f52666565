// One Performance Mentoring Review (GET /reviews/{id}): summary, who is
// assigned at each level, strategies and plan checklist, recommendations,
// designation, the history, and below a form for each step the caller may
// take now (`my_actions`, review-steps.ts). A review the caller may not read
// is a 404 from the server, shown as "Not found".
import { api } from "../api";
import { current, seq, type Route } from "../app";
import { h, put, type Child } from "../dom";
import {
  designationLabel,
  personText,
  recommendationLabel,
  type PersonRef,
  type Review,
  stateLabel,
  stepWords,
  strategyLabel,
} from "../review-model";
import { alert, empty, INDICATORS, pageHeading, table } from "../ui";
import type { Employee } from "./employee";
import { overdueTag } from "./inbox";
import { type ChainPerson, stepForm } from "./review-steps";

function dl(items: [string, Child][]): HTMLElement {
  return h("dl", { class: "rc-dl rc-dl-stack" }, items.filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

function personLink(p: PersonRef | null): string | HTMLElement {
  if (!p || !p.serial) return "Not assigned";
  return h("a", { href: `#/employees/${encodeURIComponent(p.serial)}`, class: "usa-link" }, personText(p));
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function list(items: string[], none: string, label: (x: string) => string = (x) => x): HTMLElement {
  return items.length ? h("ul", { class: "usa-list" }, items.map((x) => h("li", null, label(x)))) : empty(none);
}

/** The employee's chain of command today, for the assignee selects; null if it cannot be read. */
async function chainOf(serial: string): Promise<ChainPerson[] | null> {
  try {
    const e = await api<Employee>("GET", `/employees/${encodeURIComponent(serial)}`);
    return (e.chain ?? [])
      .filter((c) => c.serial)
      .map((c) => ({ title: c.title ?? "", serial: c.serial ?? "", name: c.name ?? "", unit: c.unit?.name ?? "", acting: c.acting }));
  } catch {
    return null;
  }
}

/**
 * The caller's steps as forms. The server lists every step that may follow the
 * state; two of them depend on the sergeant's recommendation (3.070-PRO-1.9–10):
 * a plan must be developed before it is submitted, and "no action" has no plan.
 * Those the server would refuse are not shown.
 */
export function takeableSteps(r: Review): string[] {
  return r.my_actions.filter((a) => {
    if (a === "develop-plan") return r.sergeant_recommendation === "plan";
    if (a === "submit" && r.state === "sergeant-recommended") return r.sergeant_recommendation !== "plan";
    return true;
  });
}

export async function reviewPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const id = route.params[0];
  const r = await api<Review>("GET", `/reviews/${encodeURIComponent(id)}`);
  const actions = takeableSteps(r);
  const needsChain = actions.some((a) => ["notify-captain", "assign-lieutenant", "assign-sergeant", "forward-to-bureau-chief"].includes(a));
  const chain = needsChain ? await chainOf(r.employee.serial) : null;
  if (!current(mySeq)) return;

  const summary = h(
    "section",
    { "aria-labelledby": "rc-rv-summary-h", class: "rc-section" },
    h("h2", { id: "rc-rv-summary-h" }, "Summary"),
    dl([
      ["Employee", personLink(r.employee)],
      ["Precinct or unit", r.employee.precinct?.name ?? r.employee.unit?.name ?? ""],
      ["Trigger", [h("span", { class: `rc-ind rc-ind-${r.indicator}` }, r.indicator), ` ${INDICATORS[r.indicator] ?? ""}, crossed on ${r.trigger_date}`]],
      ["Opened", r.opened ?? ""],
      ["State", h("span", { class: "rc-review-state", "data-state": r.state }, `${stateLabel(r.state)} (since ${r.state_since})`)],
      ["Awaiting", r.awaiting ? `${capital(r.awaiting.what)} (${r.awaiting.step}) by ${r.awaiting.person ? personText(r.awaiting.person) : "any Performance Mentoring Coordinator"}` : "Nothing: 3.070-PRO-1 is finished"],
      ["Due", r.due ? [r.due, r.overdue ? [" ", overdueTag()] : null] : null],
      ["Returned down the chain", r.returns ? `${r.returns} time${r.returns === 1 ? "" : "s"}` : null],
    ]),
  );

  const assigned = h(
    "section",
    { "aria-labelledby": "rc-rv-assigned-h", class: "rc-section" },
    h("h2", { id: "rc-rv-assigned-h" }, "Assigned"),
    table(
      "Who is assigned at each level",
      ["Level", "Person", "Step"],
      [
        ["Performance Mentoring Coordinator", personLink(r.assigned.coordinator), "3.070-PRO-1.1 identified; any Coordinator may act"],
        ["Section captain", personLink(r.assigned.captain), "3.070-PRO-1.2"],
        ["Lieutenant", personLink(r.assigned.lieutenant), "3.070-PRO-1.3"],
        ["Sergeant", personLink(r.assigned.sergeant), "3.070-PRO-1.5"],
        ["Bureau chief", personLink(r.assigned.bureau_chief), "3.070-PRO-1.18"],
      ],
      { captionHidden: true, className: "rc-assigned" },
    ),
  );

  const plan = h(
    "section",
    { "aria-labelledby": "rc-rv-plan-h", class: "rc-section" },
    h("h2", { id: "rc-rv-plan-h" }, "Coaching and the Mentoring Plan"),
    h("h3", null, "Coaching strategies directed (3.070-PRO-1.6)"),
    list(r.coaching_strategies, "None directed yet.", strategyLabel),
    h("h3", null, "Plan checklist (3.070-PRO-1.9)"),
    list(r.plan_items, "No checklist yet.", strategyLabel),
    h("h3", null, "Recommendations and designation"),
    dl([
      ["Sergeant (3.070-PRO-1.8)", recommendationLabel(r.sergeant_recommendation)],
      ["Lieutenant (3.070-PRO-1.13)", recommendationLabel(r.lieutenant_recommendation)],
      ["Captain's designation (3.070-PRO-1.15)", designationLabel(r.designation)],
    ]),
  );

  const historyRows = r.history.map((e) => [e.step, stepWords(e.what), personText(e.actor), e.on, stateLabel(e.to), e.comments || ""]);
  const history = h(
    "section",
    { "aria-labelledby": "rc-rv-history-h", class: "rc-section" },
    h("h2", { id: "rc-rv-history-h" }, "History"),
    table("Steps taken, oldest first", ["Step", "What", "Who", "Date", "State after", "Comments"], historyRows, { captionHidden: true, className: "rc-history" }),
  );

  const steps = h(
    "section",
    { "aria-labelledby": "rc-rv-steps-h", class: "rc-section rc-steps" },
    h("h2", { id: "rc-rv-steps-h" }, "Your steps"),
    actions.length
      ? [h("p", null, `Version ${r.version} of this review is shown; a step is refused if someone acted on it since.`), actions.map((a) => stepForm(r, a, chain))]
      : empty(r.final ? "This review is finished; no step remains." : "No step of this review awaits you now."),
  );

  // The forms are at the end; say at the top that one awaits the caller.
  const mine = actions.filter((a) => a !== "assist");
  const callout = mine.length
    ? alert(
        "info",
        null,
        h(
          "p",
          { class: "usa-alert__text" },
          `A step awaits you: ${capital(r.awaiting?.what ?? "")} (${r.awaiting?.step ?? ""}). `,
          h("button", { type: "button", class: "usa-button usa-button--unstyled rc-goto-step", onclick: () => main.querySelector<HTMLElement>(".rc-step-form input:not([type=hidden]), .rc-step-form select, .rc-step-form textarea, .rc-step-form button")?.focus() }, "Go to your step"),
        ),
      )
    : null;

  put(
    main,
    ...pageHeading(`Review ${r.id}: ${r.employee.name}`, "Performance Mentoring Review (3.070-PRO-1). Non-punitive and confidential."),
    callout,
    summary,
    assigned,
    plan,
    history,
    steps,
  );
}
