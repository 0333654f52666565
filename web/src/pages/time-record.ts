// One 4.010 time record (#/time-records/{kind}/{id}): a timesheet correction
// (POL-8), an AWOL record (POL-9), a comp-time cash-out (POL-10), release time
// (POL-11, PRO-2), a circle furlough (POL-12), special duty (POL-13), a guild
// day (POL-14) or a year-end extension (POL-7). It shows the record's fields,
// its state and version, the route of its copy, its history, and one form per
// step the caller may take.
//
// The records carry no `my_actions`: the steps offered are the ones the
// caller's inbox lists for this record (GET /inbox, which applies the policy's
// rule on the day), plus the two steps the inbox does not list — a bureau
// chief's additional release time (PRO-2.4 note) and Payroll's settling after
// the cut-off. The server decides every step: 403 and 422 are shown at the
// form (422 details at their fields), 409 (someone acted first, or the state
// moved on) reloads the record with the server's message.
import { api, ApiError } from "../api";
import { current, flash, navigate, seq, type Route } from "../app";
import { h, put, type Child } from "../dom";
import { hours, leaveTypeLabel, type Amount } from "../leave-model";
import { personText, type InboxItem, type PersonRef } from "../review-model";
import { session } from "../session";
import {
  RECORD_KINDS,
  type RecordKind,
  recordStateLabel,
  RELEASE_CHARGE,
  type Routing,
  routingText,
  type StepDef,
  type TimeRecord,
} from "../time-record-model";
import {
  alert,
  button,
  checkboxField,
  detailsToErrors,
  empty,
  type Field,
  inputField,
  instant,
  pageHeading,
  showFormErrors,
  table,
  tag,
  textareaField,
} from "../ui";

function isKind(k: string): k is RecordKind {
  return Object.prototype.hasOwnProperty.call(RECORD_KINDS, k);
}

/** GET the record; an extension has no GET of its own, so it is found in the list. */
export async function loadRecord(kind: RecordKind, id: string): Promise<TimeRecord> {
  if (kind === "leave-extension") {
    const list = await api<{ extensions: TimeRecord[] }>("GET", "/leave-extensions");
    const found = (list.extensions ?? []).find((x) => String(x.id) === id);
    if (!found) throw new ApiError(404, "not_found", `Year-end extension ${id} does not exist or is not yours to see.`);
    return found;
  }
  return api<TimeRecord>("GET", `${RECORD_KINDS[kind].api}/${encodeURIComponent(id)}`);
}

function hasRole(role: string): boolean {
  return !!session()?.user.roles.includes(role);
}

/** The steps the caller may take on this record (see the header). */
export function stepsFor(kind: RecordKind, r: TimeRecord, inbox: InboxItem[]): string[] {
  const def = RECORD_KINDS[kind];
  const item = inbox.find((i) => i.id === r.id && def.inboxKinds.includes(i.kind ?? ""));
  const out = [...(item?.actions ?? [])];
  if (kind === "release-time" && r.employee?.serial !== session()?.user.serial) {
    if (hasRole("bureau-chief") && !["requested", "denied"].includes(r.state)) out.push("authorize-additional");
    if (hasRole("payroll") && r.state !== "requested" && r.cutoff && Date.parse(r.cutoff) < Date.now()) out.push("settle");
  }
  return [...new Set(out)].filter((a) => def.steps[a]);
}

function dl(items: [string, Child][]): HTMLElement {
  return h(
    "dl",
    { class: "rc-dl rc-dl-stack rc-record-facts" },
    items.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [h("dt", null, k), h("dd", null, v)]),
  );
}

const yesNo = (b: unknown) => (b ? "Yes" : "No");
const person = (p: PersonRef | null | undefined) => (p && p.serial ? personText(p) : "");
const amt = (a: Amount | null | undefined) => (a ? hours(a) : "");

function routingSection(title: string, r: Routing | null | undefined, idBase: string): HTMLElement | null {
  if (!r || r.hops.length === 0) return null;
  const hId = `${idBase}-h`;
  return h(
    "section",
    { class: "rc-section rc-routing", "aria-labelledby": hId },
    h("h2", { id: hId }, title),
    h("p", { class: "rc-routing-status", "data-delivered": String(r.delivered) }, routingText(r)),
    table(
      title,
      ["Recipient", "Title", "Received"],
      r.hops.map((hop) => [person(hop.recipient) || "Vacant", hop.title, hop.received ? instant(hop.received) : "Not yet"]),
      { captionHidden: true, className: "rc-hops" },
    ),
  );
}

