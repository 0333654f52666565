// The Payroll Unit's page (#/payroll): the accrual run (preview, then post),
// year end (4.010-POL-7: the dry-run report of forfeitures, negative balances
// covered from other banks and pay adjustments per employee and bank, its CSV,
// and Apply after a confirmation — the server refuses it before January 1 or a
// second time), and the queues: timesheet corrections (POL-8), comp-time
// cash-outs (POL-10), forms 2.27 (PRO-2: qualifying or charged as sick leave),
// year-end extensions sent to Payroll (POL-7), and the department's late and
// missing timesheets (POL-3). Each queue row opens the record's page.
import { api, ApiError, withQuery } from "../api";
import { current, seq } from "../app";
import { h, put, type Child } from "../dom";
import { hours, leaveTypeLabel, timesheetStateLabel } from "../leave-model";
import { personText, type PersonRef } from "../review-model";
import { session, today } from "../session";
import { RECORD_KINDS, recordHref, recordStateLabel, RELEASE_CHARGE, type ReleaseTime, type TimeRecord, YEAR_END_KINDS } from "../time-record-model";
import { alert, button, detailsToErrors, empty, errorAlert, inputField, instant, pageHeading, showFormErrors, table, tag } from "../ui";

interface AccrualResult {
  through: string;
  dry_run: boolean;
  employees: number;
  accrual_entries: number;
  holiday_credits: number;
  furlough_grants: number;
  posted: { minutes: number; hours: number };
  reduced_by_cap: number;
  skipped: unknown[];
}

interface YearEndItem {
  employee: PersonRef;
  kind: string;
  bank: string;
  from: string | null;
  minutes: number;
  hours: number;
  date: string;
  reason: string;
}

interface YearEndReport {
  year: number;
  dry_run: boolean;
  applied: boolean;
  furlough_deadline: string;
  holiday_deadline: string;
  entries_posted: number;
  totals: Record<string, { minutes: number; hours: number }>;
  items: YearEndItem[];
}

const h2 = (id: string, text: string) => h("h2", { id }, text);
const num = (n: number) => n.toLocaleString("en-US");
const hrs = (m: number) => hours({ minutes: m, hours: m / 60 });

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "rc-section", "aria-labelledby": id }, h2(id, title), ...children);
}

function recordLink(kind: keyof typeof RECORD_KINDS, r: { id: number }, text: string): HTMLElement {
  return h("a", { href: recordHref(kind, r.id), class: "usa-link", "data-kind": kind, "data-id": String(r.id) }, text);
}

// ---- accrual run

function accrualSection(): HTMLElement {
  const through = inputField({ name: "through", label: "Post accruals through", type: "date", required: true, value: today(), hint: "Pay periods that ended by this day. The run is idempotent: periods already posted are skipped." });
  const slot = h("div");
  const result = h("div", { class: "rc-accrual-result", "aria-live": "polite" });
  const preview = button("Preview (dry run)", { type: "submit", "data-action": "preview" });
  const apply = button("Post the accruals", { class: "usa-button--outline", "data-action": "apply", disabled: true });
  let previewed = "";
  const run = async (dry: boolean) => {
    const d = through.value();
    if (!d) return showFormErrors(slot, [through], new Map([["through", "Post accruals through is required."]]));
    preview.disabled = true;
    apply.disabled = true;
    try {
      const r = await api<AccrualResult>("POST", withQuery("/leave/accruals", { through: d, dry_run: dry ? 1 : 0 }));
      showFormErrors(slot, [through], new Map());
      previewed = dry ? d : "";
      put(
        result,
        alert(
          dry ? "info" : "success",
          dry ? `Preview through ${r.through}: nothing posted yet` : `Accruals posted through ${r.through}`,
          table(
            dry ? "Accrual run preview" : "Accrual run posted",
            ["Figure", "Count"],
            [
              ["Employees", num(r.employees)],
              ["Accrual entries", num(r.accrual_entries)],
              ["Holiday credits", num(r.holiday_credits)],
              ["Furlough grants", num(r.furlough_grants)],
              ["Hours", hours(r.posted)],
              ["Reduced by a cap", num(r.reduced_by_cap)],
              ["Skipped", num(r.skipped?.length ?? 0)],
            ],
            { className: "rc-accrual-figures" },
          ),
        ),
      );
    } catch (err) {
      const dd = err instanceof ApiError ? detailsToErrors(err.details, [through]) : { errors: new Map<string, string>(), other: [] as string[] };
      showFormErrors(slot, [through], dd.errors, dd.errors.size || dd.other.length ? dd.other : [err instanceof Error ? err.message : String(err)]);
    } finally {
      preview.disabled = false;
      apply.disabled = previewed !== through.value() || !previewed;
    }
  };
  through.controls[0].addEventListener("input", () => (apply.disabled = previewed !== through.value() || !previewed));
  apply.addEventListener("click", () => void run(false));
  const form = h("form", { class: "usa-form rc-accrual-form", "aria-labelledby": "rc-pay-accr-h", novalidate: true }, slot, through.group, h("div", { class: "rc-buttons" }, preview, apply));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void run(true);
  });
  return section("rc-pay-accr-h", "Accrual run", h("p", null, "Vacation and sick accruals per pay period by seniority tier up to the cap, holiday credits and furlough grants. Preview first; post when the figures are right."), form, result);
}

