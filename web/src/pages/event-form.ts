// Recording an indicator event (POST /events), correcting one (a new version,
// POST /events/{id}/corrections) and withdrawing one (POST /events/{id}/withdrawal).
import { api, ApiError, withQuery } from "../api";
import { current, flash, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { today } from "../session";
import {
  alert,
  checkboxField,
  detailsToErrors,
  errorAlert,
  inputField,
  KINDS,
  kindLabel,
  pageHeading,
  radioField,
  selectField,
  showFormErrors,
  textareaField,
  type Field,
} from "../ui";
import type { PmpEvent } from "./employee";

const DATE_HINTS: Record<string, string> = {
  "supervisory-recommendation": "The date of the recommendation.",
  "use-of-force": "The date the force was used.",
  "vehicle-collision": "The date of the collision.",
  complaint: "The date the complaint was received.",
  claim: "The date the employee was named in the claim or lawsuit.",
  pursuit: "The date of the pursuit.",
};

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;

function eventForm(main: HTMLElement, mode: "new" | "correct", initial: Partial<PmpEvent>, eventId?: number): void {
  const serial = inputField({ name: "employee_serial", label: "Employee serial", required: true, value: initial.employee_serial ?? "", readonly: mode === "correct", maxlength: 32 });
  const kind = selectField({ name: "kind", label: "Kind of event", required: true, placeholder: "- Select -", options: KINDS.map(([id, ind, text]) => [id, `${ind} — ${text}`]), value: initial.kind ?? "" });
  const date = inputField({ name: "date", label: "Date", type: "date", required: true, max: today(), value: initial.date ?? "", hint: "Select the kind of event first." });
  const incident = inputField({ name: "incident_number", label: "Incident number", required: true, maxlength: 64, value: initial.incident_number ?? "" });

  const author = inputField({ name: "author", label: "Recommended by", value: initial.author ?? "", hint: "The supervisor who made the recommendation." });
  const forceType = radioField({ name: "force_type", label: "Force type", required: true, options: [["I", "Type I"], ["II", "Type II"], ["III", "Type III"]], value: initial.force_type ?? "" });
  const firearm = checkboxField({ name: "firearm_discharge", label: "Firearm discharged", value: initial.firearm_discharge ? "true" : "" });
  const investigation = inputField({ name: "investigation_status", label: "Investigation status", value: initial.investigation_status ?? "" });
  const preventability = selectField({ name: "preventability", label: "Preventability", required: true, placeholder: "- Select -", options: [["pending", "Pending a ruling"], ["preventable", "Preventable"], ["not-preventable", "Not preventable"]], value: initial.preventability ?? "" });
  const ruledOn = inputField({ name: "ruled_on", label: "Ruled on", type: "date", max: today(), value: initial.ruled_on ?? "", hint: "The date of the ruling, when there is one." });
  const source = radioField({ name: "complaint_source", label: "Complaint source", required: true, options: [["OPA", "OPA (Office of Police Accountability)"], ["EEO", "EEO"]], value: initial.complaint_source ?? "" });
  const open = checkboxField({ name: "complaint_open", label: "The complaint is still open", value: initial.complaint_open ? "true" : "" });
  const disposition = inputField({ name: "disposition", label: "Disposition", value: initial.disposition ?? "" });
  const text = textareaField({ name: "text", label: "Summary", maxlength: 4000, rows: 4, value: initial.text ?? "", hint: "Optional; at most 4,000 characters." });
  const note = textareaField({ name: "note", label: mode === "correct" ? "Why this correction" : "Note", required: mode === "correct", rows: 2, value: "", hint: mode === "correct" ? "Required: for example, the collision was ruled preventable." : "Optional." });

  const byKind: Record<string, Field[]> = {
    "supervisory-recommendation": [author],
    "use-of-force": [forceType, firearm, investigation],
    "vehicle-collision": [preventability, ruledOn],
    complaint: [source, open, disposition],
    claim: [],
    pursuit: [],
  };
  const kindFields = [author, forceType, firearm, investigation, preventability, ruledOn, source, open, disposition];
  const all = [serial, kind, date, incident, ...kindFields, text, note];
  const specific = h("fieldset", { class: "usa-fieldset rc-kind-fields" }, h("legend", { class: "usa-legend usa-legend--large" }, "Details for this kind"), kindFields.map((f) => f.group));

  const dateHint = date.group.querySelector(".usa-hint");
  function showKind(): void {
    const k = kind.value();
    const visible = new Set(byKind[k] ?? []);
    for (const f of kindFields) f.group.hidden = !visible.has(f);
    specific.hidden = visible.size === 0;
    if (dateHint) dateHint.textContent = DATE_HINTS[k] ?? "Select the kind of event first.";
  }
  kind.controls[0].addEventListener("change", showKind);
  showKind();

  function validate(): Map<string, string> {
    const e = new Map<string, string>();
    const k = kind.value();
    if (!serial.value()) e.set("employee_serial", "Enter the employee's serial number.");
    if (!k) e.set("kind", "Select the kind of event.");
    if (!date.value()) e.set("date", "Enter the date.");
    else if (!VALID_DATE.test(date.value())) e.set("date", "Enter a date as YYYY-MM-DD.");
    else if (date.value() > today()) e.set("date", "The date cannot be in the future.");
    if (!incident.value()) e.set("incident_number", "Enter the incident number.");
    else if (incident.value().length > 64) e.set("incident_number", "The incident number is at most 64 characters.");
    if (k === "use-of-force" && !forceType.value()) e.set("force_type", "Select the force type.");
    if (k === "vehicle-collision" && !preventability.value()) e.set("preventability", "Select whether the collision was preventable.");
    if (k === "vehicle-collision" && ruledOn.value()) {
      if (ruledOn.value() > today()) e.set("ruled_on", "The ruling date cannot be in the future.");
      else if (date.value() && ruledOn.value() < date.value()) e.set("ruled_on", "The ruling cannot be before the collision.");
    }
    if (k === "complaint" && !source.value()) e.set("complaint_source", "Select OPA or EEO.");
    if (text.value().length > 4000) e.set("text", "The summary is at most 4,000 characters.");
    if (mode === "correct" && !note.value()) e.set("note", "Say why this correction is recorded.");
    return e;
  }

  function body(): Record<string, unknown> {
    const k = kind.value();
    const b: Record<string, unknown> = { employee_serial: serial.value(), kind: k, date: date.value(), incident_number: incident.value() };
    const opt = (name: string, v: string) => {
      if (v) b[name] = v;
    };
    if (k === "supervisory-recommendation") opt("author", author.value());
    if (k === "use-of-force") {
      b.force_type = forceType.value();
      b.firearm_discharge = firearm.value() === "true";
      opt("investigation_status", investigation.value());
    }
    if (k === "vehicle-collision") {
      b.preventability = preventability.value();
      opt("ruled_on", ruledOn.value());
    }
    if (k === "complaint") {
      b.complaint_source = source.value();
      b.complaint_open = open.value() === "true";
      opt("disposition", disposition.value());
    }
    opt("text", text.value());
    opt("note", note.value());
    return b;
  }

  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, mode === "correct" ? "Save correction" : "Record event");
  const cancelHref = initial.employee_serial ? `#/employees/${encodeURIComponent(initial.employee_serial)}` : "#/";
  const form = h(
    "form",
    { class: "usa-form usa-form--large rc-event-form", novalidate: true },
    h("p", null, "Fields marked ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*"), " are required."),
    messages,
    serial.group,
    kind.group,
    date.group,
    incident.group,
    specific,
    text.group,
    note.group,
    h("div", { class: "usa-button-group" }, submit, h("a", { href: cancelHref, class: "usa-button usa-button--outline" }, "Cancel")),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = validate();
    showFormErrors(messages, all, errors);
    if (errors.size) return;
    submit.disabled = true;
    try {
      const b = body();
      const saved =
        mode === "correct"
          ? await api<PmpEvent>("POST", `/events/${eventId}/corrections`, { body: b })
          : await api<PmpEvent>("POST", "/events", { body: b });
      flash("success", mode === "correct" ? `Event ${saved?.incident_number ?? b.incident_number} corrected (version ${saved?.version ?? "new"}).` : `Event ${saved?.incident_number ?? b.incident_number} recorded.`);
      navigate(`#/employees/${encodeURIComponent(String(b.employee_serial))}`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 400) && err.details.length) {
        const { errors: se, other } = detailsToErrors(err.details, all);
        showFormErrors(messages, all, se, other);
      } else if (err instanceof ApiError && err.status === 422) {
        showFormErrors(messages, all, new Map(), [err.message]);
      } else {
        put(messages, errorAlert(err));
      }
    } finally {
      submit.disabled = false;
    }
  });

  put(
    main,
    ...pageHeading(mode === "correct" ? `Correct event ${initial.incident_number ?? ""}`.trim() : "Record an indicator event", mode === "correct" ? "A correction is stored as a new version; the earlier version is kept." : "An event counts toward the employee's indicators under 3.070 §1."),
    form,
  );
}

