// One form per step the caller may take on a review (`my_actions` of GET
// /reviews/{id}; never a step they cannot take), posted to
// POST /reviews/{id}/steps with the loaded `version`.
//
// Errors: 422 details and 400 messages go next to their fields with an error
// summary; 403 and 404 as a page-style alert in the form; 409 (someone acted
// first, or the step no longer follows) reloads the review and says so.
import { api, ApiError, type ErrorDetail } from "../api";
import { flash, navigate } from "../app";
import { h, uid } from "../dom";
import { type Review, STEPS, STRATEGIES, type StepSpec } from "../review-model";
import { detailsToErrors, errorAlert, inputField, radioField, selectField, showFormErrors, textareaField, type Field } from "../ui";

/** Someone in the employee's chain of command today (GET /employees/{serial} chain[]). */
export interface ChainPerson {
  title: string;
  serial: string;
  name: string;
  unit: string;
  acting: boolean;
}

const OTHER = "__other";

/** A checklist of the §6 strategies plus free "other" entries, as one Field named "items". */
function itemsField(kind: "strategies" | "checklist", chosen: string[]): { field: Field; other: Field; values: () => string[] } {
  const id = uid("items");
  const errId = `${id}-error`;
  const known = new Set(STRATEGIES.map(([k]) => k));
  const boxes = STRATEGIES.map(([k], i) => {
    const box = h("input", { class: "usa-checkbox__input", id: `${id}-${i}`, type: "checkbox", name: `${id}-box`, value: k, "aria-describedby": errId });
    box.checked = chosen.includes(k);
    return box;
  });
  const legendText = kind === "strategies" ? "Coaching and mentoring strategies" : "Mentoring Plan checklist";
  const legend = h("legend", { class: "usa-legend" }, legendText, " ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*"));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const hint =
    kind === "strategies"
      ? "Direct the sergeant to at least one (3.070-PRO-1.6 and §6)."
      : "At least one item. The strategies the lieutenant directed are checked to start with (3.070-PRO-1.9).";
  const other = textareaField({
    name: "items_other",
    label: kind === "strategies" ? "Other strategies" : "Other checklist items",
    rows: 3,
    hint: "One per line, at most 500 characters each.",
    value: chosen.filter((c) => !known.has(c)).join("\n"),
  });
  const fieldset = h(
    "fieldset",
    { class: "usa-fieldset rc-items" },
    legend,
    h("span", { class: "usa-hint" }, hint),
    error,
    STRATEGIES.map(([, text], i) => h("div", { class: "usa-checkbox" }, boxes[i], h("label", { class: "usa-checkbox__label", for: `${id}-${i}` }, text))),
  );
  const group = h("div", { class: "usa-form-group" }, fieldset);
  const field: Field = {
    name: "items",
    labelText: legendText,
    group,
    label: legend,
    error,
    focus: boxes[0],
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

/** The person a step names: a select of the chain of command with that title, or a serial. */
function assigneeFields(spec: NonNullable<StepSpec["assignee"]>, chain: ChainPerson[] | null): { fields: Field[]; serial: () => string; errorField: () => string } {
  const candidates = (chain ?? []).filter((c) => c.title === spec.title && c.serial);
  const other = inputField({ name: "assignee_other", label: `${spec.label}'s serial`, maxlength: 32, hint: "The serial of someone in the employee's chain of command who holds that position." });
  if (!candidates.length) {
    const only = inputField({ name: "assignee_serial", label: `${spec.label}'s serial`, required: true, maxlength: 32, hint: "The employee's chain of command could not be listed here: enter the serial." });
    return { fields: [only], serial: () => only.value(), errorField: () => "assignee_serial" };
  }
  const select = selectField({
    name: "assignee_serial",
    label: spec.label,
    required: true,
    placeholder: "- Select -",
    hint: `From the employee's chain of command today (${spec.title}).`,
    options: [
      ...candidates.map((c): [string, string] => [c.serial, `${c.name} (${c.serial}), ${c.unit}${c.acting ? ", acting" : ""}`]),
      [OTHER, "Someone else: enter a serial"],
    ],
    value: candidates.length === 1 ? candidates[0].serial : "",
  });
  const showOther = () => {
    other.group.hidden = select.value() !== OTHER;
  };
  select.controls[0].addEventListener("change", showOther);
  showOther();
  return {
    fields: [select, other],
    serial: () => (select.value() === OTHER ? other.value() : select.value()),
    errorField: () => (select.value() === OTHER ? "assignee_other" : "assignee_serial"),
  };
}

/** The section with one step's form. */
export function stepForm(review: Review, action: string, chain: ChainPerson[] | null): HTMLElement {
  const spec: StepSpec = STEPS[action] ?? { clause: "", title: action, button: action };
  const headingId = uid("step-h");
  const fields: Field[] = [];
  const assignee = spec.assignee ? assigneeFields(spec.assignee, chain) : null;
  if (assignee) fields.push(...assignee.fields);

  const startItems = spec.items === "checklist" ? (review.plan_items.length ? review.plan_items : review.coaching_strategies) : review.coaching_strategies;
  const items = spec.items ? itemsField(spec.items, startItems) : null;
  if (items) fields.push(items.field, items.other);

  const recommendation = spec.recommendation
    ? radioField({ name: "recommendation", label: "Recommendation", required: true, options: [["plan", "A Mentoring Plan"], ["no-action", "No action"]] })
    : null;
  if (recommendation) fields.push(recommendation);

  let plan: Field | null = null;
  let period: Field | null = null;
  let otherDays: Field | null = null;
  if (spec.designation) {
    plan = radioField({ name: "plan", label: "Is a Mentoring Plan appropriate?", required: true, options: [["yes", "Yes: a Mentoring Plan"], ["no", "No Mentoring Plan"]] });
    period = radioField({
      name: "period",
      label: "Review period (3.070 §2)",
      required: true,
      options: [["30", "30 days"], ["60", "60 days"], ["90", "90 days"], ["other", "Other: a number of days"], ["no-review", "No review necessary"]],
    });
    otherDays = inputField({ name: "other_days", label: "Number of days", type: "number", inputmode: "numeric", required: true, className: "usa-input--small" });
    const show = () => {
      period!.group.hidden = plan!.value() !== "yes";
      otherDays!.group.hidden = plan!.value() !== "yes" || period!.value() !== "other";
    };
    for (const c of [...plan.controls, ...period.controls]) c.addEventListener("change", show);
    show();
    fields.push(plan, period, otherDays);
  }

  const comments = textareaField({
    name: "comments",
    label: action === "assist" ? "Note" : "Comments",
    required: !!spec.commentsRequired,
    rows: 3,
    maxlength: 8000,
    hint: spec.commentsRequired ? "Required for this step." : "Optional.",
  });
  fields.push(comments);

  function validate(): Map<string, string> {
    const e = new Map<string, string>();
    if (assignee && !assignee.serial()) e.set(assignee.errorField(), `Choose the ${spec.assignee!.label.toLowerCase()}.`);
    if (items && items.values().length === 0) e.set("items", spec.items === "strategies" ? "Choose at least one coaching strategy." : "Choose at least one checklist item.");
    if (items && items.values().some((x) => x.length > 500)) e.set("items_other", "Each entry is at most 500 characters.");
    if (recommendation && !recommendation.value()) e.set("recommendation", "Choose a Mentoring Plan or no action.");
    if (plan && !plan.value()) e.set("plan", "Say whether a Mentoring Plan is appropriate.");
    if (plan?.value() === "yes" && period && !period.value()) e.set("period", "Choose the review period.");
    if (plan?.value() === "yes" && period?.value() === "other" && otherDays) {
      const n = Number(otherDays.value());
      if (!otherDays.value() || !Number.isInteger(n) || n <= 0) e.set("other_days", "Enter a whole number of days greater than 0.");
    }
    if (spec.commentsRequired && !comments.value()) e.set("comments", "Enter comments: this step needs them.");
    return e;
  }

  function body(): Record<string, unknown> {
    const b: Record<string, unknown> = { action, version: review.version };
    if (comments.value()) b.comments = comments.value();
    if (assignee) b.assignee_serial = assignee.serial();
    if (items) b.items = items.values();
    if (recommendation) b.recommendation = recommendation.value();
    if (plan) {
      const yes = plan.value() === "yes";
      b.designation = yes
        ? { plan: true, period: period!.value(), ...(period!.value() === "other" ? { other_days: Number(otherDays!.value()) } : {}) }
        : { plan: false, period: "no-review" };
    }
    return b;
  }

  /** The API's field names (designation.period …) as this form's. */
  function renameDetails(details: ErrorDetail[]): ErrorDetail[] {
    return details.map((d) => {
      let field = d.field?.replace(/^designation\./, "");
      if (field === "assignee_serial" && assignee) field = assignee.errorField();
      return { ...d, field };
    });
  }

  /** A 400 (the step's content breaks a rule) names no field: place it by its words. */
  function fieldOf400(message: string): string | null {
    const m = message.toLowerCase();
    if (m.includes("comments")) return "comments";
    if (items && (m.includes("strateg") || m.includes("checklist"))) return "items";
    if (assignee && /not (the |in the )|subject of the review|names /.test(m)) return assignee.errorField();
    if (plan && (m.includes("review period") || m.includes("days") || m.includes("designation"))) return m.includes("days") ? "other_days" : "period";
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
    const errors = validate();
    showFormErrors(messages, fields, errors);
    if (errors.size) return;
    submit.disabled = true;
    try {
      await api<Review>("POST", `/reviews/${review.id}/steps`, { body: body() });
      flash("success", `${spec.title} (${spec.clause}): recorded.`);
      navigate(`#/reviews/${review.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        flash("warning", `This review changed before your step was recorded, so it has been reloaded. The server said: ${err.message}`);
        navigate(`#/reviews/${review.id}`);
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