/** The facts of each kind, in the words of its form. */
function facts(kind: RecordKind, r: TimeRecord): [string, Child][] {
  const common: [string, Child][] = [["Employee", person(r.employee)]];
  switch (kind) {
    case "correction":
      return [
        ...common,
        ["Timesheet", r.timesheet ? h("a", { href: `#/timesheets/${r.timesheet}`, class: "usa-link" }, `Timesheet ${r.timesheet}`) : ""],
        ["Day corrected", r.day],
        ["Reason", r.reason],
        ["Requested by", person(r.requested_by)],
        ["Requested on", r.requested_on],
        ["45-day deadline", r.deadline ?? "None"],
        ["Exception (after 45 days, to the bureau chief)", yesNo(r.exception)],
        ["Applied as timesheet version", r.applied_version ?? ""],
      ];
    case "awol":
      return [
        ...common,
        ["Date", r.date],
        ["Hours absent (unpaid)", amt(r as unknown as Amount)],
        ["Timesheet", r.timesheet ? h("a", { href: `#/timesheets/${r.timesheet}`, class: "usa-link" }, `Timesheet ${r.timesheet}`) : ""],
        ["Memo by", person(r.memo?.author)],
        ["Memo sent to the HR director", [person(r.memo?.hr_director), r.memo?.sent ? `, ${instant(r.memo.sent)}` : ""]],
        ["Copy to the bureau chief", routingText(r.memo?.copy)],
      ];
    case "cash-out":
      return [
        ...common,
        ["Hours to pay", amt(r as unknown as Amount)],
        ["Requested", instant(r.requested_at)],
        ["Decided", r.decided_at ? `${instant(r.decided_at)} by ${person(r.decided_by)}` : ""],
        ["Comments", r.comments],
      ];
    case "release-time":
      return [
        ...common,
        ["Relationship", r.relationship],
        ["Emergency", r.emergency],
        ["Days", `${r.first_day} to ${r.last_day} (${r.consecutive_days} consecutive day${r.consecutive_days === 1 ? "" : "s"})`],
        ["Release time", amt(r.time)],
        ["Additional (bureau commander)", r.additional?.minutes ? `${amt(r.additional)} by ${person(r.additional_by)}` : ""],
        ["Total", amt(r.total)],
        ["Offered by the supervisor", yesNo(r.offered)],
        ["Supervisor", person(r.supervisor)],
        ["Payroll", person(r.payroll)],
        ["Form 2.27 received by Payroll", r.payroll_received ? instant(r.payroll_received) : "Not yet"],
        ["Processing cut-off", instant(r.cutoff)],
        [r.payroll_received || r.state === "denied" ? "Charged as" : "Charged as, if nothing changes by the cut-off", r.charge ? h("span", { class: "rc-charge", "data-charge": r.charge.as }, `${RELEASE_CHARGE[r.charge.as] ?? r.charge.as}: ${r.charge.reason}`) : ""],
        [
          "Copy to the FML coordinator (over three consecutive days)",
          r.fml ? `${person(r.fml.coordinator)}, sent ${instant(r.fml.copied_at)}; ${r.fml.informed_at ? `employee informed ${instant(r.fml.informed_at)} by ${person(r.fml.informed_by)}` : "employee not yet informed of the FML option"}` : "None",
        ],
      ];
    case "furlough-work":
      return [
        ...common,
        ["Schedule", r.schedule],
        ["Furlough day to work", r.furlough_day],
        ["Hours", amt(r.time)],
        ["On approved overtime", yesNo(r.approved_overtime)],
        ["FLSA work period", r.flsa_period ? `${r.flsa_period.first} to ${r.flsa_period.last}, limit ${amt(r.flsa_period.limit)}` : ""],
        ["Worked before in the period", amt(r.worked_before)],
        ["Normal work day off", r.day_off ?? `Not yet (${String(r.day_off_status ?? "").replace(/-/g, " ")})`],
        ["Decided by", person(r.decided_by)],
        ["Comments", r.comments],
      ];
    case "special-duty":
    case "guild-day":
      return [
        ...common,
        ["Form", r.form],
        ["Days", (r.days ?? []).join(", ")],
        ["Hours per day", amt(r.per_day)],
        kind === "special-duty" ? ["Purpose", String(r.purpose ?? "").replace(/-/g, " ")] : ["Union business", r.business],
        kind === "special-duty" ? ["Description", r.description] : ["", ""],
        ["Decided by", person(r.decided_by)],
        ["Comments", r.comments],
      ];
    case "leave-extension":
      return [
        ...common,
        ["Year", r.year],
        ["Banks", (r.banks ?? []).map((b: string) => leaveTypeLabel(b)).join(", ")],
        ["Until", r.until],
        ["Reason", r.reason],
        ["Bureau chief", person(r.bureau_chief)],
        ["Granted", r.state === "requested" ? "Not decided" : yesNo(r.granted)],
        ["Decision comments", r.decision_comments],
      ];
  }
}

