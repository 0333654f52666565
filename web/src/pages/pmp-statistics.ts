// The Coordinator's precinct-level information (GET /pmp-statistics, 3.070
// §5): per precinct, uses of force by type, firearms discharges, OPA
// complaints and their dispositions, officers who triggered reviews and
// reviews; review frequency by supervisor with the rows above the flag
// highlighted; the department's rate; CSV of both tables. For the
// Coordinator, the Committee and commanders (the server decides; supervisors
// are named only to those who may read their record, others see "supervisor N").
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { barChart, type BarGroup } from "../chart";
import { h, put } from "../dom";
import { type PrecinctRow, type ProgramStatistics, type SupervisorRow } from "../plan-model";
import { empty, inputField, pageHeading, showFormErrors, table, tag } from "../ui";

const FORCE_TYPES: [string, string][] = [
  ["I", "Type I"],
  ["II", "Type II"],
  ["III", "Type III"],
  ["undesignated", "Not yet designated"],
];

function precinctName(p: PrecinctRow): string {
  return p.precinct?.name ?? "No precinct";
}

function supervisorName(s: SupervisorRow): string {
  return s.supervisor.label ?? `${s.supervisor.name} (${s.supervisor.serial})`;
}

function dispositionLabel(d: string): string {
  return d ? d[0].toUpperCase() + d.slice(1).replace(/-/g, " ") : d;
}

function rate(n: number): string {
  return n.toFixed(3);
}

/** The chart and its legend as one figure. */
function chartFigure(title: string, groups: BarGroup[], series: string[], idBase: string): HTMLElement {
  return h(
    "figure",
    { class: "rc-figure" },
    h("div", { class: "rc-chart" }, barChart(title, groups, series, idBase)),
    h(
      "figcaption",
      null,
      h("span", { class: "rc-figure-title" }, title),
      h("ul", { class: "rc-bar-legend", "aria-label": `${title}: legend` }, series.map((name, i) => h("li", null, h("span", { class: `rc-swatch rc-bar-${i % 8}`, "aria-hidden": "true" }), name))),
    ),
  );
}

