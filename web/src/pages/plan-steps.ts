// One form per step the caller may take on a Mentoring Plan (`my_actions` of
// GET /plans/{id}; never a step they cannot take), posted to
// POST /plans/{id}/steps with the loaded `version` (3.070-PRO-2.2–2.18).
//
// Errors, as on the review page (review-steps.ts): 422 details and 400
// messages go next to their fields with an error summary; 403 and 404 as an
// alert in the form; 409 (someone acted first, or the step's moment has not
// come: a report form not yet sent, a recommendation before the period ends)
// reloads the plan and shows the server's words.
import { api, ApiError, type ErrorDetail } from "../api";
import { flash, navigate } from "../app";
import { h, uid } from "../dom";
import {
  COACHING_KINDS,
  CONTACT_KINDS,
  DEBRIEF_SUBJECTS,
  type DebriefRow,
  debriefable,
  type Plan,
  PLAN_STEPS,
  type PlanStepSpec,
  type ReportRow,
} from "../plan-model";
import { strategyLabel } from "../review-model";
import { today } from "../session";
import { detailsToErrors, errorAlert, inputField, kindLabel, radioField, selectField, showFormErrors, textareaField, type Field } from "../ui";

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checkboxes of the plan's items plus free "other" lines, as one Field named "items". */
function checklistField(name: string, legendText: string, hint: string, items: string[], checked: boolean): { field: Field; other: Field; values: () => string[] } {
  const id = uid(name);
  const errId = `${id}-error`;
  const boxes = items.map((k, i) => {
    const box = h("input", { class: "usa-checkbox__input", id: `${id}-${i}`, type: "checkbox", name: `${id}-box`, value: k, "aria-describedby": errId });
    box.checked = checked;
    return box;
  });
  const legend = h("legend", { class: "usa-legend" }, legendText, " ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*"));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const other = textareaField({ name: `${name}_other`, label: "Other actions or training taken", rows: 3, hint: "One per line." });
  const group = h(
    "div",
    { class: "usa-form-group" },
    h(
      "fieldset",
      { class: "usa-fieldset rc-items" },
      legend,
      h("span", { class: "usa-hint" }, hint),
      error,
      items.map((k, i) => h("div", { class: "usa-checkbox" }, boxes[i], h("label", { class: "usa-checkbox__label", for: `${id}-${i}` }, strategyLabel(k)))),
    ),
  );
  const field: Field = {
    name,
    labelText: legendText,
    group,
    label: legend,
    error,
    focus: boxes[0] ?? other.focus,
    controls: boxes,
    value: () => boxes.filter((b) => b.checked).map((b) => b.value).join(","),
    setValue: () => undefined,
  };
  const values = () => [
    ...boxes.filter((b) => b.checked).map((b) => b.value),
    ...other
      .value()
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean),
  ];
  return { field, other, values };
}

/** Report slots the sergeant may report on today: form sent, not submitted or returned. */
export function reportableSlots(p: Plan, on: string): ReportRow[] {
  return p.reports.filter((r) => (r.status === "missing" || r.status === "returned") && r.issued <= on);
}

/** Reports awaiting the lieutenant's concurrence or return (PRO-2.3). */
export function submittedReports(p: Plan): ReportRow[] {
  return p.reports.filter((r) => r.status === "submitted");
}

function slotOption(r: ReportRow): [string, string] {
  return [r.due, `Due ${r.due} (form sent ${r.issued})${r.status === "returned" ? ", returned for corrections" : ""}${r.overdue ? ", overdue" : ""}`];
}

