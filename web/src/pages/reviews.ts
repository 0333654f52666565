// The reviews pipeline (GET /reviews): the Coordinator's board of every
// Performance Mentoring Review by state in 3.070-PRO-1 order (PRO-1.19 "acts
// as a resource"), counts per state, overdue highlighted, filters, the CSV
// export and the "Open a review" form. The chain of command sees the same
// board with only the reviews the server lets them read.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { personText, type ReviewList, type ReviewSummary, STATES, stateLabel, stateOrder } from "../review-model";
import { can } from "../session";
import { checkboxField, empty, INDICATORS, pageHeading, selectField, table } from "../ui";
import { overdueTag } from "./inbox";
import { openReviewForm } from "./review-open";

const FINAL = new Set(["closed-no-plan", "plan-designated"]);

function stateTable(state: string, reviews: ReviewSummary[]): HTMLElement {
  const rows = reviews.map((r) => [
    h("a", { href: `#/reviews/${r.id}`, class: "usa-link" }, `Review ${r.id}`),
    h("a", { href: `#/employees/${encodeURIComponent(r.employee.serial)}`, class: "usa-link" }, `${r.employee.name} (${r.employee.serial})`),
    r.employee.precinct?.name ?? r.employee.unit?.name ?? "",
    h("span", { class: `rc-ind rc-ind-${r.indicator}`, title: INDICATORS[r.indicator] ?? "" }, r.indicator),
    r.trigger_date,
    r.awaiting ? `${r.awaiting.what} (${r.awaiting.step}), ${r.awaiting.person ? personText(r.awaiting.person) : "any Coordinator"}` : "Finished",
    r.due ?? "",
    r.overdue ? overdueTag() : "",
  ]);
  const t = table(stateLabel(state), ["Review", "Employee", "Precinct or unit", "Indicator", "Trigger date", "Awaiting", "Due", "Overdue"], rows, { captionHidden: true, className: "rc-pipeline" });
  t.querySelectorAll("tbody tr").forEach((tr, i) => {
    if (reviews[i].overdue) tr.classList.add("rc-row-overdue");
  });
  return t;
}

export async function reviewsPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const which = ["open", "final", "all"].includes(route.query.get("state") ?? "") ? route.query.get("state")! : "open";
  const onlyOverdue = route.query.get("overdue") === "1";
  const data = await api<ReviewList>("GET", withQuery("/reviews", { state: which, overdue: onlyOverdue ? "1" : null }));
  if (!current(mySeq)) return;
  const reviews = data.reviews || [];
  const coordinator = can.openReviews();

  const stateField = selectField({ name: "state", label: "Reviews", options: [["open", "Open"], ["final", "Finished"], ["all", "All"]], value: which });
  const overdueField = checkboxField({ name: "overdue", label: "Overdue only", value: onlyOverdue ? "true" : "" });
  const form = h(
    "form",
    { class: "rc-filters", novalidate: true, "aria-label": "Filter reviews" },
    h("div", { class: "rc-filter-row" }, stateField.group, overdueField.group),
    h("div", { class: "usa-button-group" }, h("button", { type: "submit", class: "usa-button" }, "Apply filters"), h("a", { href: "#/reviews", class: "usa-button usa-button--outline" }, "Clear")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(`#${withQuery("/reviews", { state: stateField.value() === "open" ? null : stateField.value(), overdue: overdueField.value() ? "1" : null })}`);
  });
  const csvHref = `/api/v1${withQuery("/reviews", { format: "csv", state: which, overdue: onlyOverdue ? "1" : null })}`;

  // Every state the filter covers, in PRO-1 order, with its count (0 included: a pipeline shows empty stages).
  const shown = STATES.filter(([s]) => (which === "open" ? !FINAL.has(s) : which === "final" ? FINAL.has(s) : true));
  const byState = new Map<string, ReviewSummary[]>();
  for (const r of reviews) byState.set(r.state, [...(byState.get(r.state) ?? []), r]);
  const countRows = shown.map(([s, label]) => {
    const n = data.by_state?.[s] ?? byState.get(s)?.length ?? 0;
    const late = (byState.get(s) ?? []).filter((r) => r.overdue).length;
    return [label, String(n), late ? [String(late), " ", overdueTag()] : "0"];
  });
  const groups = [...byState.keys()].sort((a, b) => stateOrder(a) - stateOrder(b));

  put(
    main,
    ...pageHeading(
      coordinator ? "Reviews pipeline" : "Reviews",
      coordinator
        ? "Every Performance Mentoring Review by its stage in 3.070-PRO-1."
        : "The Performance Mentoring Reviews of employees in your command, by stage in 3.070-PRO-1.",
    ),
    coordinator ? h("p", null, h("a", { href: "#/reviews/new", class: "usa-button" }, "Open a review")) : null,
    form,
    h(
      "p",
      { class: "rc-result-count", role: "status" },
      reviews.length === 0 ? "No reviews match." : `${reviews.length} review${reviews.length === 1 ? "" : "s"}, ${data.overdue} overdue.`,
      " ",
      h("a", { href: csvHref, class: "usa-link", download: "reviews.csv" }, "Download CSV"),
    ),
    table("Reviews by state", ["State", "Reviews", "Overdue"], countRows, { className: "rc-state-counts" }),
    groups.length
      ? groups.map((s) => h("section", { class: "rc-section rc-stage", "data-state": s }, h("h2", null, `${stateLabel(s)} (${byState.get(s)!.length})`), stateTable(s, byState.get(s)!)))
      : empty(which === "final" ? "No review has finished 3.070-PRO-1 yet." : "No reviews in this view."),
    coordinator
      ? h("section", { class: "rc-section", "aria-labelledby": "rc-open-review-h" }, h("h2", { id: "rc-open-review-h", tabindex: "-1" }, "Open a review"), openReviewForm(new URLSearchParams()))
      : null,
  );
}