export function newEventPage(main: HTMLElement, route: Route): void {
  eventForm(main, "new", { employee_serial: route.query.get("employee") ?? "" });
}

async function latestVersion(id: number): Promise<PmpEvent> {
  const r = await api<{ versions: PmpEvent[] }>("GET", `/events/${id}`);
  const versions = r.versions || [];
  if (!versions.length) throw new ApiError(404, "not_found", "No such event.");
  return versions.reduce((a, b) => (b.version > a.version ? b : a));
}

export async function correctEventPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const id = Number(route.params[0]);
  const ev = await latestVersion(id);
  if (!current(mySeq)) return;
  eventForm(main, "correct", ev, id);
}

export async function withdrawEventPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const id = Number(route.params[0]);
  const ev = await latestVersion(id);
  if (!current(mySeq)) return;
  const note = textareaField({ name: "note", label: "Why is this event withdrawn?", required: true, rows: 3, hint: "For example: a duplicate of another incident, or recorded in error." });
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button usa-button--secondary" }, "Withdraw event");
  const back = `#/employees/${encodeURIComponent(ev.employee_serial)}`;
  const form = h("form", { class: "usa-form usa-form--large", novalidate: true }, messages, note.group, h("div", { class: "usa-button-group" }, submit, h("a", { href: back, class: "usa-button usa-button--outline" }, "Cancel")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!note.value()) {
      showFormErrors(messages, [note], new Map([["note", "Say why the event is withdrawn."]]));
      return;
    }
    submit.disabled = true;
    try {
      await api("POST", `/events/${id}/withdrawal`, { body: { note: note.value() } });
      flash("success", `Event ${ev.incident_number} withdrawn. It is kept and never counted.`);
      navigate(back);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.details.length) {
        const { errors, other } = detailsToErrors(err.details, [note]);
        showFormErrors(messages, [note], errors, other);
      } else put(messages, errorAlert(err));
    } finally {
      submit.disabled = false;
    }
  });
  put(
    main,
    ...pageHeading(`Withdraw event ${ev.incident_number}`, "A withdrawn event is kept as a new version and never counted."),
    alert("warning", null, h("p", { class: "usa-alert__text" }, `${ev.date} — ${kindLabel(ev.kind)} — incident ${ev.incident_number} — employee ${ev.employee_serial}`)),
    form,
  );
}

export { withQuery };
