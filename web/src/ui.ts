// Shared USWDS building blocks: alerts, tables, form fields with the USWDS
// error pattern, pagination, and the page-level error for 401/403/404.
import { ApiError, type ErrorDetail } from "./api";
import { h, uid, type Child } from "./dom";

export const INDICATORS: Record<string, string> = {
  A: "Supervisory recommendations",
  B: "Use of force (Type II/III, firearm discharges)",
  C: "Preventable vehicle collisions",
  D: "OPA or EEO complaints",
  E: "Claims or lawsuits",
  F: "Vehicle pursuits",
  G: "Aggregate of A–F",
};

export const KINDS: [string, string, string][] = [
  ["supervisory-recommendation", "A", "Supervisory recommendation"],
  ["use-of-force", "B", "Use of force"],
  ["vehicle-collision", "C", "Vehicle collision"],
  ["complaint", "D", "OPA or EEO complaint"],
  ["claim", "E", "Claim or lawsuit"],
  ["pursuit", "F", "Vehicle pursuit"],
];

export function kindLabel(kind: string): string {
  const k = KINDS.find(([id]) => id === kind);
  return k ? k[2] : kind;
}

export function instant(s: string | null | undefined): string {
  if (!s) return "";
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// ---- alerts

export type AlertKind = "info" | "success" | "warning" | "error";

export function alert(kind: AlertKind, heading: string | null, ...body: Child[]): HTMLElement {
  const el = h(
    "div",
    { class: `usa-alert usa-alert--${kind}${heading ? "" : " usa-alert--slim"}` },
    h(
      "div",
      { class: "usa-alert__body" },
      heading ? h("h2", { class: "usa-alert__heading" }, heading) : null,
      ...body,
    ),
  );
  if (kind === "error" || kind === "warning") el.setAttribute("role", "alert");
  else el.setAttribute("role", "status");
  return el;
}

/** The message for an API failure on a whole page (403 gets its own words). */
export function errorAlert(err: unknown): HTMLElement {
  if (err instanceof ApiError) {
    if (err.status === 403) {
      return alert(
        "error",
        "You do not have access to this",
        h("p", { class: "rc-denied" }, "Your role does not allow this page or record. If you need it, ask your commander or the administrator."),
        err.message ? h("p", null, `The server said: ${err.message}`) : null,
      );
    }
    if (err.status === 404) return alert("warning", "Not found", h("p", null, err.message || "There is no such record."));
    if (err.status === 401) return alert("warning", "Your session expired", h("p", null, "Sign in again."));
    return alert("error", "Something went wrong", h("p", null, err.message), err.code ? h("p", null, `(${err.status} ${err.code})`) : null);
  }
  return alert("error", "Something went wrong", h("p", null, String(err instanceof Error ? err.message : err)));
}

// ---- tables

/** A table inside a scrollable, keyboard-focusable container (phones). */
export function table(caption: string, headers: string[], rows: Child[][], opts: { captionHidden?: boolean; className?: string } = {}): HTMLElement {
  const t = h(
    "table",
    { class: `usa-table usa-table--borderless usa-table--compact ${opts.className ?? ""}`.trim() },
    h("caption", { class: opts.captionHidden ? "usa-sr-only" : null }, caption),
    h("thead", null, h("tr", null, headers.map((x) => h("th", { scope: "col" }, x)))),
    h(
      "tbody",
      null,
      rows.map((r) => h("tr", null, r.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", null, cell))))),
    ),
  );
  return h("div", { class: "usa-table-container--scrollable rc-table", tabindex: "0", role: "region", "aria-label": caption }, t);
}

export function empty(text: string): HTMLElement {
  return h("p", { class: "rc-empty" }, text);
}

export function tag(text: string, variant = ""): HTMLElement {
  return h("span", { class: `usa-tag ${variant}`.trim() }, text);
}

// ---- form fields (USWDS error pattern)

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  name: string;
  /** the label's words, for messages that name the field */
  labelText: string;
  group: HTMLElement;
  label: HTMLElement;
  error: HTMLElement;
  /** the element focused when the error is followed */
  focus: HTMLElement;
  controls: Control[];
  value(): string;
  setValue(v: string): void;
}

interface FieldOptions {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  value?: string;
}

function labelContent(label: string, required?: boolean): Child[] {
  return [
    label,
    required ? [" ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*")] : null,
  ];
}

function finishField(name: string, group: HTMLElement, label: HTMLElement, error: HTMLElement, focus: HTMLElement, controls: Control[], kind: "value" | "radio" | "checkbox"): Field {
  return {
    name,
    labelText: (label.firstChild?.textContent ?? name).trim(),
    group,
    label,
    error,
    focus,
    controls,
    value() {
      if (kind === "radio") return (controls as HTMLInputElement[]).find((c) => c.checked)?.value ?? "";
      if (kind === "checkbox") return (controls[0] as HTMLInputElement).checked ? "true" : "";
      return controls[0].value.trim();
    },
    setValue(v: string) {
      if (kind === "radio") for (const c of controls as HTMLInputElement[]) c.checked = c.value === v;
      else if (kind === "checkbox") (controls[0] as HTMLInputElement).checked = v === "true";
      else controls[0].value = v;
    },
  };
}

export function inputField(o: FieldOptions & { type?: string; autocomplete?: string; maxlength?: number; max?: string; inputmode?: string; readonly?: boolean; className?: string }): Field {
  const id = uid(o.name);
  const errId = `${id}-error`;
  const hintId = o.hint ? `${id}-hint` : null;
  const input = h("input", {
    class: `usa-input ${o.className ?? ""}`.trim(),
    id,
    name: o.name,
    type: o.type ?? "text",
    autocomplete: o.autocomplete,
    maxlength: o.maxlength,
    max: o.max,
    inputmode: o.inputmode,
    required: o.required,
    readonly: o.readonly,
    "aria-describedby": [hintId, errId].filter(Boolean).join(" "),
  });
  if (o.value !== undefined) input.value = o.value;
  const label = h("label", { class: "usa-label", for: id }, labelContent(o.label, o.required));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const group = h("div", { class: "usa-form-group" }, label, hintId ? h("div", { class: "usa-hint", id: hintId }, o.hint) : null, error, input);
  return finishField(o.name, group, label, error, input, [input], "value");
}

export function textareaField(o: FieldOptions & { maxlength?: number; rows?: number; className?: string }): Field {
  const id = uid(o.name);
  const errId = `${id}-error`;
  const hintId = o.hint ? `${id}-hint` : null;
  const ta = h("textarea", {
    class: `usa-textarea ${o.className ?? ""}`.trim(),
    id,
    name: o.name,
    maxlength: o.maxlength,
    rows: o.rows,
    required: o.required,
    "aria-describedby": [hintId, errId].filter(Boolean).join(" "),
  });
  if (o.value !== undefined) ta.value = o.value;
  const label = h("label", { class: "usa-label", for: id }, labelContent(o.label, o.required));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const group = h("div", { class: "usa-form-group" }, label, hintId ? h("div", { class: "usa-hint", id: hintId }, o.hint) : null, error, ta);
  return finishField(o.name, group, label, error, ta, [ta], "value");
}

export function selectField(o: FieldOptions & { options: [string, string][]; placeholder?: string }): Field {
  const id = uid(o.name);
  const errId = `${id}-error`;
  const hintId = o.hint ? `${id}-hint` : null;
  const select = h(
    "select",
    { class: "usa-select", id, name: o.name, required: o.required, "aria-describedby": [hintId, errId].filter(Boolean).join(" ") },
    o.placeholder !== undefined ? h("option", { value: "" }, o.placeholder) : null,
    o.options.map(([v, t]) => h("option", { value: v }, t)),
  );
  if (o.value !== undefined) select.value = o.value;
  const label = h("label", { class: "usa-label", for: id }, labelContent(o.label, o.required));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const group = h("div", { class: "usa-form-group" }, label, hintId ? h("div", { class: "usa-hint", id: hintId }, o.hint) : null, error, select);
  return finishField(o.name, group, label, error, select, [select], "value");
}

export function radioField(o: FieldOptions & { options: [string, string][] }): Field {
  const id = uid(o.name);
  const errId = `${id}-error`;
  const radios = o.options.map(([v], i) =>
    h("input", { class: "usa-radio__input", id: `${id}-${i}`, type: "radio", name: id, value: v, "aria-describedby": errId }),
  );
  const legend = h("legend", { class: "usa-legend" }, labelContent(o.label, o.required));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const fieldset = h(
    "fieldset",
    { class: "usa-fieldset" },
    legend,
    o.hint ? h("span", { class: "usa-hint" }, o.hint) : null,
    error,
    o.options.map(([, text], i) =>
      h("div", { class: "usa-radio" }, radios[i], h("label", { class: "usa-radio__label", for: `${id}-${i}` }, text)),
    ),
  );
  const group = h("div", { class: "usa-form-group" }, fieldset);
  const f = finishField(o.name, group, legend, error, radios[0], radios, "radio");
  if (o.value !== undefined) f.setValue(o.value);
  return f;
}

export function checkboxField(o: FieldOptions): Field {
  const id = uid(o.name);
  const errId = `${id}-error`;
  const box = h("input", { class: "usa-checkbox__input", id, type: "checkbox", name: o.name, value: "true", "aria-describedby": errId });
  if (o.value === "true") box.checked = true;
  const label = h("label", { class: "usa-checkbox__label", for: id }, o.label);
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const group = h("div", { class: "usa-form-group" }, error, h("div", { class: "usa-checkbox" }, box, label));
  return finishField(o.name, group, label, error, box, [box], "checkbox");
}

export function setFieldError(f: Field, message: string | null): void {
  const on = !!message;
  f.group.classList.toggle("usa-form-group--error", on);
  f.label.classList.toggle("usa-label--error", on && f.label.tagName === "LABEL");
  f.error.hidden = !on;
  f.error.textContent = message ?? "";
  for (const c of f.controls) {
    if (c.classList.contains("usa-input") || c.classList.contains("usa-select") || c.classList.contains("usa-textarea")) {
      c.classList.toggle("usa-input--error", on);
    }
    if (on) c.setAttribute("aria-invalid", "true");
    else c.removeAttribute("aria-invalid");
  }
}

/**
 * Shows errors next to their fields and in a summary at the top of the form.
 * `errors` maps field name to message; `other` are messages naming no known
 * field. Returns the summary element (already placed in `slot`).
 */
export function showFormErrors(slot: HTMLElement, fields: Field[], errors: Map<string, string>, other: string[] = []): void {
  for (const f of fields) setFieldError(f, errors.get(f.name) ?? null);
  slot.replaceChildren();
  const count = errors.size + other.length;
  if (count === 0) return;
  const items: HTMLElement[] = [];
  for (const f of fields) {
    const msg = errors.get(f.name);
    if (!msg) continue;
    items.push(
      h("li", null, h("a", {
        href: `#${f.focus.id}`,
        class: "usa-link",
        onclick: (ev: Event) => {
          ev.preventDefault();
          f.focus.focus();
        },
      }, msg)),
    );
  }
  for (const m of other) items.push(h("li", null, m));
  const summary = h(
    "div",
    { class: "usa-alert usa-alert--error", role: "alert", tabindex: "-1" },
    h(
      "div",
      { class: "usa-alert__body" },
      h("h2", { class: "usa-alert__heading" }, count === 1 ? "There is a problem" : `There are ${count} problems`),
      h("ul", { class: "usa-list" }, items),
    ),
  );
  slot.append(summary);
  summary.focus();
}

/** The server's terse field messages ("required", "is in the future") as sentences naming the field. */
export function fieldMessage(label: string, message: string): string {
  const m = message.trim();
  if (!m) return `${label} is not valid.`;
  if (/^[A-Z]/.test(m)) return /[.!?]$/.test(m) ? m : `${m}.`;
  const end = /[.!?]$/.test(m) ? "" : ".";
  if (m === "required") return `${label} is required.`;
  if (/^(is|are|must|cannot|can't|has|does|was|not)\b/.test(m)) return `${label} ${m}${end}`;
  return `${label}: ${m}${end}`;
}

/** Splits a 422's details[] into per-field messages and the rest. */
export function detailsToErrors(details: ErrorDetail[], fields: Field[]): { errors: Map<string, string>; other: string[] } {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors = new Map<string, string>();
  const other: string[] = [];
  for (const d of details) {
    const field = d.field === "employee" ? "employee_serial" : d.field;
    const f = field ? byName.get(field) : undefined;
    if (f && field) {
      const msg = fieldMessage(f.labelText, d.message);
      errors.set(field, errors.has(field) ? `${errors.get(field)} ${msg}` : msg);
    } else {
      other.push(d.field ? `${d.field}: ${d.message}` : d.message);
    }
  }
  return { errors, other };
}

// ---- pagination (USWDS)

export function pagination(total: number, limit: number, offset: number, href: (offset: number) => string): HTMLElement | null {
  if (total <= limit) return null;
  const pages = Math.ceil(total / limit);
  const page = Math.floor(offset / limit);
  const items: HTMLElement[] = [];
  const link = (p: number) =>
    h(
      "li",
      { class: "usa-pagination__item usa-pagination__page-no" },
      h("a", {
        href: href(p * limit),
        class: `usa-pagination__button${p === page ? " usa-current" : ""}`,
        "aria-label": `Page ${p + 1}`,
        "aria-current": p === page ? "page" : null,
      }, String(p + 1)),
    );
  const gap = () => h("li", { class: "usa-pagination__item usa-pagination__overflow", "aria-label": "ellipsis indicating non-visible pages" }, h("span", null, "…"));
  if (page > 0) {
    items.push(h("li", { class: "usa-pagination__item usa-pagination__arrow" }, h("a", { href: href((page - 1) * limit), class: "usa-pagination__link usa-pagination__previous-page", "aria-label": "Previous page" }, h("span", { class: "usa-pagination__link-text" }, "Previous"))));
  }
  const shown = new Set([0, pages - 1, page - 1, page, page + 1].filter((p) => p >= 0 && p < pages));
  let last = -1;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (last >= 0 && p > last + 1) items.push(gap());
    items.push(link(p));
    last = p;
  }
  if (page < pages - 1) {
    items.push(h("li", { class: "usa-pagination__item usa-pagination__arrow" }, h("a", { href: href((page + 1) * limit), class: "usa-pagination__link usa-pagination__next-page", "aria-label": "Next page" }, h("span", { class: "usa-pagination__link-text" }, "Next"))));
  }
  return h("nav", { "aria-label": "Pagination", class: "usa-pagination" }, h("ul", { class: "usa-pagination__list" }, items));
}

export function pageHeading(text: string, lead?: string): HTMLElement[] {
  return [h("h1", { tabindex: "-1", class: "rc-page-title" }, text), lead ? h("p", { class: "usa-intro rc-lead" }, lead) : null].filter(Boolean) as HTMLElement[];
}

export function loading(): HTMLElement {
  return h("p", { class: "rc-loading", role: "status" }, "Loading…");
}

export function button(text: string, attrs: Record<string, any> = {}): HTMLButtonElement {
  const cls = attrs.class ? `usa-button ${attrs.class}` : "usa-button";
  return h("button", { type: "button", ...attrs, class: cls }, text);
}