function makeField(f: NonNullable<StepDef["fields"]>[number], action: string): Field {
  const name = f.name;
  if (f.type === "textarea") return textareaField({ name, label: f.label, required: f.required, hint: f.hint, rows: 2, maxlength: 8000, className: `rc-f-${action}-${name}` });
  if (f.type === "checkbox") return checkboxField({ name, label: f.label, hint: f.hint });
  if (f.type === "date") return inputField({ name, label: f.label, type: "date", required: f.required, hint: f.hint });
  return inputField({ name, label: f.label, type: "number", inputmode: "decimal", required: f.required, hint: f.hint });
}

async function postStep(kind: RecordKind, r: TimeRecord, action: string, body: Record<string, unknown>): Promise<void> {
  if (kind === "awol") {
    await api("POST", `/awol/${r.id}/forward`, { body: { version: r.version } });
    return;
  }
  await api("POST", `${RECORD_KINDS[kind].api}/${r.id}/steps`, { body: { action, version: r.version, ...body } });
}

/** One form per step: its fields, its button, its errors. */
function stepForm(kind: RecordKind, r: TimeRecord, action: string, title: string): HTMLElement {
  const def = RECORD_KINDS[kind].steps[action];
  const fields = (def.fields ?? []).map((f) => ({ spec: f, field: makeField(f, action) }));
  const slot = h("div");
  const submit = button(def.label, { type: "submit", class: def.negative ? "usa-button--secondary" : "", "data-action": action });
  const form = h(
    "form",
    { class: "usa-form rc-step-form rc-record-step", "data-action": action, "aria-label": `${def.label} (${title})`, novalidate: true },
    slot,
    fields.map((f) => f.field.group),
    submit,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const missing = new Map<string, string>();
    const body: Record<string, unknown> = {};
    for (const { spec, field } of fields) {
      const v = field.value();
      if (spec.required && !v) missing.set(spec.name, `${field.labelText} is required.`);
      if (!v) continue;
      if (spec.type === "checkbox") body[spec.name] = v === "true";
      else if (spec.type === "hours") body[spec.name] = Number(v);
      else body[spec.name] = v;
    }
    if (kind === "release-time" && action === "approve" && body.unforeseen_medical_emergency === undefined) body.unforeseen_medical_emergency = false;
    const all = fields.map((f) => f.field);
    if (missing.size) return showFormErrors(slot, all, missing);
    submit.disabled = true;
    try {
      await postStep(kind, r, action, body);
      flash("success", `${title}: ${def.label.toLowerCase()} done (${def.clause}).`);
      navigate(location.hash);
    } catch (err) {
      submit.disabled = false;
      if (err instanceof ApiError && err.status === 409) {
        flash("warning", `${title} was not changed: ${err.message} The record has been reloaded.`);
        navigate(location.hash);
        return;
      }
      if (err instanceof ApiError && err.status === 422) {
        const byClause = new Map(fields.filter((f) => f.spec.clause).map((f) => [f.spec.clause as string, f.spec.name]));
        const details = err.details.map((d) => {
          if (!d.field || !byClause.has(d.field)) return d;
          // "4.010-POL-12: the day off is …" → "The day off is … (4.010-POL-12)."
          const text = d.message.startsWith(`${d.field}: `) ? d.message.slice(d.field.length + 2) : d.message;
          return { ...d, field: byClause.get(d.field), message: `${text.charAt(0).toUpperCase()}${text.slice(1)} (${d.field}).` };
        });
        const { errors, other } = detailsToErrors(details, all);
        const rest = other.filter((m) => !m.endsWith(err.message) && m !== err.message);
        return showFormErrors(slot, all, errors, errors.size ? rest : [err.message]);
      }
      const msg = err instanceof ApiError && err.status === 403 ? `You may not take this step: ${err.message}` : err instanceof Error ? err.message : String(err);
      showFormErrors(slot, all, new Map(), [msg]);
    }
  });
  return form;
}

