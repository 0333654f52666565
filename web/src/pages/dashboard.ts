// The Coordinator's dashboard of threshold crossings (GET /triggers). Sergeants,
// lieutenants, captains and chiefs see the same page, scoped by the server to
// their command.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import type { UnitRef } from "../session";
import { can, session } from "../session";
import { empty, INDICATORS, inputField, pageHeading, pagination, selectField, showFormErrors, table } from "../ui";

export interface TriggerEvent {
  id: number;
  date: string;
  kind: string;
  incident_number: string;
}

export interface Trigger {
  employee: { serial: string; name: string; unit: UnitRef | null; precinct: UnitRef | null };
  date: string;
  indicator: string;
  count: number;
  threshold: { count: number; months: number };
  table: string;
  threshold_set_id?: number;
  outcome?: string;
  events?: TriggerEvent[];
}

interface TriggersResponse {
  total: number;
  counts: { by_indicator: Record<string, number>; by_precinct: { unit: UnitRef | null; count: number }[] };
  triggers: Trigger[];
}

const LIMIT = 50;
let precinctCache: UnitRef[] | null = null;

export async function precincts(): Promise<UnitRef[]> {
  if (precinctCache) return precinctCache;
  try {
    const r = await api<{ units: (UnitRef & { kind: string })[] }>("GET", "/units");
    precinctCache = (r.units || []).filter((u) => u.kind === "precinct").sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    precinctCache = [];
  }
  return precinctCache;
}

export function thresholdText(t: { count: number; threshold: { count: number; months: number } }): string {
  return `${t.count} of ${t.threshold.count} in ${t.threshold.months} month${t.threshold.months === 1 ? "" : "s"}`;
}

export function tableName(t: string): string {
  return t === "recent-review" ? "Recent review" : t === "initial" ? "Initial" : t;
}

/**
 * The Coordinator's link from a trigger to the "Open a review" form, filled in
 * (3.070-PRO-1.1). A crossing the evaluator attached to an open review needs none.
 */
function reviewLink(t: Trigger): HTMLElement | string {
  if (t.outcome === "attached") return "Attached to an open review";
  const href = `#${withQuery("/reviews/new", { serial: t.employee.serial, indicator: t.indicator, date: t.date, events: (t.events ?? []).map((e) => e.id).join(",") })}`;
  return h("a", { href, class: "usa-link rc-open-review-link", "aria-label": `Open a review of ${t.employee.name}, indicator ${t.indicator}, ${t.date}` }, "Open a review");
}

export async function dashboardPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const q = route.query;
  const query = {
    precinct: q.get("precinct") || "",
    indicator: q.get("indicator") || "",
    from: q.get("from") || "",
    to: q.get("to") || "",
  };
  const offset = Math.max(0, Number(q.get("offset") || 0) || 0);

  const [units, data] = await Promise.all([
    precincts(),
    api<TriggersResponse>("GET", withQuery("/triggers", { ...query, limit: LIMIT, offset })),
  ]);
  if (!current(mySeq)) return;

  const precinct = selectField({ name: "precinct", label: "Precinct", placeholder: "All in my scope", options: units.map((u) => [String(u.id), u.name]), value: query.precinct });
  const indicator = selectField({ name: "indicator", label: "Indicator", placeholder: "All indicators", options: Object.entries(INDICATORS).map(([k, v]) => [k, `${k} — ${v}`]), value: query.indicator });
  const from = inputField({ name: "from", label: "From", type: "date", value: query.from });
  const to = inputField({ name: "to", label: "To", type: "date", value: query.to });
  const messages = h("div", { class: "rc-form-messages" });
  const form = h(
    "form",
    { class: "rc-filters", novalidate: true, "aria-label": "Filter triggers" },
    messages,
    h("div", { class: "rc-filter-row" }, precinct.group, indicator.group, from.group, to.group),
    h("div", { class: "usa-button-group" }, h("button", { type: "submit", class: "usa-button" }, "Apply filters"), h("a", { href: "#/dashboard", class: "usa-button usa-button--outline" }, "Clear")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const errors = new Map<string, string>();
    if (from.value() && to.value() && from.value() > to.value()) errors.set("to", "The end date must be on or after the start date.");
    showFormErrors(messages, [precinct, indicator, from, to], errors);
    if (errors.size) return;
    navigate(`#${withQuery("/dashboard", { precinct: precinct.value(), indicator: indicator.value(), from: from.value(), to: to.value() })}`);
  });

  const byIndicator = data.counts?.by_indicator ?? {};
  const indicatorRows = Object.keys(INDICATORS).map((k) => [k, INDICATORS[k], String(byIndicator[k] ?? 0)]);
  const byPrecinct = (data.counts?.by_precinct ?? []).map((p) => [p.unit?.name ?? "No precinct", String(p.count)]);

  const scopeNote = session()?.user.roles.includes("pm-coordinator")
    ? "Every employee in the department."
    : "Only employees in your command are shown.";

  const opener = can.openReviews();
  const rows = data.triggers.map((t) => [
    h("a", { href: `#/employees/${encodeURIComponent(t.employee.serial)}`, class: "usa-link" }, `${t.employee.name} (${t.employee.serial})`),
    t.employee.precinct?.name ?? t.employee.unit?.name ?? "",
    t.date,
    h("span", { class: `rc-ind rc-ind-${t.indicator}`, title: INDICATORS[t.indicator] ?? "" }, t.indicator),
    thresholdText(t),
    tableName(t.table),
    ...(opener ? [reviewLink(t)] : []),
  ]);

  const first = data.total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + data.triggers.length, data.total);
  const pageHref = (o: number) => `#${withQuery("/dashboard", { ...query, offset: o || null })}`;

  put(
    main,
    ...pageHeading("Triggers dashboard", `Threshold crossings under Seattle Police Manual 3.070 §1. ${scopeNote}`),
    form,
    h(
      "div",
      { class: "grid-row grid-gap rc-counts" },
      h("div", { class: "desktop:grid-col-7" }, table("Triggers by indicator", ["Indicator", "Criteria", "Triggers"], indicatorRows, { className: "rc-counts-indicator" })),
      h("div", { class: "desktop:grid-col-5" }, byPrecinct.length ? table("Triggers by precinct", ["Precinct", "Triggers"], byPrecinct, { className: "rc-counts-precinct" }) : empty("No triggers by precinct.")),
    ),
    h("h2", null, "Triggers"),
    h("p", { class: "rc-result-count", role: "status" }, data.total === 0 ? "No triggers match." : `Showing ${first}–${last} of ${data.total} triggers.`),
    rows.length ? table("Triggers", ["Employee", "Precinct or unit", "Date", "Indicator", "Count vs threshold", "Table", ...(opener ? ["Review"] : [])], rows, { captionHidden: true, className: "rc-triggers" }) : null,
    pagination(data.total, LIMIT, offset, pageHref),
  );
}