// ---- year end

interface YearEndRow {
  employee: PersonRef;
  bank: string;
  forfeit: number;
  cover: { from: string; minutes: number }[];
  pay: number;
  carry: number;
}

function groupYearEnd(items: YearEndItem[]): YearEndRow[] {
  const rows = new Map<string, YearEndRow>();
  for (const i of items) {
    const key = `${i.employee.serial}|${i.bank}`;
    let r = rows.get(key);
    if (!r) {
      r = { employee: i.employee, bank: i.bank, forfeit: 0, cover: [], pay: 0, carry: 0 };
      rows.set(key, r);
    }
    if (i.kind === "forfeit") r.forfeit += i.minutes;
    else if (i.kind === "cover") r.cover.push({ from: i.from ?? "", minutes: i.minutes });
    else if (i.kind === "pay-adjustment") r.pay += i.minutes;
    else if (i.kind === "carry") r.carry += i.minutes;
  }
  return [...rows.values()];
}

const YEAR_END_SHOWN = 200;

function yearEndSection(): HTMLElement {
  const year = inputField({ name: "year", label: "Year", type: "number", inputmode: "numeric", required: true, value: today().slice(0, 4) });
  const slot = h("div");
  const report = h("div", { class: "rc-year-end-report" });
  let csvUrl = "";
  const runDry = async () => {
    const y = year.value();
    if (!/^\d{4}$/.test(y)) return showFormErrors(slot, [year], new Map([["year", "Year must be a year such as 2026."]]));
    put(report, h("p", { class: "rc-loading-inline", role: "status" }, "Running the dry run…"));
    try {
      const [r, csv] = await Promise.all([
        api<YearEndReport>("POST", withQuery("/leave/year-end", { year: y, dry_run: 1 })),
        fetchCsv(y).catch(() => null),
      ]);
      showFormErrors(slot, [year], new Map());
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = csv ? URL.createObjectURL(csv) : "";
      put(report, ...yearEndReport(r, csvUrl));
    } catch (err) {
      report.replaceChildren();
      const d = err instanceof ApiError ? detailsToErrors(err.details, [year]) : { errors: new Map<string, string>(), other: [] as string[] };
      showFormErrors(slot, [year], d.errors, d.errors.size || d.other.length ? d.other : [err instanceof Error ? err.message : String(err)]);
    }
  };
  const form = h("form", { class: "usa-form rc-year-end-form", "aria-labelledby": "rc-pay-ye-h", novalidate: true }, slot, year.group, button("Run the dry run", { type: "submit", "data-action": "year-end-dry-run" }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void runDry();
  });
  return section(
    "rc-pay-ye-h",
    "Year end (4.010-POL-7)",
    h("p", null, "Unused furlough is lost at the end of the last full December pay period and unused holidays on December 31; negative balances are covered from vacation, holiday and comp time, the rest by a pay adjustment; extensions sent to Payroll carry the balance. The dry run changes nothing; Apply posts it once, after December 31."),
    form,
    report,
  );
}

