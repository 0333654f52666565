// Timesheets (4.010-POL-3, POL-4): the list (#/timesheets) with a form to
// open the one for a pay period, the supervisor's overdue and missing list,
// and one timesheet (#/timesheets/{id}): its lines, totals, the deadline
// (noon on the Wednesday after the pay period, agency time) with an Overdue
// tag, submit for the employee, approve / return for the supervisor.
// The API lists no actions on a timesheet: the buttons follow the state and
// the caller (the employee submits an open or returned one; someone else with
// the supervisor role approves or returns a submitted one). The server decides.
import { api, ApiError } from "../api";
import { current, flash, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { hours, LEAVE_TYPES, leaveTypeLabel, type Timesheet, type TimesheetLine, timesheetStateLabel } from "../leave-model";
import { personText } from "../review-model";
import { session, today } from "../session";
import { button, detailsToErrors, empty, type Field, inputField, instant, pageHeading, selectField, showFormErrors, table, tag, textareaField } from "../ui";
import { placeErrors } from "./time-records";

function overdue(): HTMLElement {
  return tag("Overdue", "rc-tag-overdue");
}

function isSupervisor(): boolean {
  return !!session()?.user.roles.some((r) => ["supervisor", "lieutenant", "captain"].includes(r));
}

export async function timesheetsPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const sup = isSupervisor();
  const [list, late] = await Promise.all([
    api<{ timesheets: Timesheet[] }>("GET", "/timesheets"),
    sup ? api<{ overdue: { employee: any; period: { first: string; last: string }; state: string; due: string; timesheet: number | null }[] }>("GET", "/timesheets/overdue").catch(() => null) : Promise.resolve(null),
  ]);
  if (!current(mySeq)) return;
  const serial = session()?.user.serial ?? "";
  const period = inputField({ name: "period", label: "A day in the pay period", type: "date", required: true, value: today() });
  const slot = h("div");
  const open = h(
    "form",
    { class: "usa-form", "aria-labelledby": "rc-ts-open-h", novalidate: true },
    slot,
    period.group,
    button("Open the timesheet", { type: "submit" }),
  );
  open.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!period.value()) return showFormErrors(slot, [period], new Map([["period", "A day in the pay period is required."]]));
    try {
      const t = await api<Timesheet>("POST", "/timesheets", { body: { employee: serial, period: period.value() } });
      navigate(`#/timesheets/${t.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const found = (list.timesheets ?? []).find((t) => t.employee.serial === serial && t.period.first <= period.value() && period.value() <= t.period.last);
        if (found) return navigate(`#/timesheets/${found.id}`);
      }
      const d = err instanceof ApiError ? detailsToErrors(err.details, [period]) : { errors: new Map<string, string>(), other: [] as string[] };
      showFormErrors(slot, [period], d.errors, d.errors.size || d.other.length ? d.other : [err instanceof Error ? err.message : String(err)]);
    }
  });
  const rows = (list.timesheets ?? []).map((t) => [
    h("a", { href: `#/timesheets/${t.id}`, class: "usa-link" }, `${t.period.first} to ${t.period.last}`),
    personText(t.employee),
    timesheetStateLabel(t.state),
    instant(t.due),
    t.overdue ? overdue() : "",
  ]);
  put(
    main,
    ...pageHeading("Timesheets", "Timesheets by pay period (4.010-POL-4). Supervisors approve them by noon on the Wednesday after the pay period (4.010-POL-3)."),
    serial ? h("section", { class: "rc-section", "aria-labelledby": "rc-ts-open-h" }, h("h2", { id: "rc-ts-open-h" }, "Open my timesheet"), open) : null,
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-ts-list-h" },
      h("h2", { id: "rc-ts-list-h" }, "Timesheets"),
      rows.length ? table("Timesheets", ["Pay period", "Employee", "State", "Approval due", "Overdue"], rows, { captionHidden: true, className: "rc-timesheets" }) : empty("No timesheets yet."),
    ),
    late
      ? h(
          "section",
          { class: "rc-section", "aria-labelledby": "rc-ts-late-h" },
          h("h2", { id: "rc-ts-late-h" }, "Overdue and missing in your squad"),
          late.overdue.length
            ? table(
                "Overdue and missing timesheets",
                ["Employee", "Pay period", "State", "Was due"],
                late.overdue.map((o) => [
                  personText(o.employee),
                  o.timesheet ? h("a", { href: `#/timesheets/${o.timesheet}`, class: "usa-link" }, `${o.period.first} to ${o.period.last}`) : `${o.period.first} to ${o.period.last}`,
                  [timesheetStateLabel(o.state), " ", overdue()],
                  instant(o.due),
                ]),
                { captionHidden: true, className: "rc-overdue" },
              )
            : empty("No overdue or missing timesheets."),
          h("p", null, h("a", { href: "/api/v1/timesheets/overdue?format=csv", class: "usa-link" }, "Download the overdue list (CSV)")),
        )
      : null,
  );
}

