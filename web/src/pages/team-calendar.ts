// "Team leave calendar" (#/time-off/calendar?unit=CODE&month=YYYY-MM) for
// sergeants and above (4.010-POL-2, PRO-1.2 "based on staffing needs"): who
// in a unit the caller leads is on duty, on leave (approved or recorded),
// partly off or waiting for a decision, day by day for a month, with the
// staffing per day against the unit's minimum and short-staffed days
// flagged. From GET /units/{code}/leave-calendar (at most 62 days: a month
// is one call). A people × days table on wide screens, a list of days on
// phones (the same data; CSS shows one).
// The unit picker offers the units whose leader is the caller (GET /units
// gives each unit's leader) and everything below them: the server's rule.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import type { StaffingDay } from "../leave-model";
import type { PersonRef } from "../review-model";
import { session, today } from "../session";
import { alert, button, empty, inputField, pageHeading, selectField, tag } from "../ui";

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  leader: { serial: string; name: string; acting: boolean } | null;
}

interface Calendar {
  unit: { id: number; code: string; name: string };
  from: string;
  to: string;
  minimum_on_duty: number;
  members: number;
  days: StaffingDay[];
}

/** What a person's day is, most telling first. */
type Status = "off" | "partial" | "pending" | "on" | "";

const STATUS: Record<Exclude<Status, "">, { short: string; long: string }> = {
  off: { short: "L", long: "on leave (approved or recorded)" },
  partial: { short: "P", long: "partly on leave" },
  pending: { short: "?", long: "leave requested, awaiting a decision" },
  on: { short: "•", long: "scheduled, on duty" },
};

const DOW = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const last = new Date(Date.UTC(y, m, 0));
  return { first: first.toISOString().slice(0, 10), last: last.toISOString().slice(0, 10) };
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

function dayLabel(day: string): string {
  const d = utc(day);
  return `${DOW[d.getUTCDay()]} ${d.getUTCDate()}`;
}

function statusOf(day: StaffingDay, serial: string): Status {
  const has = (list: PersonRef[]) => list.some((p) => p.serial === serial);
  if (has(day.off)) return "off";
  if (has(day.partial)) return "partial";
  if (has(day.pending)) return "pending";
  if (has(day.scheduled)) return "on";
  return "";
}

/** The units the caller leads and every unit below them, each with its depth under a led unit. */
export function ledUnits(units: UnitRow[], serial: string): { unit: UnitRow; depth: number }[] {
  const children = new Map<number, UnitRow[]>();
  for (const u of units) {
    if (u.parent_id === null) continue;
    if (!children.has(u.parent_id)) children.set(u.parent_id, []);
    children.get(u.parent_id)!.push(u);
  }
  const out: { unit: UnitRow; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (u: UnitRow, depth: number) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({ unit: u, depth });
    for (const c of children.get(u.id) ?? []) walk(c, depth + 1);
  };
  for (const u of units) if (u.leader?.serial === serial) walk(u, 0);
  return out;
}

function cell(st: Status, day: string, person: string): HTMLElement {
  if (!st) return h("td", { class: "rc-cal-cell", "data-date": day, "data-status": "none" }, h("span", { class: "usa-sr-only" }, "not scheduled"));
  return h(
    "td",
    { class: `rc-cal-cell rc-cal-${st}`, "data-date": day, "data-status": st, title: `${person}, ${day}: ${STATUS[st].long}` },
    h("span", { "aria-hidden": "true" }, STATUS[st].short),
    h("span", { class: "usa-sr-only" }, STATUS[st].long),
  );
}

