// Opening a Performance Mentoring Review from a trigger (POST /reviews,
// 3.070-PRO-1.1: the Coordinator only). The dashboard's trigger rows link to
// #/reviews/new?serial=…&indicator=…&date=…&events=… with the fields filled in.
import { api, ApiError } from "../api";
import { flash, navigate, type Route } from "../app";
import { h, put } from "../dom";
import type { Review, ReviewList } from "../review-model";
import { today } from "../session";
import { alert, detailsToErrors, errorAlert, INDICATORS, inputField, pageHeading, selectField, showFormErrors } from "../ui";

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The open review of `serial`, if the caller can see one (for the 409 message). */
async function openReviewOf(serial: string): Promise<number | null> {
  try {
    const r = await api<ReviewList>("GET", "/reviews?state=open");
    return r.reviews.find((x) => x.employee.serial === serial)?.id ?? null;
  } catch {
    return null;
  }
}

/** The form; `prefill` comes from the query (serial, indicator, date, events). */
export function openReviewForm(prefill: URLSearchParams): HTMLElement {
  const serial = inputField({ name: "employee_serial", label: "Employee serial", required: true, maxlength: 32, value: prefill.get("serial") ?? "" });
  const indicator = selectField({
    name: "indicator",
    label: "Indicator",
    required: true,
    placeholder: "- Select -",
    options: Object.entries(INDICATORS).map(([k, v]) => [k, `${k} — ${v}`]),
    value: (prefill.get("indicator") ?? "").toUpperCase(),
  });
  const date = inputField({ name: "trigger_date", label: "Trigger date", type: "date", required: true, max: today(), value: prefill.get("date") ?? "", hint: "The day the threshold was crossed (3.070 §1)." });
  const eventIds = (prefill.get("events") ?? "")
    .split(",")
    .map((x) => Number(x))
    .filter((n) => Number.isInteger(n) && n > 0);
  const fields = [serial, indicator, date];

  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Open the review");
  const form = h(
    "form",
    { class: "usa-form usa-form--large rc-open-review", novalidate: true, "aria-label": "Open a review" },
    messages,
    serial.group,
    indicator.group,
    date.group,
    eventIds.length ? h("p", { class: "usa-hint" }, `The ${eventIds.length} event${eventIds.length === 1 ? "" : "s"} behind the trigger go with it.`) : null,
    h("div", { class: "usa-button-group" }, submit),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    if (!serial.value()) e.set("employee_serial", "Enter the employee's serial number.");
    if (!indicator.value()) e.set("indicator", "Select the indicator.");
    if (!date.value()) e.set("trigger_date", "Enter the trigger date.");
    else if (!VALID_DATE.test(date.value())) e.set("trigger_date", "Enter a date as YYYY-MM-DD.");
    else if (date.value() > today()) e.set("trigger_date", "The trigger date cannot be in the future.");
    showFormErrors(messages, fields, e);
    if (e.size) return;
    submit.disabled = true;
    try {
      const r = await api<Review>("POST", "/reviews", {
        body: { employee_serial: serial.value(), indicator: indicator.value(), trigger_date: date.value(), event_ids: eventIds },
      });
      flash("success", `Review ${r.id} of ${r.employee.name} opened (3.070-PRO-1.1). Next: notify the section captain.`);
      navigate(`#/reviews/${r.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.details.length) {
        const { errors, other } = detailsToErrors(err.details, fields);
        showFormErrors(messages, fields, errors, other);
      } else if (err instanceof ApiError && err.status === 404) {
        showFormErrors(messages, fields, new Map([["employee_serial", `No employee you may open a review for has serial ${serial.value()}.`]]));
      } else if (err instanceof ApiError && err.status === 409) {
        const open = await openReviewOf(serial.value());
        put(
          messages,
          alert(
            "warning",
            "This employee already has an open review",
            h("p", null, err.message),
            open ? h("p", null, "New crossings attach to it. ", h("a", { href: `#/reviews/${open}`, class: "usa-link" }, `Go to review ${open}`), ".") : null,
          ),
        );
      } else {
        put(messages, errorAlert(err));
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export function openReviewPage(main: HTMLElement, route: Route): void {
  put(
    main,
    ...pageHeading("Open a review", "Start a Performance Mentoring Review for an employee who met the criteria (3.070-PRO-1.1)."),
    h("p", null, "Fields marked ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*"), " are required."),
    openReviewForm(route.query),
    h("p", null, h("a", { href: "#/reviews", class: "usa-link" }, "Back to the reviews")),
  );
}
