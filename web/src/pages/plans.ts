// Mentoring Plans (GET /plans, 3.070-PRO-2): the plans the caller may read,
// open (default), completed or all, overdue first, with the CSV export. The
// Coordinator sees every plan; the chain of command those of their command;
// an employee their own.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { type PlanSummary, planStateLabel } from "../plan-model";
import { checkboxField, empty, pageHeading, selectField, table } from "../ui";
import { overdueTag } from "./inbox";

/** A table of plans; `withEmployee` false on the employee's own page. */
export function plansTable(plans: PlanSummary[], caption: string, withEmployee = true): HTMLElement {
  const rows = plans.map((p) => [
    h("a", { href: `#/plans/${p.id}`, class: "usa-link" }, `Plan ${p.id}`),
    withEmployee ? h("a", { href: `#/employees/${encodeURIComponent(p.employee.serial)}`, class: "usa-link" }, `${p.employee.name} (${p.employee.serial})`) : null,
    withEmployee ? (p.employee.precinct?.name ?? p.employee.unit?.name ?? "") : null,
    planStateLabel(p.state),
    p.start,
    p.period_end ?? "None",
    String(p.extensions),
    p.due ?? "",
    p.overdue ? overdueTag() : "",
  ].filter((c) => c !== null));
  const headers = ["Plan", ...(withEmployee ? ["Employee", "Precinct or unit"] : []), "State", "Start", "Period end", "Extensions", "Due", "Overdue"];
  const t = table(caption, headers, rows, { captionHidden: true, className: "rc-plans" });
  t.querySelectorAll("tbody tr").forEach((tr, i) => {
    if (plans[i].overdue) tr.classList.add("rc-row-overdue");
  });
  return t;
}

export async function plansPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const which = ["open", "final", "all"].includes(route.query.get("state") ?? "") ? route.query.get("state")! : "open";
  const onlyOverdue = route.query.get("overdue") === "1";
  const data = await api<{ plans: PlanSummary[] }>("GET", withQuery("/plans", { state: which }));
  if (!current(mySeq)) return;
  // The API filters by state; "overdue only" is this screen's (the CSV holds an overdue column).
  const plans = (data.plans || [])
    .filter((p) => !onlyOverdue || p.overdue)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? "9999") .localeCompare(b.due ?? "9999") || a.id - b.id);
  const overdue = plans.filter((p) => p.overdue).length;

  const stateField = selectField({ name: "state", label: "Plans", options: [["open", "Open"], ["final", "Completed"], ["all", "All"]], value: which });
  const overdueField = checkboxField({ name: "overdue", label: "Overdue only", value: onlyOverdue ? "true" : "" });
  const form = h(
    "form",
    { class: "rc-filters", novalidate: true, "aria-label": "Filter plans" },
    h("div", { class: "rc-filter-row" }, stateField.group, overdueField.group),
    h("div", { class: "usa-button-group" }, h("button", { type: "submit", class: "usa-button" }, "Apply filters"), h("a", { href: "#/plans", class: "usa-button usa-button--outline" }, "Clear")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(`#${withQuery("/plans", { state: stateField.value() === "open" ? null : stateField.value(), overdue: overdueField.value() ? "1" : null })}`);
  });
  const csvHref = `/api/v1${withQuery("/plans", { format: "csv", state: which })}`;

  put(
    main,
    ...pageHeading("Mentoring Plans", "Mentoring Plans being implemented and completed (3.070-PRO-2). Overdue first."),
    form,
    h(
      "p",
      { class: "rc-result-count", role: "status" },
      plans.length === 0 ? "No plans match." : `${plans.length} plan${plans.length === 1 ? "" : "s"}, ${overdue} overdue.`,
      " ",
      h("a", { href: csvHref, class: "usa-link", download: "plans.csv" }, "Download CSV"),
    ),
    plans.length ? plansTable(plans, "Mentoring Plans") : empty(which === "final" ? "No plan has been completed yet." : "No plans in this view."),
  );
}