async function fetchCsv(year: string): Promise<Blob> {
  // The CSV is a POST (the run's own endpoint), so it is fetched and offered as a file.
  const res = await fetch(`/api/v1${withQuery("/leave/year-end", { year, dry_run: 1, format: "csv" })}`, {
    method: "POST",
    headers: { Accept: "text/csv", "X-CSRF-Token": session()?.csrf_token ?? "" },
    credentials: "same-origin",
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Blob([await res.text()], { type: "text/csv" });
}

function yearEndReport(r: YearEndReport, csvUrl: string): Child[] {
  const rows = groupYearEnd(r.items ?? []);
  const totals = Object.entries(r.totals ?? {}).map(([k, v]) => `${YEAR_END_KINDS[k] ?? k}: ${hours(v)}`).join("; ");
  const applySlot = h("div", { class: "rc-year-end-apply" });
  const startApply = button(`Apply year end ${r.year}…`, { class: "usa-button--secondary", "data-action": "year-end-apply" });
  startApply.addEventListener("click", () => {
    startApply.hidden = true;
    const confirm = button(`Yes, post year end ${r.year}`, { class: "usa-button--secondary", "data-action": "year-end-confirm" });
    const cancel = button("Cancel", { class: "usa-button--unstyled" });
    const result = h("div");
    const box = h(
      "div",
      { class: "rc-confirm", role: "group", "aria-label": "Confirm year end" },
      alert("warning", `Post year end ${r.year}?`, h("p", null, `This posts ${num((r.items ?? []).length)} entries to the employees' ledgers in one transaction. It can be done once, after December 31, and is not undone.`)),
      h("div", { class: "rc-buttons" }, confirm, cancel),
      result,
    );
    cancel.addEventListener("click", () => {
      box.remove();
      startApply.hidden = false;
      startApply.focus();
    });
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      try {
        const done = await api<YearEndReport>("POST", withQuery("/leave/year-end", { year: r.year, dry_run: 0 }));
        put(result, alert("success", `Year end ${r.year} applied`, h("p", null, `${num(done.entries_posted)} entries posted.`)));
      } catch (err) {
        confirm.disabled = false;
        const refused = err instanceof ApiError && err.status === 409;
        put(result, refused ? h("div", { class: "rc-year-end-refused" }, alert("error", "Year end not applied", h("p", null, (err as ApiError).message))) : errorAlert(err));
        (result.querySelector(".usa-alert") as HTMLElement | null)?.setAttribute("tabindex", "-1");
        (result.querySelector(".usa-alert") as HTMLElement | null)?.focus();
      }
    });
    applySlot.append(box);
    confirm.focus();
  });
  const shown = rows.slice(0, YEAR_END_SHOWN);
  return [
    alert("info", `Dry run for ${r.year}: nothing posted`, h("p", null, `Furlough deadline ${r.furlough_deadline}, holiday deadline ${r.holiday_deadline}. ${num((r.items ?? []).length)} entries for ${num(rows.length)} employee banks. ${totals}`)),
    csvUrl ? h("p", null, h("a", { href: csvUrl, download: `year-end-${r.year}.csv`, class: "usa-link rc-year-end-csv" }, `Download the ${r.year} report (CSV)`)) : h("p", null, "The CSV could not be prepared; run the dry run again."),
    rows.length
      ? table(
          `Year end ${r.year} per employee and bank`,
          ["Employee", "Bank", "Forfeited", "Negative balance covered from", "Pay adjustment", "Carried by an extension"],
          shown.map((x) => [
            personText(x.employee),
            leaveTypeLabel(x.bank),
            x.forfeit ? hrs(x.forfeit) : "",
            x.cover.map((c) => `${leaveTypeLabel(c.from)} ${hrs(c.minutes)}`).join("; "),
            x.pay ? hrs(x.pay) : "",
            x.carry ? hrs(x.carry) : "",
          ]),
          { className: "rc-year-end-table" },
        )
      : empty("Nothing to settle for this year."),
    rows.length > YEAR_END_SHOWN ? h("p", null, `The first ${YEAR_END_SHOWN} of ${num(rows.length)} employee banks are shown; the CSV has all of them.`) : null,
    r.applied ? alert("info", null, h("p", null, `Year end ${r.year} has been applied.`)) : [startApply, applySlot],
  ];
}

// ---- queues

