// PMP Committee statistics (GET /stats): aggregates only, never names.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { empty, INDICATORS, inputField, kindLabel, pageHeading, showFormErrors, table } from "../ui";

type Counts = Record<string, number> | { [k: string]: unknown }[];

/** Accepts {key: n} or [{unit|kind|indicator|key, count}] and yields [label, n]. */
function pairs(c: Counts | undefined, label: (k: string) => string): [string, number][] {
  if (!c) return [];
  if (Array.isArray(c)) {
    return c.map((row: any) => {
      const key = row.unit?.name ?? row.precinct?.name ?? row.name ?? row.kind ?? row.indicator ?? row.key ?? "";
      return [label(String(key || "No precinct")), Number(row.count ?? 0)];
    });
  }
  return Object.entries(c).map(([k, v]) => [label(k), Number(v)]);
}

export async function statsPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const fromQ = route.query.get("from") || "";
  const toQ = route.query.get("to") || "";
  const data = await api<any>("GET", withQuery("/stats", { from: fromQ, to: toQ }));
  if (!current(mySeq)) return;

  const from = inputField({ name: "from", label: "From", type: "date", value: fromQ || data.from || "" });
  const to = inputField({ name: "to", label: "To", type: "date", value: toQ || data.to || "" });
  const messages = h("div", { class: "rc-form-messages" });
  const form = h("form", { class: "rc-filters", novalidate: true, "aria-label": "Period" }, messages, h("div", { class: "rc-filter-row" }, from.group, to.group), h("button", { type: "submit", class: "usa-button" }, "Show period"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (from.value() && to.value() && from.value() > to.value()) {
      showFormErrors(messages, [from, to], new Map([["to", "The end date must be on or after the start date."]]));
      return;
    }
    navigate(`#${withQuery("/stats", { from: from.value(), to: to.value() })}`);
  });

  const byInd = pairs(data.triggers_by_indicator, (k) => `${k} — ${INDICATORS[k] ?? k}`);
  const byPrecinct = pairs(data.triggers_by_precinct, (k) => k);
  const byKind = pairs(data.events_by_kind ?? data.qualifying_events_by_kind, (k) => kindLabel(k));
  const byMonth = pairs(data.triggers_by_month, (k) => k);
  const employees = typeof data.employees_triggered === "number" ? data.employees_triggered : Number(data.employees_triggered?.count ?? 0);
  const tbl = (caption: string, head: string, rows: [string, number][]) => (rows.length ? table(caption, [head, "Count"], rows.map(([a, b]) => [a, String(b)])) : empty(`${caption}: none in this period.`));

  put(
    main,
    ...pageHeading("PMP statistics", `Aggregates for the PMP Committee (3.070 §3, §5), ${data.from ?? fromQ ?? ""} to ${data.to ?? toQ ?? ""}. No individual is named.`),
    h("p", null, h("a", { href: "#/pmp-statistics", class: "usa-link" }, "Precinct statistics"), ": uses of force, OPA complaints and review frequency by supervisor (3.070 §5)."),
    form,
    h("div", { class: "usa-summary-box rc-summary", role: "region", "aria-label": "Employees triggered" }, h("div", { class: "usa-summary-box__body" }, h("h2", { class: "usa-summary-box__heading" }, "Employees who triggered a review"), h("p", { class: "usa-summary-box__text rc-big-number" }, String(employees)))),
    h("div", { class: "grid-row grid-gap" },
      h("div", { class: "tablet:grid-col-6" }, tbl("Triggers by indicator", "Indicator", byInd)),
      h("div", { class: "tablet:grid-col-6" }, tbl("Triggers by precinct", "Precinct", byPrecinct)),
    ),
    h("div", { class: "grid-row grid-gap" },
      h("div", { class: "tablet:grid-col-6" }, tbl("Qualifying events by kind", "Kind", byKind)),
      data.triggers_by_month ? h("div", { class: "tablet:grid-col-6" }, tbl("Triggers by month", "Month", byMonth)) : null,
    ),
  );
}