export async function timesheetPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const t = await api<Timesheet>("GET", `/timesheets/${encodeURIComponent(route.params[0])}`);
  if (!current(mySeq)) return;
  const me = session()?.user.serial ?? "";
  const mine = t.employee.serial === me;
  const actions: [string, string][] = [];
  if (mine && (t.state === "open" || t.state === "returned")) actions.push(["submit", "Submit the timesheet"]);
  if (!mine && isSupervisor() && t.state === "submitted") actions.push(["approve", "Approve"], ["return", "Return for changes"]);
  const comments = textareaField({ name: "comments", label: "Comments (say what to change when returning)", rows: 2, maxlength: 4000 });
  const slot = h("div");
  const stepButtons = actions.map(([a, label]) =>
    button(label, {
      class: a === "return" ? "usa-button--secondary" : "",
      onclick: async (ev: Event) => {
        const b = ev.currentTarget as HTMLButtonElement;
        b.disabled = true;
        try {
          await api("POST", `/timesheets/${t.id}/steps`, { body: { action: a, version: t.version, comments: comments.value() } });
          flash("success", `Timesheet ${t.period.first} to ${t.period.last}: ${label.toLowerCase()} done (4.010-POL-3, POL-4).`);
          navigate(location.hash);
        } catch (err) {
          b.disabled = false;
          const d = err instanceof ApiError ? detailsToErrors(err.details, [comments]) : { errors: new Map<string, string>(), other: [] as string[] };
          showFormErrors(slot, [comments], d.errors, d.errors.size || d.other.length ? d.other : [err instanceof Error ? err.message : String(err)]);
        }
      },
    }),
  );
  const totals = Object.entries(t.totals ?? {}).map(([k, v]) => [h("span", { "data-total": k }, TOTAL_LABELS[k] ?? k.replace(/_/g, " ")), h("span", { "data-total": k }, hours(v))]);
  // the server keeps a changed day's lines last: show them by date
  const lines = [...t.lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const editor = mine && (t.state === "open" || t.state === "returned") ? lineEditor(t, route.query.get("day")) : null;
  put(
    main,
    ...pageHeading(`Timesheet ${t.period.first} to ${t.period.last}`),
    h(
      "dl",
      { class: "rc-dl rc-dl-stack" },
      h("dt", null, "Employee"),
      h("dd", null, personText(t.employee)),
      h("dt", null, "State"),
      h("dd", null, h("span", { class: "rc-ts-state", "data-state": t.state }, timesheetStateLabel(t.state)), t.approved_late ? " (approved late)" : ""),
      h("dt", null, "Supervisor's approval due"),
      h("dd", null, `${instant(t.due)} (noon on the Wednesday after the pay period, agency time; 4.010-POL-3)`, t.overdue ? [" ", overdue()] : null),
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-ts-lines-h" },
      h("h2", { id: "rc-ts-lines-h" }, "Lines"),
      t.lines.length
        ? table("Timesheet lines", ["Date", "Code", "Leave type", "Hours", "Paid"], lines.map((l) => [l.date, l.code, leaveTypeLabel(l.leave_type), hours(l), l.paid ? "Yes" : "No"]), { captionHidden: true, className: "rc-ts-lines" })
        : empty("No lines."),
      totals.length ? table("Totals", ["Total", "Hours"], totals, { className: "rc-ts-totals" }) : null,
    ),
    editor,
    actions.length
      ? h(
          "section",
          { class: "rc-section", "aria-labelledby": "rc-ts-steps-h" },
          h("h2", { id: "rc-ts-steps-h" }, "Your step"),
          h("form", { class: "usa-form", "aria-label": "Timesheet steps", onsubmit: (ev: Event) => ev.preventDefault() }, slot, actions.some(([a]) => a === "return") ? comments.group : null, h("div", { class: "rc-buttons" }, stepButtons)),
        )
      : null,
    h("p", null, h("a", { href: "#/timesheets", class: "usa-link" }, "All timesheets")),
  );
}

