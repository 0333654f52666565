// "Time off" (#/time-off, 4.010): the signed-in employee's balances per bank
// as of today (balance, pending, available: 4.010-POL-5, POL-6), the leave
// request form (4.010-POL-2, PRO-1.1) whose 422s are shown at their fields
// (overlap, reversed dates, hours beyond a day, a type the unit lacks), the
// employee's requests with their state and a cancel button, and the
// iCalendar feed of approved leave.
import { api, ApiError, withQuery } from "../api";
import { current, flash, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { type Balances, hours, type LeaveRequest, leaveStateLabel, leaveTypeLabel, REQUESTABLE_OTHER } from "../leave-model";
import { session } from "../session";
import { alert, button, detailsToErrors, empty, inputField, pageHeading, selectField, showFormErrors, table, textareaField } from "../ui";

/** "2026-12-05 4" lines: the partial days; null with a message when one is not understood. */
export function parsePartialDays(text: string): { days: { date: string; hours: number }[]; error: string | null } {
  const days: { date: string; hours: number }[] = [];
  for (const raw of text.split(/\n|,/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(\d+(?:\.\d+)?)$/.exec(line);
    if (!m) return { days, error: `Partial days: "${line}" is not "YYYY-MM-DD hours".` };
    days.push({ date: m[1], hours: Number(m[2]) });
  }
  return { days, error: null };
}

async function scheduledDates(serial: string, first: string, last: string): Promise<string[]> {
  const s = await api<{ shifts: { date: string }[] }>("GET", `/employees/${encodeURIComponent(serial)}/schedule?from=${first}&to=${last}`);
  return (s.shifts ?? []).map((x) => x.date);
}

export async function timeOffPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const serial = session()?.user.serial ?? "";
  if (!serial) {
    put(main, ...pageHeading("Time off"), empty("Your account is not linked to an employee record, so it has no leave."));
    return;
  }
  const asOfParam = /^\d{4}-\d{2}-\d{2}$/.test(route.query.get("as_of") ?? "") ? route.query.get("as_of") : null;
  const [bal, mine] = await Promise.all([
    api<Balances>("GET", withQuery(`/employees/${encodeURIComponent(serial)}/leave`, { as_of: asOfParam })),
    api<{ requests: LeaveRequest[] }>("GET", "/leave-requests?scope=mine"),
  ]);
  if (!current(mySeq)) return;

  // Balances as of a date: usage is posted on the leave's own dates
  // (4.010-PRO-1.5), so a recorded future day shows in "Posted after" today
  // and in the balance as of that day (as Odoo Time Off and TeleStaff show a
  // balance "as of" a date).
  const asOf = inputField({ name: "as_of", label: "Balances as of", type: "date", value: bal.as_of });
  const asOfForm = h("form", { class: "usa-form rc-as-of", "aria-label": "Balances as of a date" }, asOf.group, button("Show", { type: "submit", class: "usa-button--outline" }));
  asOfForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(asOf.value() ? `#/time-off?as_of=${asOf.value()}` : "#/time-off");
  });
  const balances = h(
    "section",
    { class: "rc-section", "aria-labelledby": "rc-to-bal-h" },
    h("h2", { id: "rc-to-bal-h" }, `Balances as of ${bal.as_of}`),
    h("p", null, `Bargaining unit ${bal.bargaining_unit}, ${bal.schedule} schedule. Available = balance + usage already posted after this date − pending requests (4.010-POL-5, POL-6).`),
    asOfForm,
    table(
      "Leave balances in hours",
      ["Bank", "Balance", "Posted after", "Pending", "Available"],
      bal.banks.map((b) => [leaveTypeLabel(b.bank), hours(b.balance), hours(b.committed_after), hours(b.pending), hours(b.available)]),
      { className: "rc-balances" },
    ),
  );

  // ---- the request form
  const types = [...bal.banks.map((b) => b.bank), ...REQUESTABLE_OTHER];
  const type = selectField({ name: "type", label: "Type of leave", required: true, placeholder: "- Select -", options: types.map((t) => [t, leaveTypeLabel(t)]) });
  const first = inputField({ name: "first", label: "First day", type: "date", required: true });
  const last = inputField({ name: "last", label: "Last day", type: "date", required: true });
  const perDay = inputField({ name: "days", label: "Hours per day", inputmode: "decimal", hint: "Leave empty for whole shifts. A number applies to every scheduled day in the range." });
  const partial = textareaField({ name: "partial", label: "Partial days", rows: 2, hint: "Optional: one day per line, as 2026-12-05 4 (date, then hours). These replace the hours per day on those dates." });
  const note = textareaField({ name: "note", label: "Reason", maxlength: 2000, rows: 2 });
  const fields = [type, first, last, perDay, partial, note];
  const slot = h("div");
  const submit = button("Submit the request", { type: "submit" });
  const form = h(
    "form",
    { class: "usa-form usa-form--large rc-leave-form", "aria-labelledby": "rc-to-form-h", novalidate: true },
    slot,
    fields.map((f) => f.group),
    submit,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = new Map<string, string>();
    if (!type.value()) errors.set("type", "Type of leave is required.");
    if (!first.value()) errors.set("first", "First day is required.");
    if (!last.value()) errors.set("last", "Last day is required.");
    const per = perDay.value();
    if (per && !/^\d+(\.\d+)?$/.test(per)) errors.set("days", "Hours per day must be a number of hours.");
    const p = parsePartialDays(partial.value());
    if (p.error) errors.set("partial", p.error);
    if (errors.size) return showFormErrors(slot, fields, errors);
    const body: Record<string, unknown> = { type: type.value(), first: first.value(), last: last.value(), note: note.value() };
    submit.disabled = true;
    try {
      if (per || p.days.length) {
        const dates = per && first.value() <= last.value() ? await scheduledDates(serial, first.value(), last.value()) : [];
        const byDate = new Map<string, number>(dates.map((d) => [d, Number(per)]));
        for (const d of p.days) byDate.set(d.date, d.hours);
        body.days = [...byDate.entries()].sort().map(([date, hrs]) => ({ date, hours: hrs }));
      }
      const r = await api<LeaveRequest>("POST", "/leave-requests", { body });
      flash("success", `Leave request ${r.id} submitted: ${hours(r.total)} of ${leaveTypeLabel(r.type)}${r.captain_path ? "; over four consecutive days it is a Request for Authorized Absence and goes to the captain after your sergeant (4.010-PRO-1)" : ""}.`);
      navigate("#/time-off");
    } catch (err) {
      submit.disabled = false;
      if (err instanceof ApiError && err.status === 422) {
        // days[…] (overlap, over a day, beyond the balance) belong to the hours.
        const details = err.details.map((d) => ({ ...d, field: d.field?.startsWith("days") ? "days" : d.field === "charge" ? "type" : d.field }));
        const { errors: e, other } = detailsToErrors(details, fields);
        showFormErrors(slot, fields, e, e.size || other.length ? other : [err.message]);
      } else {
        showFormErrors(slot, fields, new Map(), [err instanceof Error ? err.message : String(err)]);
      }
    }
  });

  // ---- my requests
  const requests = mine.requests ?? [];
  const cancelButton = (r: LeaveRequest) =>
    button("Cancel", {
      class: "usa-button--outline rc-cancel",
      "aria-label": `Cancel leave request ${r.id} (${r.first} to ${r.last})`,
      onclick: async (ev: Event) => {
        const b = ev.currentTarget as HTMLButtonElement;
        b.disabled = true;
        try {
          await api("POST", `/leave-requests/${r.id}/steps`, { body: { action: "cancel", version: r.version } });
          flash("success", `Leave request ${r.id} cancelled.`);
        } catch (err) {
          flash("warning", `Leave request ${r.id} was not cancelled: ${err instanceof Error ? err.message : String(err)}`);
        }
        navigate("#/time-off");
      },
    });
  const icsUrl = `/api/v1/employees/${encodeURIComponent(serial)}/leave.ics`;

  put(
    main,
    ...pageHeading("Time off", "Your leave balances, your requests and a new request (Seattle Police Manual 4.010). Requests over four consecutive days are a Request for Authorized Absence decided by your captain."),
    h("p", null, "Comp time and its cash-out, release time, working a furlough day, special duty and guild days are on the ", h("a", { href: "#/time-off/records", class: "usa-link" }, "Time records"), " page."),
    balances,
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-to-form-h" },
      h("h2", { id: "rc-to-form-h" }, "Request time off"),
      form,
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-to-mine-h" },
      h("h2", { id: "rc-to-mine-h" }, "My requests"),
      requests.length
        ? table(
            "My leave requests",
            ["Request", "Type", "Dates", "Hours", "State", ""],
            requests.map((r) => [
              String(r.id),
              leaveTypeLabel(r.type),
              r.first === r.last ? r.first : `${r.first} to ${r.last}`,
              hours(r.total),
              h("span", { class: "rc-leave-state", "data-state": r.state }, leaveStateLabel(r.state)),
              r.my_actions.includes("cancel") ? cancelButton(r) : "",
            ]),
            { captionHidden: true, className: "rc-my-requests" },
          )
        : empty("You have no leave requests."),
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-to-ics-h" },
      h("h2", { id: "rc-to-ics-h" }, "Calendar feed"),
      alert("info", null, h("p", { class: "usa-alert__text" }, "Your approved and recorded leave as an iCalendar feed: ", h("a", { href: icsUrl, class: "usa-link rc-ics" }, "leave.ics"), " (add it to your calendar application while signed in, or download it).")),
    ),
  );
}