function queues(corrections: TimeRecord[], cashOuts: TimeRecord[], releases: ReleaseTime[], extensions: TimeRecord[], late: any): HTMLElement[] {
  const openCorrections = corrections.filter((c) => c.state === "with-payroll" || c.state === "approved");
  const requested = cashOuts.filter((c) => c.state === "requested");
  const forms = releases.filter((r) => ["forwarded", "received"].includes(r.state) || r.payroll_received);
  const sent = extensions.filter((x) => x.state === "sent-to-payroll");
  return [
    section(
      "rc-pay-corr-h",
      "Timesheet corrections (4.010-POL-8)",
      openCorrections.length
        ? table(
            "Timesheet corrections",
            ["Correction", "Employee", "Day", "Reason", "State"],
            openCorrections.map((c) => [recordLink("correction", c, `Correction ${c.id}`), personText(c.employee), c.day, c.reason, recordStateLabel("correction", c.state)]),
            { captionHidden: true, className: "rc-pay-corrections" },
          )
        : empty("No correction waits for Payroll."),
    ),
    section(
      "rc-pay-cash-h",
      "Comp-time cash-outs (4.010-POL-10)",
      requested.length
        ? table(
            "Comp-time cash-outs",
            ["Cash-out", "Employee", "Hours", "Requested"],
            requested.map((c) => [recordLink("cash-out", c, `Cash-out ${c.id}`), personText(c.employee), hours(c as any), instant(c.requested_at)]),
            { captionHidden: true, className: "rc-pay-cash-outs" },
          )
        : empty("No comp-time cash-out waits for Payroll."),
    ),
    section(
      "rc-pay-rt-h",
      "Release time authorizations, form 2.27 (4.010-PRO-2)",
      forms.length
        ? table(
            "Release time authorizations",
            ["Release time", "Employee", "Days", "Hours", "Form 2.27 received", "Charged as"],
            forms.map((r) => [
              recordLink("release-time", r, `Release time ${r.id}`),
              personText(r.employee),
              `${r.first_day} to ${r.last_day}`,
              hours(r.total),
              r.payroll_received ? instant(r.payroll_received) : [tag("Not received"), " ", recordStateLabel("release-time", r.state)],
              r.charge ? h("span", { "data-charge": r.charge.as }, RELEASE_CHARGE[r.charge.as] ?? r.charge.as) : "",
            ]),
            { captionHidden: true, className: "rc-pay-release" },
          )
        : empty("No form 2.27 has been sent to Payroll."),
    ),
    section(
      "rc-pay-ext-h",
      "Year-end extensions sent to Payroll (4.010-POL-7)",
      sent.length
        ? table(
            "Year-end extensions sent to Payroll",
            ["Extension", "Employee", "Year", "Banks", "Until", "Decision"],
            sent.map((x) => [recordLink("leave-extension", x, `Extension ${x.id}`), personText(x.employee), String(x.year), (x.banks ?? []).map((b: string) => leaveTypeLabel(b)).join(", "), x.until, x.granted ? "Granted" : "Refused"]),
            { captionHidden: true, className: "rc-pay-extensions" },
          )
        : empty("No extension has been sent to Payroll."),
    ),
    section(
      "rc-pay-late-h",
      "Late and missing timesheets, department-wide (4.010-POL-3)",
      late
        ? late.overdue.length
          ? table(
              "Late and missing timesheets",
              ["Employee", "Pay period", "State", "Was due"],
              late.overdue.slice(0, 200).map((o: any) => [
                personText(o.employee),
                o.timesheet ? h("a", { href: `#/timesheets/${o.timesheet}`, class: "usa-link" }, `${o.period.first} to ${o.period.last}`) : `${o.period.first} to ${o.period.last}`,
                timesheetStateLabel(o.state),
                instant(o.due),
              ]),
              { captionHidden: true, className: "rc-pay-overdue" },
            )
          : empty("No late or missing timesheets.")
        : empty("The late list could not be loaded."),
      late && late.overdue.length > 200 ? h("p", null, `The first 200 of ${num(late.overdue.length)} are shown; the CSV has all of them.`) : null,
      h("p", null, h("a", { href: "/api/v1/timesheets/overdue?format=csv", class: "usa-link rc-overdue-csv", download: "overdue-timesheets.csv" }, "Download the late and missing list (CSV)")),
    ),
  ];
}

export async function payrollPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const [corrections, cashOuts, releases, extensions, late] = await Promise.all([
    api<{ corrections: TimeRecord[] }>("GET", "/corrections"),
    api<{ cash_outs: TimeRecord[] }>("GET", "/comp-time/cash-outs"),
    api<{ release_time: ReleaseTime[] }>("GET", "/release-time"),
    api<{ extensions: TimeRecord[] }>("GET", "/leave-extensions"),
    api<{ overdue: any[] }>("GET", "/timesheets/overdue").catch(() => null),
  ]);
  if (!current(mySeq)) return;
  put(
    main,
    ...pageHeading("Payroll", "Leave accruals and year end, and the time records that wait for the Payroll Unit (4.010-POL-7, POL-8, POL-10, PRO-2)."),
    accrualSection(),
    yearEndSection(),
    ...queues(corrections.corrections ?? [], cashOuts.cash_outs ?? [], releases.release_time ?? [], extensions.extensions ?? [], late),
  );
}