// ---- the employee's line editor (4.010-POL-4): one day's lines at a time,
// POST /timesheets/{id}/lines {date, lines, version}; the page reloads with
// the new lines and totals. Codes the employee records (AWOL is the
// supervisor's, 4.010-POL-9).

const TOTAL_LABELS: Record<string, string> = {
  paid: "Paid",
  unpaid: "Unpaid",
  hours_worked: "Hours worked",
  leave: "Leave",
  comp_elected: "Overtime elected as comp time",
};

export const LINE_CODES: [string, string][] = [
  ["regular", "Regular"],
  ["overtime", "Overtime (paid)"],
  ["overtime-comp", "Overtime as comp time"],
  ["leave", "Leave"],
  ["release-time", "Release time"],
  ["special-duty", "Special duty"],
  ["guild", "Guild business"],
];

const LINE_LEAVE_TYPES = Object.keys(LEAVE_TYPES).filter((k) => k !== "awol");

function periodDays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

interface LineRow {
  el: HTMLElement;
  code: Field;
  leaveType: Field;
  hours: Field;
}

function lineEditor(t: Timesheet, wantedDay: string | null): HTMLElement {
  const days = periodDays(t.period.first, t.period.last);
  const byDay = new Map<string, TimesheetLine[]>();
  for (const l of t.lines) {
    if (!byDay.has(l.date)) byDay.set(l.date, []);
    byDay.get(l.date)!.push(l);
  }
  const dayText = (d: string) => {
    const ls = byDay.get(d) ?? [];
    return ls.length ? `${d}: ${ls.map((l) => `${hours(l)} ${l.code}`).join(", ")}` : `${d}: no lines`;
  };
  const start = wantedDay && days.includes(wantedDay) ? wantedDay : (days.find((d) => byDay.has(d)) ?? days[0]);
  const date = selectField({ name: "date", label: "Day", options: days.map((d) => [d, dayText(d)]), value: start });
  const rowsBox = h("div", { class: "rc-lines" });
  const slot = h("div");
  let rows: LineRow[] = [];

  const renumber = () => {
    rows.forEach((r, i) => {
      r.code.name = `lines[${i}].code`;
      r.leaveType.name = `lines[${i}].leave_type`;
      r.hours.name = `lines[${i}].hours`;
      r.code.label.firstChild!.textContent = `Code, line ${i + 1}`;
      r.leaveType.label.firstChild!.textContent = `Leave type, line ${i + 1}`;
      r.hours.label.firstChild!.textContent = `Hours, line ${i + 1}`;
      r.code.labelText = `Code, line ${i + 1}`;
      r.leaveType.labelText = `Leave type, line ${i + 1}`;
      r.hours.labelText = `Hours, line ${i + 1}`;
      (r.el.querySelector(".rc-remove-line") as HTMLButtonElement).setAttribute("aria-label", `Remove line ${i + 1}`);
    });
  };
  const addRow = (l?: TimesheetLine) => {
    const code = selectField({ name: "code", label: "Code", options: LINE_CODES, value: l?.code ?? "regular" });
    const leaveType = selectField({ name: "leave_type", label: "Leave type", placeholder: "- Select -", options: LINE_LEAVE_TYPES.map((k) => [k, leaveTypeLabel(k)]), value: l?.leave_type ?? "" });
    const hrs = inputField({ name: "hours", label: "Hours", inputmode: "decimal", value: l ? String(l.hours) : "" });
    const remove = button("Remove", { class: "usa-button--unstyled rc-remove-line" });
    const el = h("div", { class: "rc-line-row" }, code.group, leaveType.group, hrs.group, h("div", { class: "usa-form-group" }, remove));
    const row: LineRow = { el, code, leaveType, hours: hrs };
    const sync = () => {
      leaveType.group.hidden = code.value() !== "leave";
    };
    code.controls[0].addEventListener("change", sync);
    sync();
    remove.addEventListener("click", () => {
      rows = rows.filter((r) => r !== row);
      el.remove();
      renumber();
    });
    rows.push(row);
    rowsBox.append(el);
    renumber();
    return row;
  };
  const fill = (d: string) => {
    rows = [];
    rowsBox.replaceChildren();
    for (const l of byDay.get(d) ?? []) addRow(l);
    showFormErrors(slot, [], new Map());
  };
  date.controls[0].addEventListener("change", () => fill(date.value()));
  fill(start);

  const add = button("Add a line", { class: "usa-button--outline rc-add-line", onclick: () => addRow().code.focus.focus() });
  const save = button("Save the day", { type: "submit", class: "rc-save-day" });
  const form = h(
    "form",
    { class: "usa-form usa-form--large rc-line-editor", "aria-labelledby": "rc-ts-edit-h", novalidate: true },
    slot,
    date.group,
    h("fieldset", { class: "usa-fieldset rc-lines-fieldset" }, h("legend", { class: "usa-legend" }, "Lines of the day"), h("p", { class: "usa-hint" }, "Remove every line for a day without time. Overtime as comp time is banked at time and a half when your sergeant approves the timesheet (4.010-POL-10)."), rowsBox),
    h("div", { class: "rc-buttons" }, add, save),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const fields = () => [date, ...rows.flatMap((r) => [r.code, r.leaveType, r.hours])];
    const errors = new Map<string, string>();
    const lines = rows.map((r) => {
      const v = r.hours.value();
      if (!v) errors.set(r.hours.name, `${r.hours.labelText} is required.`);
      else if (!/^\d+(\.\d+)?$/.test(v)) errors.set(r.hours.name, `${r.hours.labelText} must be a number of hours.`);
      if (r.code.value() === "leave" && !r.leaveType.value()) errors.set(r.leaveType.name, `${r.leaveType.labelText} is required for leave.`);
      const line: Record<string, unknown> = { code: r.code.value(), hours: Number(v) };
      if (r.code.value() === "leave") line.leave_type = r.leaveType.value();
      return line;
    });
    if (errors.size) return showFormErrors(slot, fields(), errors);
    save.disabled = true;
    try {
      await api("POST", `/timesheets/${t.id}/lines`, { body: { date: date.value(), lines, version: t.version } });
      flash("success", `Lines for ${date.value()} saved; the totals are updated.`);
      navigate(`#/timesheets/${t.id}?day=${date.value()}`);
    } catch (err) {
      save.disabled = false;
      // Rules the domain checks without naming a field go to the line they are about.
      const alias: Record<string, string> = {};
      rows.forEach((_, i) => (alias[`lines[${i}].minutes`] = `lines[${i}].hours`));
      const msg = err instanceof Error ? err.message : "";
      const big = /not (\d+)/.exec(msg);
      const hoursRow = Math.max(0, big ? rows.findIndex((r) => Math.round(Number(r.hours.value()) * 60) === Number(big[1])) : 0);
      const leaveRow = Math.max(0, rows.findIndex((r) => r.code.value() === "leave"));
      const guess: [RegExp, string][] = rows.length
        ? [
            [/leave type|leave line/i, `lines[${leaveRow}].leave_type`],
            [/minutes|hours|shift|a day/i, `lines[${hoursRow}].hours`],
            [/code/i, "lines[0].code"],
          ]
        : [];
      const { errors: e, other } = placeErrors(err, fields(), [[/date|period/i, "date"], ...guess], alias);
      showFormErrors(slot, fields(), e, other);
    }
  });
  return h(
    "section",
    { class: "rc-section", "aria-labelledby": "rc-ts-edit-h" },
    h("h2", { id: "rc-ts-edit-h" }, "Change a day"),
    form,
  );
}
