// One employee: record, chain of command, and (when the caller may see it)
// the PMP record: indicator timeline, standing, triggers with their events,
// and every event with correction and withdrawal.
import { api, ApiError, withQuery } from "../api";
import { current, seq, type Route } from "../app";
import { timeline, type ChartEvent } from "../chart";
import { h, put, uid } from "../dom";
import { can, session, type UnitRef } from "../session";
import { alert, empty, errorAlert, INDICATORS, inputField, kindLabel, pageHeading, table, tag } from "../ui";
import type { PlanSummary } from "../plan-model";
import { plansTable } from "./plans";
import { type ReviewList, type ReviewSummary, stateLabel } from "../review-model";
import { tableName, thresholdText, type Trigger } from "./dashboard";
import { overdueTag } from "./inbox";

export interface Employee {
  serial: string;
  name: string;
  rank?: string;
  category?: string;
  status?: string;
  hire_date?: string;
  unit: UnitRef | null;
  precinct: UnitRef | null;
  chain?: { unit: UnitRef | null; title?: string; serial: string | null; name: string | null; acting: boolean }[];
  pmp_visible?: boolean;
}

export interface PmpEvent extends ChartEvent {
  id: number;
  version: number;
  employee_serial: string;
  author?: string;
  text?: string;
  force_type?: string;
  firearm_discharge?: boolean;
  investigation_status?: string;
  preventability?: string;
  ruled_on?: string;
  complaint_source?: string;
  complaint_open?: boolean;
  disposition?: string;
  note?: string;
  recorded_at?: string;
  recorded_by?: string;
  source_system?: string;
}

interface Standing {
  indicator: string;
  count: number;
  threshold: { count: number; months: number } | null;
  table: string;
  reached: boolean;
}

interface Pmp {
  as_of: string;
  events: PmpEvent[];
  triggers: Trigger[];
  standing: Standing[];
}

function eventDetails(e: PmpEvent): string {
  const parts: string[] = [];
  if (e.force_type) parts.push(`Type ${e.force_type}`);
  if (e.firearm_discharge) parts.push("firearm discharge");
  if (e.investigation_status) parts.push(e.investigation_status);
  if (e.preventability) parts.push(e.preventability + (e.ruled_on ? ` (ruled ${e.ruled_on})` : ""));
  if (e.complaint_source) parts.push(e.complaint_source + (e.complaint_open ? " (open)" : ""));
  if (e.disposition) parts.push(e.disposition);
  if (e.author) parts.push(`by ${e.author}`);
  return parts.join(", ");
}

function dl(items: [string, string | HTMLElement | null | undefined][]): HTMLElement {
  return h("dl", { class: "rc-dl" }, items.filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [h("dt", null, k), h("dd", null, v as string | HTMLElement)]));
}