function grid(cal: Calendar, people: PersonRef[], month: string): HTMLElement {
  const days = cal.days;
  const head = h(
    "tr",
    null,
    h("th", { scope: "col" }, "Person"),
    days.map((d) =>
      h(
        "th",
        { scope: "col", class: `rc-cal-day${d.short_staffed ? " rc-cal-short" : ""}${d.pending.length ? " rc-cal-has-pending" : ""}`, "data-date": d.date },
        dayLabel(d.date),
        d.pending.length ? h("span", { class: "rc-cal-mark", "aria-hidden": "true" }, "?") : null,
      ),
    ),
  );
  const body = people.map((p) =>
    h(
      "tr",
      { "data-serial": p.serial },
      h("th", { scope: "row" }, p.name),
      days.map((d) => cell(statusOf(d, p.serial), d.date, p.name)),
    ),
  );
  const foot = [
    h(
      "tr",
      { class: "rc-cal-staffing" },
      h("th", { scope: "row" }, `On duty (minimum ${cal.minimum_on_duty})`),
      days.map((d) =>
        h(
          "td",
          { class: d.short_staffed ? "rc-cal-short" : null, "data-date": d.date, "data-short": d.short_staffed ? "true" : "false" },
          String(d.on_duty),
          d.short_staffed ? [" ", h("span", { class: "rc-cal-flag" }, "short")] : null,
        ),
      ),
    ),
    h(
      "tr",
      { class: "rc-cal-pending-row" },
      h("th", { scope: "row" }, "Pending requests"),
      days.map((d) => h("td", { "data-date": d.date, "data-pending": String(d.pending.length) }, d.pending.length ? String(d.pending.length) : "")),
    ),
    h(
      "tr",
      { class: "rc-cal-if-approved" },
      h("th", { scope: "row" }, "On duty if pending are approved"),
      days.map((d) => h("td", { "data-date": d.date, class: d.if_pending_approved < d.minimum ? "rc-cal-short" : null }, String(d.if_pending_approved))),
    ),
  ];
  const caption = `Leave and staffing in ${cal.unit.name}, ${monthName(month)}`;
  return h(
    "div",
    { class: "usa-table-container--scrollable rc-table rc-cal-grid", tabindex: "0", role: "region", "aria-label": caption },
    h("table", { class: "usa-table usa-table--compact rc-cal" }, h("caption", null, caption), h("thead", null, head), h("tbody", null, body), h("tfoot", null, foot)),
  );
}

/** A unit larger than this shows the staffing per day rather than a row per person. */
export const GRID_LIMIT = 60;

/** Days as rows with the counts: for large units (a precinct, a bureau). */
function staffingByDay(cal: Calendar, month: string): HTMLElement {
  const caption = `Staffing per day in ${cal.unit.name}, ${monthName(month)}`;
  return h(
    "div",
    { class: "usa-table-container--scrollable rc-table rc-cal-summary", tabindex: "0", role: "region", "aria-label": caption },
    h(
      "table",
      { class: "usa-table usa-table--compact rc-cal" },
      h("caption", null, caption),
      h("thead", null, h("tr", null, ["Day", "On duty", "Minimum", "On leave", "Partly off", "Pending", "On duty if pending are approved"].map((x) => h("th", { scope: "col" }, x)))),
      h(
        "tbody",
        null,
        cal.days.map((d) =>
          h(
            "tr",
            { "data-date": d.date, class: d.short_staffed ? "rc-cal-short" : null },
            h("th", { scope: "row" }, `${dayLabel(d.date)} ${monthName(month)}`),
            h("td", { class: d.short_staffed ? "rc-cal-short" : null }, String(d.on_duty), d.short_staffed ? [" ", h("span", { class: "rc-cal-flag" }, "short")] : null),
            h("td", null, String(d.minimum)),
            h("td", null, String(d.off.length)),
            h("td", null, String(d.partial.length)),
            h("td", { class: d.pending.length ? "rc-cal-pending" : null }, String(d.pending.length)),
            h("td", null, String(d.if_pending_approved)),
          ),
        ),
      ),
    ),
  );
}

function dayList(cal: Calendar, month: string): HTMLElement {
  const names = (list: PersonRef[]) => list.map((p) => p.name).join("; ");
  return h(
    "div",
    { class: "rc-cal-days" },
    h("h3", null, `Day by day, ${monthName(month)}`),
    h(
      "ul",
      { class: "usa-list usa-list--unstyled" },
      cal.days.map((d) =>
        h(
          "li",
          { class: `rc-cal-daycard${d.short_staffed ? " rc-cal-short" : ""}`, "data-date": d.date },
          h("strong", null, `${dayLabel(d.date)} ${monthName(month)}`),
          ": ",
          `${d.on_duty} on duty (minimum ${d.minimum})`,
          d.short_staffed ? [" ", tag("Short-staffed", "rc-tag-overdue")] : null,
          d.off.length ? h("div", null, `On leave: ${names(d.off)}`) : null,
          d.partial.length ? h("div", null, `Partly off: ${names(d.partial)}`) : null,
          d.pending.length ? h("div", null, `Pending: ${names(d.pending)} (${d.if_pending_approved} on duty if approved)`) : null,
        ),
      ),
    ),
  );
}