/** The section with one step's form. `debriefs` is GET /plans/{id}/debriefs (null: could not be read). */
export function planStepForm(plan: Plan, action: string, debriefs: DebriefRow[] | null): HTMLElement {
  const spec: PlanStepSpec = PLAN_STEPS[action] ?? { clause: "", title: action, button: action };
  const headingId = uid("plan-step-h");
  const fields: Field[] = [];
  const now = today();
  const validators: (() => [string, string] | null)[] = [];
  let build: (b: Record<string, unknown>) => void = () => undefined;

  if (spec.form === "coaching") {
    const kind = selectField({ name: "entry_kind", label: "What you did", required: true, placeholder: "- Select -", options: COACHING_KINDS });
    const date = inputField({ name: "entry_date", label: "Date", type: "date", required: true, max: now, value: now, hint: `Between the plan's start (${plan.start}) and today.` });
    const minutes = inputField({ name: "entry_minutes", label: "Length in minutes", type: "number", inputmode: "numeric", required: true, className: "usa-input--small", hint: "§6 counts ride-alongs longer than one hour, at least twice per work week." });
    const contact = selectField({ name: "entry_contact", label: "Kind of contact", required: true, placeholder: "- Select -", options: CONTACT_KINDS, hint: "§6: at least four per work week." });
    const subject = selectField({ name: "entry_subject", label: "Debrief of", required: true, placeholder: "- Select -", options: DEBRIEF_SUBJECTS });
    const usable = (debriefs ?? []).filter(debriefable);
    const event = selectField({
      name: "entry_event",
      label: "Indicator event",
      required: true,
      placeholder: usable.length ? "- Select -" : "- No event may be debriefed -",
      options: usable.map((r): [string, string] => [
        String(r.event_id),
        `${kindLabel(r.kind)}, ${r.date}${r.event?.incident_number ? `, ${r.event.incident_number}` : ""}${r.detail === "general-issues-only" ? " (general issues and best practices only)" : ""}`,
      ]),
      hint: "Only events 3.070 §6 allows to be debriefed are listed; the Debrief view below shows the others.",
    });
    const reference = inputField({ name: "entry_reference", label: "Reference", maxlength: 200, hint: "Optional: the incident or call number." });
    const notes = textareaField({ name: "entry_notes", label: "What was done and discussed", required: true, rows: 3, maxlength: 8000 });
    const feedback = textareaField({ name: "entry_feedback", label: "Employee feedback", rows: 2, maxlength: 8000, hint: "Optional (3.070-PRO-2.3)." });
    const show = () => {
      const k = kind.value();
      minutes.group.hidden = k !== "ride-along";
      contact.group.hidden = k !== "accompaniment";
      subject.group.hidden = k !== "debrief";
      event.group.hidden = k !== "debrief" || subject.value() !== "indicator-event";
    };
    kind.controls[0].addEventListener("change", show);
    subject.controls[0].addEventListener("change", show);
    show();
    fields.push(kind, date, minutes, contact, subject, event, reference, notes, feedback);
    validators.push(
      () => (!kind.value() ? ["entry_kind", "Choose what you did."] : null),
      () => (!VALID_DATE.test(date.value()) ? ["entry_date", "Enter the date as YYYY-MM-DD."] : date.value() > now ? ["entry_date", "The date cannot be in the future."] : date.value() < plan.start ? ["entry_date", `The date cannot be before the plan's start, ${plan.start}.`] : null),
      () => {
        if (kind.value() !== "ride-along") return null;
        const n = Number(minutes.value());
        return !minutes.value() || !Number.isInteger(n) || n <= 0 ? ["entry_minutes", "Enter the ride-along's length as a whole number of minutes."] : null;
      },
      () => (kind.value() === "accompaniment" && !contact.value() ? ["entry_contact", "Choose the kind of contact."] : null),
      () => (kind.value() === "debrief" && !subject.value() ? ["entry_subject", "Choose what the debrief was of."] : null),
      () => (kind.value() === "debrief" && subject.value() === "indicator-event" && !event.value() ? ["entry_event", "Choose the indicator event."] : null),
      () => (!notes.value() ? ["entry_notes", "Describe what was done and discussed."] : null),
    );
    build = (b) => {
      const k = kind.value();
      const entry: Record<string, unknown> = { kind: k, date: date.value(), notes: notes.value() };
      if (k === "ride-along") entry.minutes = Number(minutes.value());
      if (k === "accompaniment") entry.contact = contact.value();
      if (k === "debrief") {
        entry.subject = subject.value();
        if (subject.value() === "indicator-event") entry.event_id = Number(event.value());
      }
      if (reference.value()) entry.reference = reference.value();
      if (feedback.value()) entry.employee_feedback = feedback.value();
      b.entry = entry;
    };
  }

  if (spec.form === "modify") {
    const current = plan.plan_versions[plan.plan_versions.length - 1]?.items ?? [];
    const items = textareaField({ name: "items", label: "The plan's items", required: true, rows: 5, value: current.join("\n"), hint: "One per line. The lieutenant concurs on the next progress report (3.070-PRO-2.6)." });
    fields.push(items);
    const list = () => items.value().split("\n").map((x) => x.trim()).filter(Boolean);
    validators.push(() => (list().length === 0 ? ["items", "Enter at least one item."] : null));
    build = (b) => {
      b.items = list();
    };
  }

  if (spec.form === "report") {
    const slots = reportableSlots(plan, now);
    const due = selectField({ name: "report_due", label: "Report", required: true, placeholder: slots.length ? "- Select -" : "- No form is open -", options: slots.map(slotOption), value: slots.length ? slots[0].due : "", hint: "The twice-monthly forms the Coordinator sent (3.070-PRO-2.1)." });
    const current = plan.plan_versions[plan.plan_versions.length - 1]?.items ?? [];
    const checklist = checklistField("items", "Checklist of actions and training taken", "At least one (3.070-PRO-2.5). The plan's items are listed; check those worked on.", current, false);
    const pas = inputField({ name: "pas_reference", label: "PAS entry", required: true, maxlength: 200, hint: "The Performance Appraisal System entry that documents this report (3.070-PRO-2.8)." });
    fields.push(due, checklist.field, checklist.other, pas);
    validators.push(
      () => (!due.value() ? ["report_due", "Choose the report."] : null),
      () => (checklist.values().length === 0 ? ["items", "Check or enter at least one action or training taken."] : null),
      () => (!pas.value() ? ["pas_reference", "Enter the PAS entry that documents the report."] : null),
    );
    build = (b) => {
      b.report_due = due.value();
      b.items = checklist.values();
      b.pas_reference = pas.value();
    };
  }

  if (spec.form === "decide-report") {
    const reports = submittedReports(plan);
    const due = selectField({
      name: "report_due",
      label: "Report",
      required: true,
      placeholder: "- Select -",
      options: reports.map((r): [string, string] => [r.due, `Due ${r.due}, submitted ${r.submitted_on ?? ""}, PAS ${r.pas_reference ?? ""}`]),
      value: reports.length === 1 ? reports[0].due : "",
    });
    fields.push(due);
    validators.push(() => (!due.value() ? ["report_due", "Choose the report."] : null));
    build = (b) => {
      b.report_due = due.value();
    };
  }

  if (spec.form === "recommend") {
    const participated = radioField({ name: "participated", label: "Has the employee participated in the training and coaching?", required: true, options: [["yes", "Yes"], ["no", "No"]] });
    const progressed = radioField({ name: "progressed", label: "Has the employee progressed?", required: true, options: [["yes", "Yes"], ["no", "No"]] });
    fields.push(participated, progressed);
    validators.push(
      () => (!participated.value() ? ["participated", "Say whether the employee participated."] : null),
      () => (!progressed.value() ? ["progressed", "Say whether the employee progressed."] : null),
    );
    build = (b) => {
      b.recommendation = { participated: participated.value() === "yes", progressed: progressed.value() === "yes", comments: (b.comments as string) ?? "" };
    };
  }

  if (spec.form === "specify") {
    const remove = radioField({ name: "remove", label: "Should the employee be removed from the program?", required: true, options: [["yes", "Yes: remove the employee from the program"], ["no", "No: the employee stays in the program"]] });
    fields.push(remove);
    validators.push(() => (!remove.value() ? ["remove", "Say whether the employee should be removed."] : null));
    build = (b) => {
      b.remove = remove.value() === "yes";
    };
  }

  if (spec.form === "designate") {
    const what = radioField({ name: "complete", label: "Designation", required: true, options: [["yes", "Completion: remove the employee from the program"], ["no", "An extension of the review period"]] });
    const days = inputField({ name: "extension_days", label: "Extension in days", type: "number", inputmode: "numeric", required: true, className: "usa-input--small", hint: "Counted from the later of the period's end and today." });
    const show = () => {
      days.group.hidden = what.value() !== "no";
    };
    for (const c of what.controls) c.addEventListener("change", show);
    show();
    fields.push(what, days);
    validators.push(
      () => (!what.value() ? ["complete", "Choose completion or an extension."] : null),
      () => {
        if (what.value() !== "no") return null;
        const n = Number(days.value());
        return !days.value() || !Number.isInteger(n) || n <= 0 ? ["extension_days", "Enter a whole number of days greater than 0."] : null;
      },
    );
    build = (b) => {
      b.designation = what.value() === "yes" ? { complete: true, extension_days: 0 } : { complete: false, extension_days: Number(days.value()) };
    };
  }

  const comments = textareaField({
    name: "comments",
    label: action === "modify-plan" ? "Reason for the change" : "Comments",
    required: !!spec.commentsRequired,
    rows: 3,
    maxlength: 8000,
    hint: spec.commentsRequired ? "Required for this step." : "Optional.",
  });
  fields.push(comments);
  if (spec.commentsRequired) validators.push(() => (!comments.value() ? ["comments", action === "modify-plan" ? "Enter the reason for the change." : "Enter comments: this step needs them."] : null));

  function body(): Record<string, unknown> {
    const b: Record<string, unknown> = { action, version: plan.version };
    if (comments.value()) b.comments = comments.value();
    build(b);
    return b;
  }

  /** The API's field names (entry.kind, designation.extension_days …) as this form's. */
  function renameDetails(details: ErrorDetail[]): ErrorDetail[] {
    return details.map((d) => {
      let field = d.field ?? "";
      if (field.startsWith("entry.")) field = `entry_${field.slice(6) === "event_id" ? "event" : field.slice(6) === "employee_feedback" ? "feedback" : field.slice(6)}`;
      field = field.replace(/^designation\./, "").replace(/^recommendation\./, "");
      return { ...d, field };
    });
  }

  /** A 400 names no field: place it by its words ("notes: required …", "PAS", "checklist"). */
  function fieldOf400(message: string): string | null {
    const m = message.toLowerCase();
    const named = /\b(notes|minutes|contact|subject|event_id): /.exec(message);
    if (named && spec.form === "coaching") return named[1] === "event_id" ? "entry_event" : `entry_${named[1]}`;
    if (spec.form === "coaching" && (m.includes("3.070-pol-6") || m.includes("debrief"))) return "entry_event";
    if (spec.form === "coaching" && m.includes("date")) return "entry_date";
    if (m.includes("pas")) return "pas_reference";
    if (m.includes("checklist") || (spec.form === "modify" && m.includes("items"))) return "items";
    if (spec.form === "report" && m.includes("scheduled")) return "report_due";
    if (spec.form === "designate") return m.includes("days") ? "extension_days" : "complete";
    if (spec.form === "recommend" && m.includes("participated")) return "participated";
    if (spec.form === "specify") return "remove";
    if (m.includes("comments") || m.includes("reason")) return "comments";
    return null;
  }

  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: `usa-button${action.startsWith("return") ? " usa-button--secondary" : ""}` }, spec.button);
  const form = h(
    "form",
    { class: "usa-form usa-form--large rc-step-form", novalidate: true, "aria-labelledby": headingId, "data-action": action },
    messages,
    fields.map((f) => f.group),
    h("div", { class: "usa-button-group" }, submit),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = new Map<string, string>();
    for (const v of validators) {
      const e = v();
      if (e && !errors.has(e[0])) errors.set(e[0], e[1]);
    }
    showFormErrors(messages, fields, errors);
    if (errors.size) return;
    submit.disabled = true;
    try {
      await api<Plan>("POST", `/plans/${plan.id}/steps`, { body: body() });
      flash("success", `${spec.title} (${spec.clause}): recorded.`);
      navigate(`#/plans/${plan.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        flash("warning", `This plan changed or the step cannot be taken yet, so it has been reloaded. The server said: ${err.message}`);
        navigate(`#/plans/${plan.id}`);
        return;
      }
      if (err instanceof ApiError && err.status === 422 && err.details.length) {
        const { errors: se, other } = detailsToErrors(renameDetails(err.details), fields);
        showFormErrors(messages, fields, se, other);
      } else if (err instanceof ApiError && err.status === 400) {
        const f = fieldOf400(err.message);
        showFormErrors(messages, fields, f ? new Map([[f, err.message]]) : new Map(), f ? [] : [err.message]);
      } else {
        messages.replaceChildren(errorAlert(err));
        messages.querySelector<HTMLElement>(".usa-alert")?.setAttribute("tabindex", "-1");
        messages.querySelector<HTMLElement>(".usa-alert")?.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });

  return h(
    "section",
    { class: "rc-step", "aria-labelledby": headingId },
    h("h3", { id: headingId }, spec.title, " ", h("span", { class: "rc-clause" }, `(${spec.clause})`)),
    form,
  );
}