export async function employeePage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const serial = route.params[0];
  const asOf = route.query.get("as_of") || "";
  const [empR, pmpR, reviewsR, plansR] = await Promise.allSettled([
    api<Employee>("GET", `/employees/${encodeURIComponent(serial)}`),
    api<Pmp>("GET", withQuery(`/employees/${encodeURIComponent(serial)}/pmp`, { as_of: asOf })),
    // The server lists only reviews the caller may read; this employee's are picked here.
    api<ReviewList>("GET", "/reviews?state=all"),
    // Likewise the Mentoring Plans (3.070-PRO-2) the caller may read.
    api<{ plans: PlanSummary[] }>("GET", "/plans?state=all"),
  ]);
  if (!current(mySeq)) return;
  if (empR.status === "rejected") throw empR.reason;
  const emp = empR.value;
  const own = session()?.user.serial === serial;

  const record = h(
    "section",
    { "aria-labelledby": "rc-record-h", class: "rc-section" },
    h("h2", { id: "rc-record-h" }, "Record"),
    dl([
      ["Serial", emp.serial],
      ["Rank", emp.rank],
      ["Category", emp.category],
      ["Status", emp.status],
      ["Hire date", emp.hire_date],
      ["Unit", emp.unit?.name],
      ["Precinct", emp.precinct?.name],
    ]),
  );
  const chain = h(
    "section",
    { "aria-labelledby": "rc-chain-h", class: "rc-section" },
    h("h2", { id: "rc-chain-h" }, "Chain of command"),
    emp.chain && emp.chain.length
      ? table(
          "Chain of command today",
          ["Position", "Unit", "Held by"],
          emp.chain.map((c) => [c.title || "Supervisor", c.unit?.name ?? "", c.name ? `${c.name}${c.serial ? ` (${c.serial})` : ""}${c.acting ? " — acting" : ""}` : "Vacant"]),
          { captionHidden: true, className: "rc-chain" },
        )
      : empty("No chain of command on record."),
  );

  const heading = pageHeading(own ? `My record: ${emp.name}` : emp.name, [emp.rank, emp.unit?.name].filter(Boolean).join(", "));
  const actions =
    can.recordEvents() && !own
      ? h("p", null, h("a", { href: `#${withQuery("/events/new", { employee: serial })}`, class: "usa-button" }, "Record an event for this employee"))
      : null;

  let pmpSection: HTMLElement;
  if (pmpR.status === "rejected") {
    const err = pmpR.reason;
    pmpSection = h(
      "section",
      { "aria-labelledby": "rc-pmp-h", class: "rc-section" },
      h("h2", { id: "rc-pmp-h" }, "Performance Mentoring Program"),
      err instanceof ApiError && err.status === 403
        ? alert("info", null, h("p", { class: "usa-alert__text" }, "PMP records are confidential to the employee, their chain of command and the Coordinator (3.070). You can see this personnel record but not its PMP record."))
        : errorAlert(err),
    );
  } else {
    pmpSection = renderPmp(pmpR.value, serial);
    const reviews = reviewsR.status === "fulfilled" ? (reviewsR.value.reviews || []).filter((r) => r.employee.serial === serial) : null;
    const reviewsDiv = reviewsSection(reviews, serial);
    pmpSection.insertBefore(reviewsDiv, pmpSection.querySelector("h3"));
    const plans = plansR.status === "fulfilled" ? (plansR.value.plans || []).filter((p) => p.employee.serial === serial) : null;
    reviewsDiv.after(plansSection(plans));
  }
  put(main, ...heading, actions, record, chain, pmpSection);
}

/** The employee's Performance Mentoring Reviews (3.070-PRO-1), newest first; null if they could not be listed. */
function reviewsSection(reviews: ReviewSummary[] | null, serial: string): HTMLElement {
  const sorted = [...(reviews ?? [])].sort((a, b) => b.id - a.id);
  const rows = sorted.map((r) => [
    h("a", { href: `#/reviews/${r.id}`, class: "usa-link" }, `Review ${r.id}`),
    r.opened ?? "",
    h("span", { class: `rc-ind rc-ind-${r.indicator}`, title: INDICATORS[r.indicator] ?? "" }, r.indicator),
    stateLabel(r.state),
    r.due ?? "",
    r.overdue ? overdueTag() : "",
  ]);
  const opener = can.openReviews() && session()?.user.serial !== serial && !sorted.some((r) => !r.final);
  return h(
    "div",
    { class: "rc-reviews" },
    h("h3", null, "Performance Mentoring Reviews"),
    reviews === null
      ? empty("The reviews could not be listed.")
      : rows.length
        ? table("Performance Mentoring Reviews", ["Review", "Opened", "Indicator", "State", "Due", "Overdue"], rows, { captionHidden: true, className: "rc-employee-reviews" })
        : empty("No Performance Mentoring Review."),
    opener ? h("p", null, h("a", { href: `#${withQuery("/reviews/new", { serial })}`, class: "usa-link" }, "Open a review of this employee")) : null,
  );
}

/** The employee's Mentoring Plans (3.070-PRO-2), newest first; null if they could not be listed. */
function plansSection(plans: PlanSummary[] | null): HTMLElement {
  const sorted = [...(plans ?? [])].sort((a, b) => b.id - a.id);
  return h(
    "div",
    { class: "rc-employee-plans" },
    h("h3", null, "Mentoring Plans"),
    plans === null ? empty("The plans could not be listed.") : sorted.length ? plansTable(sorted, "Mentoring Plans", false) : empty("No Mentoring Plan."),
  );
}