export async function teamCalendarPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const me = session()?.user;
  const serial = me?.serial ?? "";
  const { units } = await api<{ units: UnitRow[] }>("GET", "/units");
  if (!current(mySeq)) return;
  const led = ledUnits(units ?? [], serial);
  const lead = "Who is on leave and who is on duty, day by day, against the unit's minimum staffing (4.010-POL-2, PRO-1.2).";
  if (!led.length) {
    put(main, ...pageHeading("Team leave calendar", lead), empty("You lead no unit today, so there is no team calendar to show."));
    return;
  }
  const wanted = route.query.get("unit") ?? "";
  const chosen = led.find((x) => x.unit.code === wanted) ?? led.find((x) => x.unit.id === me?.unit?.id) ?? led[0];
  const monthParam = route.query.get("month") ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : today().slice(0, 7);
  const { first, last } = monthBounds(month);
  const cal = await api<Calendar>("GET", withQuery(`/units/${encodeURIComponent(chosen.unit.code)}/leave-calendar`, { from: first, to: last }));
  if (!current(mySeq)) return;

  const unitField = selectField({
    name: "unit",
    label: "Unit",
    options: led.map(({ unit, depth }) => [unit.code, `${"— ".repeat(depth)}${unit.name} (${unit.code})`]),
    value: chosen.unit.code,
  });
  const monthField = inputField({ name: "month", label: "Month", type: "month", value: month });
  const form = h("form", { class: "usa-form rc-cal-pick", "aria-label": "Choose the unit and month" }, unitField.group, monthField.group, button("Show", { type: "submit", class: "usa-button--outline" }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const m = /^\d{4}-\d{2}$/.test(monthField.value()) ? monthField.value() : month;
    navigate(`#/time-off/calendar?unit=${encodeURIComponent(unitField.value())}&month=${m}`);
  });
  const href = (m: string) => `#/time-off/calendar?unit=${encodeURIComponent(chosen.unit.code)}&month=${m}`;

  // Everyone who appears on any day (the API gives the members' count, not the list).
  const people = new Map<string, PersonRef>();
  for (const d of cal.days) for (const list of [d.scheduled, d.off, d.partial, d.pending]) for (const p of list) people.set(p.serial, p);
  const rows = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const shortDays = cal.days.filter((d) => d.short_staffed).length;

  put(
    main,
    ...pageHeading("Team leave calendar", lead),
    form,
    h("h2", { class: "rc-cal-month" }, `${chosen.unit.name}: ${monthName(month)}`),
    h(
      "nav",
      { class: "rc-cal-nav", "aria-label": "Months" },
      h("a", { href: href(shiftMonth(month, -1)), class: "usa-button usa-button--outline rc-cal-prev" }, `Previous month (${monthName(shiftMonth(month, -1))})`),
      h("a", { href: href(shiftMonth(month, 1)), class: "usa-button usa-button--outline rc-cal-next" }, `Next month (${monthName(shiftMonth(month, 1))})`),
    ),
    h("p", null, `${cal.members} members; at least ${cal.minimum_on_duty} on duty each day. `, shortDays ? h("strong", { class: "rc-cal-short-count" }, `${shortDays} short-staffed ${shortDays === 1 ? "day" : "days"} this month.`) : "No short-staffed days this month."),
    rows.length > GRID_LIMIT
      ? null
      : h(
      "ul",
      { class: "rc-cal-legend", "aria-label": "Key" },
      (Object.keys(STATUS) as Exclude<Status, "">[]).map((k) => h("li", null, h("span", { class: `rc-cal-key rc-cal-${k}`, "aria-hidden": "true" }, STATUS[k].short), ` ${STATUS[k].long}`)),
      h("li", null, h("span", { class: "rc-cal-key rc-cal-short", "aria-hidden": "true" }, "!"), " short-staffed day (fewer on duty than the minimum)"),
    ),
    !rows.length
      ? alert("info", null, h("p", { class: "usa-alert__text" }, "No one in this unit is scheduled this month."))
      : rows.length > GRID_LIMIT
        ? [alert("info", null, h("p", { class: "usa-alert__text" }, `${rows.length} people are scheduled in ${cal.unit.name} this month: the staffing per day is shown. Choose a squad to see each person.`)), staffingByDay(cal, month)]
        : [grid(cal, rows, month), dayList(cal, month)],
  );
}