export async function pmpStatisticsPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const fromQ = route.query.get("from") || "";
  const toQ = route.query.get("to") || "";
  const multipleQ = route.query.get("flag_multiple") || "";
  const query = { from: fromQ, to: toQ, flag_multiple: multipleQ };
  const data = await api<ProgramStatistics>("GET", withQuery("/pmp-statistics", query));
  if (!current(mySeq)) return;
  const precincts = data.precincts || [];

  const from = inputField({ name: "from", label: "From", type: "date", value: fromQ || data.from });
  const to = inputField({ name: "to", label: "To", type: "date", value: toQ || data.to });
  const multiple = inputField({ name: "flag_multiple", label: "Flag supervisors above", type: "number", inputmode: "decimal", value: multipleQ || String(data.flag_multiple), hint: "Times the department's rate." });
  const messages = h("div", { class: "rc-form-messages" });
  const form = h(
    "form",
    { class: "rc-filters", novalidate: true, "aria-label": "Period" },
    messages,
    h("div", { class: "rc-filter-row" }, from.group, to.group, multiple.group),
    h("div", { class: "usa-button-group" }, h("button", { type: "submit", class: "usa-button" }, "Show period"), h("a", { href: "#/pmp-statistics", class: "usa-button usa-button--outline" }, "Last six months")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    if (from.value() && to.value() && from.value() > to.value()) e.set("to", "The end date must be on or after the start date.");
    if (multiple.value() && !(Number(multiple.value()) > 0)) e.set("flag_multiple", "Enter a number greater than 0.");
    showFormErrors(messages, [from, to, multiple], e);
    if (e.size) return;
    navigate(`#${withQuery("/pmp-statistics", { from: from.value(), to: to.value(), flag_multiple: multiple.value() === String(data.flag_multiple) ? "" : multiple.value() })}`);
  });

  // Dispositions present in the period, "open" first.
  const dispositions = [...new Set(precincts.flatMap((p) => Object.keys(p.opa_dispositions || {})))].sort((a, b) => (a === "open" ? -1 : b === "open" ? 1 : a.localeCompare(b)));
  const precinctRows = precincts.map((p) => [
    precinctName(p),
    String(p.uses_of_force),
    ...FORCE_TYPES.map(([k]) => String(p.uses_of_force_by_type?.[k] ?? 0)),
    String(p.firearm_discharges),
    String(p.opa_complaints),
    dispositions.map((d) => `${dispositionLabel(d)} ${p.opa_dispositions?.[d] ?? 0}`).join(", "),
    String(p.officers_with_reviews),
    String(p.reviews),
  ]);
  const csv = (format: string) => `/api/v1${withQuery("/pmp-statistics", { ...query, format })}`;

  const supervisors = precincts.flatMap((p) => (p.supervisors || []).map((s) => ({ p, s })));
  const supervisorRows = supervisors.map(({ p, s }) => [supervisorName(s), precinctName(p), String(s.officers), String(s.reviews), rate(s.rate), s.flagged ? tag("Flagged", "rc-tag-overdue") : ""]);
  const supervisorTable = supervisorRows.length
    ? table("Review frequency by supervisor (3.070 §5)", ["Supervisor", "Precinct", "Officers assigned", "Reviews", "Reviews per officer", "Flagged"], supervisorRows, { className: "rc-supervisors" })
    : empty("No officer assigned to a supervisor in this period.");
  supervisorTable.querySelectorAll("tbody tr").forEach((tr, i) => {
    if (supervisors[i].s.flagged) tr.classList.add("rc-row-flagged");
  });

  const forceGroups: BarGroup[] = precincts.map((p) => ({ label: precinctName(p), values: FORCE_TYPES.map(([k]) => p.uses_of_force_by_type?.[k] ?? 0) }));
  const opaGroups: BarGroup[] = precincts.map((p) => ({ label: precinctName(p), values: dispositions.map((d) => p.opa_dispositions?.[d] ?? 0) }));
  const flagged = supervisors.filter(({ s }) => s.flagged).length;

  put(
    main,
    ...pageHeading("Precinct statistics", `Precinct-level information the Coordinator collects (3.070 §5), ${data.from} to ${data.to}.`),
    h("p", null, h("a", { href: "#/stats", class: "usa-link" }, "Trigger statistics"), " · ", h("a", { href: "#/committee", class: "usa-link" }, "PMP Committee meetings")),
    form,
    h(
      "div",
      { class: "usa-summary-box rc-summary", role: "region", "aria-label": "Department rate" },
      h(
        "div",
        { class: "usa-summary-box__body" },
        h("h2", { class: "usa-summary-box__heading" }, "Department rate"),
        h("p", { class: "usa-summary-box__text rc-big-number rc-department-rate" }, rate(data.department_rate)),
        h("p", { class: "usa-summary-box__text" }, `Reviews per officer assigned to a supervisor. Supervisors above ${data.flag_multiple} times this rate, with at least two reviews, are flagged: ${flagged}.`),
        data.unplaced ? h("p", { class: "usa-summary-box__text" }, `${data.unplaced} event${data.unplaced === 1 ? "" : "s"} or review${data.unplaced === 1 ? "" : "s"} had no precinct on their date and are not counted.`) : null,
      ),
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-ps-precincts-h" },
      h("h2", { id: "rc-ps-precincts-h" }, "By precinct"),
      h("p", null, h("a", { href: csv("csv"), class: "usa-link", download: "pmp-precincts.csv" }, "Download the precinct table (CSV)")),
      precinctRows.length
        ? table(
            "Uses of force, OPA complaints and reviews by precinct",
            ["Precinct", "Uses of force", ...FORCE_TYPES.map(([, l]) => l), "Firearms discharges", "OPA complaints", "OPA dispositions", "Officers who triggered reviews", "Reviews"],
            precinctRows,
            { className: "rc-precincts" },
          )
        : empty("Nothing in this period."),
      precincts.length ? chartFigure("Uses of force by type, per precinct", forceGroups, FORCE_TYPES.map(([, l]) => l), "rc-force-chart") : null,
      precincts.length && dispositions.length ? chartFigure("OPA complaints by disposition, per precinct", opaGroups, dispositions.map(dispositionLabel), "rc-opa-chart") : null,
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-ps-supervisors-h" },
      h("h2", { id: "rc-ps-supervisors-h" }, "Review frequency by supervisor"),
      h("p", null, "Reviews opened for officers while assigned to each supervisor, to find supervisors in need of additional skills and training (3.070 §5). Flagged rows are highlighted."),
      h("p", null, h("a", { href: csv("supervisors-csv"), class: "usa-link", download: "pmp-supervisors.csv" }, "Download the supervisor table (CSV)")),
      supervisorTable,
    ),
  );
}
