// "Time records" (#/time-off/records, 4.010): the employee's requests for the
// time records that are not leave: comp time (balance, available, cap and a
// cash-out request, 4.010-POL-10), release time (sworn only: POL-11, PRO-2.1),
// working a circle furlough day (POL-12), special duty days (POL-13, form
// 15.8) and guild days (POL-14, form 2.23.1), and "My requests" of each kind
// with its state, linking to the record page (#/time-records/{kind}/{id}).
// One page with a section per form (and links to them at the top) rather
// than tabs: each form is short, the page works without script-driven tab
// state, every section is reachable by a link, and it sits next to "Time off"
// (leave) as its own navigation entry.
// A server 422 is shown at its field (details[].field); rules the domain
// checks without naming a field (beyond the balance, last day before first)
// are placed at the field their words name, else in the form's summary.
import { api, ApiError, type ErrorDetail } from "../api";
import { current, flash, navigate, seq } from "../app";
import { h, put } from "../dom";
import { hours } from "../leave-model";
import { type CompTime, myRecords, RECORD_KINDS, recordHref, type RecordKind, recordStateLabel, recordSummary, RELATIONSHIPS, SPECIAL_DUTY_PURPOSES } from "../records-model";
import { session } from "../session";
import { alert, button, checkboxField, detailsToErrors, empty, type Field, inputField, pageHeading, selectField, showFormErrors, table, textareaField } from "../ui";

/** Field-less domain messages → the field whose words they use (first match wins). */
export type Guess = [RegExp, string][];

/**
 * The 422's details as per-field messages: a field the form has by name
 * (minutes/hours are one "hours" field), else guessed from the words, else
 * the form's summary.
 */
export function placeErrors(err: unknown, fields: Field[], guess: Guess = [], alias: Record<string, string> = {}): { errors: Map<string, string>; other: string[] } {
  if (!(err instanceof ApiError)) return { errors: new Map(), other: [err instanceof Error ? err.message : String(err)] };
  const names = new Set(fields.map((f) => f.name));
  const details: ErrorDetail[] = (err.details.length ? err.details : [{ field: "", message: err.message }]).map((d) => {
    let field = d.field ?? "";
    if (alias[field]) field = alias[field];
    if (!names.has(field)) {
      const hit = guess.find(([re]) => re.test(d.message));
      field = hit ? hit[1] : "";
    }
    return { ...d, field };
  });
  const r = detailsToErrors(details.filter((d) => d.field), fields);
  r.other.push(...details.filter((d) => !d.field).map((d) => d.message));
  return r;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOURS = /^\d+(\.\d+)?$/;

/** "2027-01-20, 2027-01-21" or one per line → dates; null if one is not a date. */
export function parseDays(text: string): string[] | null {
  const out = text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
  return out.every((d) => DATE.test(d)) ? out : null;
}

interface FormSpec {
  id: string;
  fields: Field[];
  submit: string;
  /** client checks (required, formats) → errors, else the body */
  read(): { errors: Map<string, string>; body: Record<string, unknown> };
  path: string;
  kind: RecordKind | "leave-extension";
  guess?: Guess;
  alias?: Record<string, string>;
  done(r: any): string;
}

function recordForm(spec: FormSpec): HTMLFormElement {
  const slot = h("div");
  const submit = button(spec.submit, { type: "submit" });
  const form = h("form", { class: `usa-form usa-form--large rc-record-form`, "data-kind": spec.kind, "aria-labelledby": `${spec.id}-h`, novalidate: true }, slot, spec.fields.map((f) => f.group), submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const { errors, body } = spec.read();
    if (errors.size) return showFormErrors(slot, spec.fields, errors);
    submit.disabled = true;
    try {
      const r = await api("POST", spec.path, { body });
      flash("success", spec.done(r));
      navigate("#/time-off/records");
    } catch (err) {
      submit.disabled = false;
      const { errors: e, other } = placeErrors(err, spec.fields, spec.guess, { minutes: "hours", ...(spec.alias ?? {}) });
      showFormErrors(slot, spec.fields, e, other);
    }
  });
  return form;
}

