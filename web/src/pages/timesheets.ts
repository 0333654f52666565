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
import { hours, leaveTypeLabel, type Timesheet, timesheetStateLabel } from "../leave-model";
import { personText } from "../review-model";
import { session, today } from "../session";
import { button, detailsToErrors, empty, inputField, instant, pageHeading, showFormErrors, table, tag, textareaField } from "../ui";

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
  const totals = Object.entries(t.totals ?? {}).map(([k, v]) => [k.replace(/_/g, " "), hours(v)]);
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
        ? table("Timesheet lines", ["Date", "Code", "Leave type", "Hours", "Paid"], t.lines.map((l) => [l.date, l.code, leaveTypeLabel(l.leave_type), hours(l), l.paid ? "Yes" : "No"]), { captionHidden: true, className: "rc-ts-lines" })
        : empty("No lines."),
      totals.length ? table("Totals", ["Total", "Hours"], totals, { className: "rc-ts-totals" }) : null,
    ),
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