function renderPmp(pmp: Pmp, serial: string): HTMLElement {
  const write = can.writeEventsOf(serial);
  const events = [...(pmp.events || [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  const triggers = [...(pmp.triggers || [])].sort((a, b) => (a.date < b.date ? 1 : -1));

  const asOfField = inputField({ name: "as_of", label: "As of", type: "date", value: pmp.as_of });
  const asOfForm = h("form", { class: "rc-asof", novalidate: true }, asOfField.group, h("button", { type: "submit", class: "usa-button usa-button--outline" }, "Show"));
  asOfForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#${withQuery(`/employees/${encodeURIComponent(serial)}`, { as_of: asOfField.value() })}`;
  });

  const standingRows = (pmp.standing || []).map((st) => [
    h("span", { class: `rc-ind rc-ind-${st.indicator}` }, st.indicator),
    INDICATORS[st.indicator] ?? "",
    st.threshold ? thresholdText({ count: st.count, threshold: st.threshold }) : String(st.count),
    tableName(st.table),
    st.reached ? tag("Reached", "rc-tag-reached") : "Below",
  ]);

  const triggerList = triggers.length
    ? h(
        "ol",
        { class: "usa-list rc-trigger-list" },
        triggers.map((t) =>
          h(
            "li",
            { class: "rc-trigger" },
            h("strong", null, `${t.date} — ${t.indicator}: ${INDICATORS[t.indicator] ?? ""}`),
            h("span", null, ` ${thresholdText(t)}, ${tableName(t.table).toLowerCase()} table${t.outcome ? `, ${t.outcome}` : ""}.`),
            t.events && t.events.length
              ? h("ul", { class: "rc-trigger-events" }, t.events.map((e) => h("li", null, `${e.date} ${kindLabel(e.kind)} `, h("span", { class: "rc-incident" }, e.incident_number))))
              : null,
          ),
        ),
      )
    : empty("No triggers.");

  const eventRows = events.map((e) => [
    e.date,
    h("span", { class: `rc-ind rc-ind-${e.indicator}` }, e.indicator),
    kindLabel(e.kind),
    h("span", { class: "rc-incident" }, e.incident_number),
    eventDetails(e),
    e.withdrawn ? tag("Withdrawn") : e.qualifies === false ? "Does not count" : "Counts",
    `v${e.version}`,
    write && !e.withdrawn
      ? h(
          "span",
          { class: "rc-actions" },
          h("a", { href: `#/events/${e.id}/correct`, class: "usa-link", "aria-label": `Correct event ${e.incident_number}` }, "Correct"),
          " ",
          h("a", { href: `#/events/${e.id}/withdraw`, class: "usa-link", "aria-label": `Withdraw event ${e.incident_number}` }, "Withdraw"),
        )
      : "",
  ]);

  return h(
    "section",
    { "aria-labelledby": "rc-pmp-h", class: "rc-section" },
    h("h2", { id: "rc-pmp-h" }, "Performance Mentoring Program"),
    h("p", null, `As of ${pmp.as_of}. These records are non-punitive and confidential.`),
    asOfForm,
    h("h3", null, "Indicator timeline"),
    h("div", { class: "rc-chart", "data-testid": "timeline", tabindex: "0", role: "region", "aria-label": "Indicator timeline chart" }, timeline(events, triggers, pmp.as_of, uid("timeline")),
      h("p", { class: "rc-chart-legend" }, h("span", { class: "rc-key rc-key-event" }, "●"), " event that counts  ", h("span", { class: "rc-key rc-key-nonqual" }, "○"), " event that does not count  ", h("span", { class: "rc-key rc-key-trigger" }, "◆"), " trigger")),
    h("h3", null, "Standing per indicator"),
    standingRows.length
      ? [
          table("Standing per indicator", ["Indicator", "Criteria", "Count vs threshold", "Table", "Status"], standingRows, { captionHidden: true, className: "rc-standing" }),
          h("p", { class: "usa-hint" }, "Indicators not listed have no counting events in their window."),
        ]
      : empty(`No indicator has counting events in its window as of ${pmp.as_of}. Events dated on or before the latest review's initiation do not count again.`),
    h("h3", null, "Triggers"),
    triggerList,
    h("h3", null, "Events"),
    eventRows.length
      ? table("Indicator events", ["Date", "Indicator", "Kind", "Incident", "Details", "Counts", "Version", "Actions"], eventRows, { captionHidden: true, className: "rc-events" })
      : empty("No indicator events."),
  );
}