function historySection(r: TimeRecord): HTMLElement {
  const rows = (r.history ?? []).map((e) => [
    instant(e.at),
    e.what.replace(/-/g, " "),
    person(e.actor) || "System",
    e.to ? e.to.replace(/-/g, " ") : e.step ?? "",
    e.comments ?? "",
  ]);
  return h(
    "section",
    { class: "rc-section", "aria-labelledby": "rc-rec-hist-h" },
    h("h2", { id: "rc-rec-hist-h" }, "History"),
    h("p", null, `Version ${r.version}. Each step is a new version; earlier ones are kept.`),
    rows.length ? table("History", ["When", "Step", "By", "State after", "Comments"], rows, { captionHidden: true, className: "rc-history" }) : empty("No steps yet."),
  );
}

export async function timeRecordPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const [kindParam, id] = route.params;
  if (!isKind(kindParam)) {
    put(main, ...pageHeading("Time record"), alert("warning", "Not found", h("p", null, `There is no kind of time record called "${kindParam}".`)));
    return;
  }
  const kind = kindParam;
  const def = RECORD_KINDS[kind];
  const [r, inbox] = await Promise.all([
    loadRecord(kind, id),
    api<{ items: InboxItem[] }>("GET", "/inbox").catch(() => ({ items: [] as InboxItem[] })),
  ]);
  if (!current(mySeq)) return;
  const title = `${def.noun} ${r.id}`;
  const steps = stepsFor(kind, r, inbox.items ?? []);

  const lines =
    kind === "correction" && Array.isArray(r.lines)
      ? h(
          "section",
          { class: "rc-section", "aria-labelledby": "rc-rec-lines-h" },
          h("h2", { id: "rc-rec-lines-h" }, `Corrected lines for ${r.day}`),
          table("Corrected lines", ["Date", "Code", "Leave type", "Hours", "Paid"], r.lines.map((l: any) => [l.date, l.code, leaveTypeLabel(l.leave_type), hours(l), l.paid ? "Yes" : "No"]), { captionHidden: true, className: "rc-ts-lines" }),
        )
      : null;
  const memo =
    kind === "awol"
      ? h(
          "section",
          { class: "rc-section rc-awol-memo", "aria-labelledby": "rc-rec-memo-h" },
          h("h2", { id: "rc-rec-memo-h" }, "Memo to the HR director"),
          h("blockquote", { class: "rc-memo-text" }, r.memo?.circumstances ?? ""),
        )
      : null;
  const copy = kind === "awol" ? r.memo?.copy : kind === "release-time" || kind === "correction" ? (r.copy ?? r.routing) : kind === "leave-extension" ? r.route : null;
  const copyTitle = kind === "correction" || kind === "leave-extension" ? "Route to the bureau chief" : kind === "awol" ? "Copy of the memo up the chain" : "Copy of form 2.27 up the chain";

  put(
    main,
    ...pageHeading(`${title}: ${r.employee?.name ?? ""}`, `${def.clause}.`),
    dl([
      ["State", [h("span", { class: "rc-record-state", "data-state": r.state }, recordStateLabel(kind, r.state)), " ", tag(`Version ${r.version}`)]],
      ...facts(kind, r),
    ]),
    lines,
    memo,
    routingSection(copyTitle, copy, "rc-rec-route"),
    h(
      "section",
      { class: "rc-section rc-record-steps", "aria-labelledby": "rc-rec-steps-h" },
      h("h2", { id: "rc-rec-steps-h" }, "Your steps"),
      steps.length ? steps.map((a) => stepForm(kind, r, a, title)) : empty("No step on this record waits for you."),
    ),
    historySection(r),
    h("p", null, h("a", { href: "#/inbox", class: "usa-link" }, "Back to your inbox")),
  );
}