function required(errors: Map<string, string>, f: Field, what = `${f.labelText} is required.`): void {
  if (!f.value()) errors.set(f.name, what);
}

function hoursCheck(errors: Map<string, string>, f: Field): number {
  const v = f.value();
  if (!v) errors.set(f.name, `${f.labelText} is required.`);
  else if (!HOURS.test(v)) errors.set(f.name, `${f.labelText} must be a number of hours.`);
  return Number(v);
}

interface Extension {
  id: number;
  employee?: { serial: string };
  year: number;
  banks: string[];
  until: string;
  state: string;
  decision_comments?: string;
  granted?: boolean;
}

const EXTENSION_STATES: Record<string, string> = {
  requested: "Requested, on its way to the bureau chief",
  granted: "Granted by the bureau chief",
  refused: "Refused by the bureau chief",
};

function section(id: string, title: string, ...children: unknown[]): HTMLElement {
  return h("section", { class: "rc-section", id, "aria-labelledby": `${id}-h` }, h("h2", { id: `${id}-h`, tabindex: "-1" }, title), ...(children as HTMLElement[]));
}

export async function timeRecordsPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const serial = session()?.user.serial ?? "";
  if (!serial) {
    put(main, ...pageHeading("Time records"), empty("Your account is not linked to an employee record, so it has no time records."));
    return;
  }
  // The session carries no employee category or bargaining unit: the
  // employee's own record does (GET /employees/{serial}). Without it the
  // forms show and the server decides.
  const [comp, mine, me, extensions] = await Promise.all([
    api<CompTime>("GET", "/comp-time"),
    myRecords(serial),
    api<{ category?: string; bargaining_unit?: string; rank?: string }>("GET", `/employees/${encodeURIComponent(serial)}`).catch(() => null),
    api<{ extensions: Extension[] }>("GET", "/leave-extensions").catch(() => ({ extensions: [] as Extension[] })),
  ]);
  if (!current(mySeq)) return;
  const sworn = me?.category ? me.category === "sworn" : true;
  const spog = me?.bargaining_unit ? me.bargaining_unit === "SPOG" : true;

  // ---- comp time (POL-10)
  const cashHours = inputField({ name: "hours", label: "Hours to cash out", inputmode: "decimal", required: true, hint: `Up to your available comp time (${hours(comp.available)}).` });
  const cashForm = recordForm({
    id: "rc-tr-comp",
    kind: "cash-out",
    fields: [cashHours],
    submit: "Ask Payroll to pay it",
    path: "/comp-time/cash-outs",
    read() {
      const errors = new Map<string, string>();
      const n = hoursCheck(errors, cashHours);
      return { errors, body: { hours: n } };
    },
    guess: [[/cash-out|comp balance|minutes|hours/i, "hours"]],
    done: (r) => `Comp time cash-out ${r.id} of ${hours(r)} sent to Payroll (4.010-POL-10).`,
  });

  // ---- release time (POL-11, PRO-2.1)
  const relationship = selectField({ name: "relationship", label: "Family member", required: true, placeholder: "- Select -", options: RELATIONSHIPS, hint: "Release time is for an unforeseen medical emergency of an immediate family member." });
  const emergency = textareaField({ name: "emergency", label: "The emergency", required: true, rows: 3, maxlength: 8000 });
  const rtFirst = inputField({ name: "first_day", label: "First day", type: "date", required: true });
  const rtLast = inputField({ name: "last_day", label: "Last day", type: "date", required: true });
  const rtHours = inputField({ name: "hours", label: "Hours", inputmode: "decimal", required: true, hint: "In all, over the days." });
  const rtFields = [relationship, emergency, rtFirst, rtLast, rtHours];
  const releaseForm = recordForm({
    id: "rc-tr-release",
    kind: "release-time",
    fields: rtFields,
    submit: "Tell my sergeant",
    path: "/release-time",
    read() {
      const errors = new Map<string, string>();
      required(errors, relationship);
      required(errors, emergency, "Describe the emergency.");
      required(errors, rtFirst);
      required(errors, rtLast);
      const n = hoursCheck(errors, rtHours);
      if (rtFirst.value() && rtLast.value() && rtLast.value() < rtFirst.value()) errors.set("last_day", "Last day is before the first day.");
      return { errors, body: { relationship: relationship.value(), emergency: emergency.value(), first_day: rtFirst.value(), last_day: rtLast.value(), hours: n } };
    },
    guess: [
      [/last day|before the first/i, "last_day"],
      [/family|relationship/i, "relationship"],
      [/emergency/i, "emergency"],
      [/minutes|hours/i, "hours"],
    ],
    done: (r) => `Release time ${r.id} sent to your sergeant (4.010-PRO-2.1). Over three consecutive days, you will be told of the Family Medical Leave option.`,
  });

  // ---- circle furlough (POL-12)
  const fDay = inputField({ name: "furlough_day", label: "Furlough day to work", type: "date", required: true });
  const fHours = inputField({ name: "hours", label: "Hours", inputmode: "decimal", required: true });
  const fOvertime = checkboxField({ name: "approved_overtime", label: "On approved overtime (9-80 schedules work a furlough day only on approved overtime)" });
  const furloughForm = recordForm({
    id: "rc-tr-furlough",
    kind: "furlough-work",
    fields: [fDay, fHours, fOvertime],
    submit: "Ask to work the furlough day",
    path: "/furlough-work",
    read() {
      const errors = new Map<string, string>();
      required(errors, fDay);
      const n = hoursCheck(errors, fHours);
      return { errors, body: { furlough_day: fDay.value(), hours: n, approved_overtime: fOvertime.value() === "true" } };
    },
    guess: [
      [/furlough day|9-80|schedule/i, "furlough_day"],
      [/overtime/i, "approved_overtime"],
      [/FLSA|minutes|hours/i, "hours"],
    ],
    done: (r) => `Request ${r.id} to work the furlough day ${r.furlough_day} sent to your sergeant. You owe a normal work day off between ${r.flsa_period?.first} and ${r.flsa_period?.last} (the same FLSA period, 4.010-POL-12).`,
  });

  // ---- special duty (POL-13, form 15.8)
  const sdDays = textareaField({ name: "days", label: "Days", required: true, rows: 2, hint: "One date per line or separated by commas, as 2027-01-20." });
  const sdHours = inputField({ name: "hours", label: "Hours per day", inputmode: "decimal", required: true });
  const sdPurpose = selectField({ name: "purpose", label: "Purpose", required: true, placeholder: "- Select -", options: SPECIAL_DUTY_PURPOSES });
  const sdDescription = textareaField({ name: "description", label: "Description", rows: 3, maxlength: 8000, hint: "Required for other Department business." });
  const specialForm = recordForm({
    id: "rc-tr-special",
    kind: "special-duty",
    fields: [sdDays, sdHours, sdPurpose, sdDescription],
    submit: "Submit form 15.8 to my captain",
    path: "/special-duty",
    read() {
      const errors = new Map<string, string>();
      const days = parseDays(sdDays.value());
      if (!sdDays.value()) errors.set("days", "Days is required.");
      else if (!days) errors.set("days", "Days must be dates as 2027-01-20.");
      const n = hoursCheck(errors, sdHours);
      required(errors, sdPurpose);
      if (sdPurpose.value() === "other" && !sdDescription.value()) errors.set("description", "Describe the Department business.");
      return { errors, body: { days: days ?? [], hours: n, purpose: sdPurpose.value(), description: sdDescription.value() } };
    },
    guess: [
      [/descri/i, "description"],
      [/purpose/i, "purpose"],
      [/minutes|hours/i, "hours"],
      [/day|date/i, "days"],
    ],
    done: (r) => `Special duty request ${r.id} (form 15.8) sent to your captain (4.010-POL-13).`,
  });

  // ---- guild days (POL-14, form 2.23.1)
  const gDays = textareaField({ name: "days", label: "Days", required: true, rows: 2, hint: "One date per line or separated by commas, as 2027-01-21." });
  const gHours = inputField({ name: "hours", label: "Hours per day", inputmode: "decimal", required: true });
  const gBusiness = textareaField({ name: "business", label: "Guild business", required: true, rows: 3, maxlength: 8000 });
  const guildForm = recordForm({
    id: "rc-tr-guild",
    kind: "guild-day",
    fields: [gDays, gHours, gBusiness],
    submit: "Submit form 2.23.1 to the Guild president",
    path: "/guild-days",
    read() {
      const errors = new Map<string, string>();
      const days = parseDays(gDays.value());
      if (!gDays.value()) errors.set("days", "Days is required.");
      else if (!days) errors.set("days", "Days must be dates as 2027-01-21.");
      const n = hoursCheck(errors, gHours);
      required(errors, gBusiness, "Describe the Guild business.");
      return { errors, body: { days: days ?? [], hours: n, business: gBusiness.value() } };
    },
    guess: [
      [/business/i, "business"],
      [/minutes|hours/i, "hours"],
      [/day|date/i, "days"],
    ],
    done: (r) => `Guild day request ${r.id} (form 2.23.1) sent to the Guild president (4.010-POL-14).`,
  });

  // ---- year-end extension (POL-7): through the chain of command to the bureau chief
  const year = new Date().getFullYear();
  const xBank = selectField({ name: "banks", label: "Leave to extend", required: true, options: [["holiday", "Holiday (used by December 31)"], ["furlough", "Furlough (used by the last full pay period in December)"]] });
  const xUntil = inputField({ name: "until", label: "Use it by", type: "date", required: true, hint: `After December 31, ${year}.` });
  const xReason = textareaField({ name: "reason", label: "Why you need the extension", required: true, rows: 3, maxlength: 8000 });
  const extensionForm = recordForm({
    id: "rc-tr-ext",
    kind: "leave-extension",
    fields: [xBank, xUntil, xReason],
    submit: "Send through the chain to the bureau chief",
    path: "/leave-extensions",
    read() {
      const errors = new Map<string, string>();
      required(errors, xBank);
      required(errors, xUntil);
      required(errors, xReason, "Say why you need the extension.");
      return { errors, body: { year, banks: [xBank.value()], until: xUntil.value(), reason: xReason.value() } };
    },
    guess: [
      [/bank|holiday|furlough/i, "banks"],
      [/until|after/i, "until"],
      [/reason/i, "reason"],
    ],
    done: (r) => `Extension request ${r.id} sent to your sergeant, to go up the chain of command to your bureau chief (4.010-POL-7).`,
  });
  const extRows = extensions.extensions
    .filter((x) => x.employee?.serial === serial)
    .map((x) => [
      h("a", { href: `#/time-records/leave-extension/${x.id}`, class: "usa-link", "data-kind": "leave-extension", "data-id": String(x.id) }, `Extension ${x.id}`),
      `${x.banks.join(", ")} ${x.year} until ${x.until}`,
      h("span", { class: "rc-record-state", "data-state": x.state }, x.state === "sent-to-payroll" ? `${x.granted ? "Granted" : "Refused"} by the bureau chief; sent to Payroll` : (EXTENSION_STATES[x.state] ?? x.state)),
      x.decision_comments || "",
    ]);

  // ---- my requests
  const rows = mine
    .sort((a, b) => b.record.id - a.record.id)
    .map(({ kind, record }) => {
      const s = recordSummary(kind, record);
      return [
        h("a", { href: recordHref(kind, record.id), class: "usa-link", "data-kind": kind, "data-id": String(record.id) }, `${RECORD_KINDS[kind].label} ${record.id}`),
        s.when,
        s.what,
        h("span", { class: "rc-record-state", "data-state": record.state }, recordStateLabel(record.state)),
      ];
    });

  const sections: [string, string][] = [
    ["rc-tr-comp", "Comp time"],
    ["rc-tr-release", "Release time"],
    ["rc-tr-furlough", "Working a furlough day"],
    ["rc-tr-special", "Special duty"],
    ["rc-tr-guild", "Guild days"],
    ["rc-tr-ext", "Year-end extension"],
    ["rc-tr-mine", "My requests"],
  ];
  put(
    main,
    ...pageHeading("Time records", "Comp time, release time, circle furloughs, special duty, guild days and year-end extensions (Seattle Police Manual 4.010). Leave is on the Time off page."),
    h("nav", { "aria-label": "Sections of this page" }, h("ul", { class: "usa-list rc-toc" }, sections.map(([id, text]) => h("li", null, h("a", { href: `#/time-off/records`, class: "usa-link", onclick: (ev: Event) => { ev.preventDefault(); document.getElementById(id)?.scrollIntoView(); document.getElementById(`${id}-h`)?.focus(); } }, text))))),
    section(
      "rc-tr-comp",
      "Comp time",
      h("p", null, "Overtime you elect as comp time (code overtime-comp on your timesheet) is banked at time and a half when your sergeant approves the timesheet, up to your cap; the rest is paid (4.010-POL-10)."),
      h(
        "dl",
        { class: "rc-dl rc-comp" },
        h("dt", null, "Balance"),
        h("dd", { class: "rc-comp-balance" }, hours(comp.balance)),
        h("dt", null, "Available"),
        h("dd", { class: "rc-comp-available" }, hours(comp.available)),
        h("dt", null, "Cap"),
        h("dd", { class: "rc-comp-cap" }, `${hours(comp.cap)} (${comp.bargaining_unit})`),
      ),
      h("h3", null, "Ask for pay for comp time"),
      cashForm,
    ),
    section(
      "rc-tr-release",
      "Release time",
      sworn
        ? [h("p", null, "Tell your sergeant of an unforeseen medical emergency of an immediate family member that needs you released from work (4.010-POL-11, PRO-2.1). Your sergeant decides and completes form 2.27."), releaseForm]
        : alert("info", null, h("p", { class: "usa-alert__text rc-sworn-only" }, "Release time is for sworn employees only (4.010-POL-11). Ask your supervisor about sick leave or family medical leave on the Time off page.")),
    ),
    section(
      "rc-tr-furlough",
      "Working a furlough day",
      h("p", null, "You may work a furlough day with your sergeant's approval if you stay within your FLSA allowance (4.010-POL-12). ", h("strong", null, "You owe a normal work day off in the same FLSA period.")),
      furloughForm,
    ),
    section("rc-tr-special", "Special duty", h("p", null, "Special Duty Day Authorization (form 15.8): Department business outside your regular duty, such as a job-related business meeting, an extradition or testifying in an outside jurisdiction. Your captain approves (4.010-POL-13)."), specialForm),
    section(
      "rc-tr-guild",
      "Guild days",
      spog
        ? [h("p", null, "Guild Day Authorization and Voucher (form 2.23.1) for SPOG union business. The Guild president approves or disapproves (4.010-POL-14)."), guildForm]
        : alert("info", null, h("p", { class: "usa-alert__text rc-guild-only" }, "Guild days are for police officers and sergeants of the Seattle Police Officers' Guild (4.010-POL-14).")),
    ),
    section(
      "rc-tr-ext",
      "Year-end extension",
      h("p", null, "Holidays are used by December 31 and furloughs by the end of the last full pay period in December, or they are lost. If you cannot use them in time, ask your bureau chief for an extension: the request goes through your chain of command, and the bureau chief's decision is shown here and sent to Payroll (4.010-POL-7)."),
      extensionForm,
      extRows.length ? table("My extension requests", ["Request", "Leave", "State", "Bureau chief's comments"], extRows, { className: "rc-my-extensions" }) : null,
    ),
    section(
      "rc-tr-mine",
      "My requests",
      rows.length ? table("My time-record requests", ["Request", "Dates", "Amount", "State"], rows, { captionHidden: true, className: "rc-my-records" }) : empty("You have no time-record requests."),
    ),
  );
}
