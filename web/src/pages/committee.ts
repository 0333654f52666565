// The PMP Committee's semi-annual meetings (GET/POST /committee/meetings,
// POST /committee/meetings/{id}/steps, 3.070-POL-3): when the next one is due
// (overdue tagged), the meetings newest first with who sat, the minutes and
// the recommendations; for the Coordinator, who schedules them, the schedule
// form, the "record the meeting" form (the §3 stakeholders present as
// checkboxes, attendees, minutes, recommendations), cancel, and "forward the
// recommendations to the Chief of Police". Readers: the Coordinator, the
// Committee, the chiefs (the server decides).
import { api, ApiError } from "../api";
import { current, flash, navigate, seq } from "../app";
import { h, put, uid } from "../dom";
import { type Meeting, MEETING_STATES, type MeetingList, SEATS, seatLabel } from "../plan-model";
import { can, today } from "../session";
import { detailsToErrors, empty, errorAlert, inputField, pageHeading, showFormErrors, table, tag, textareaField, type Field } from "../ui";

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_AGENDA = "Review the threshold criteria for relevancy and proper levels; trends and patterns; mentoring and coaching of officers and supervisors (3.070 §3).";

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Posts a form's body; on success reloads the page with `done`; errors at their fields, 409 reloads. */
async function send(path: string, body: Record<string, unknown>, messages: HTMLElement, fields: Field[], done: string, fieldOf400: (m: string) => string | null): Promise<void> {
  try {
    await api("POST", path, { body });
    flash("success", done);
    navigate("#/committee");
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      flash("warning", `The meeting changed before your step was recorded, so the page has been reloaded. The server said: ${err.message}`);
      navigate("#/committee");
      return;
    }
    if (err instanceof ApiError && err.status === 422 && err.details.length) {
      const { errors, other } = detailsToErrors(err.details, fields);
      showFormErrors(messages, fields, errors, other);
    } else if (err instanceof ApiError && err.status === 400) {
      const f = fieldOf400(err.message.toLowerCase());
      showFormErrors(messages, fields, f ? new Map([[f, err.message]]) : new Map(), f ? [] : [err.message]);
    } else {
      messages.replaceChildren(errorAlert(err));
    }
  }
}

function scheduleForm(): HTMLElement {
  const date = inputField({ name: "scheduled_for", label: "Meeting date", type: "date", required: true, hint: "Today or later." });
  const agenda = textareaField({ name: "agenda", label: "Agenda", required: true, rows: 3, maxlength: 8000, value: DEFAULT_AGENDA });
  const fields = [date, agenda];
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Schedule the meeting");
  const form = h("form", { class: "usa-form usa-form--large rc-committee-form", novalidate: true, "aria-label": "Schedule a meeting" }, messages, date.group, agenda.group, h("div", { class: "usa-button-group" }, submit));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    if (!VALID_DATE.test(date.value())) e.set("scheduled_for", "Enter the meeting date.");
    else if (date.value() < today()) e.set("scheduled_for", "The meeting date cannot be in the past.");
    if (!agenda.value()) e.set("agenda", "Enter the agenda.");
    showFormErrors(messages, fields, e);
    if (e.size) return;
    submit.disabled = true;
    await send("/committee/meetings", { scheduled_for: date.value(), agenda: agenda.value() }, messages, fields, `Meeting scheduled for ${date.value()} (3.070-POL-3).`, (m) => (m.includes("agenda") ? "agenda" : "scheduled_for"));
    submit.disabled = false;
  });
  return form;
}

/** The §3 stakeholders as checkboxes, one Field named "seats_present". */
function seatsField(): { field: Field; values: () => string[] } {
  const id = uid("seats");
  const errId = `${id}-error`;
  const boxes = SEATS.map(([k], i) => h("input", { class: "usa-checkbox__input", id: `${id}-${i}`, type: "checkbox", name: "seats_present", value: k, "aria-describedby": errId }));
  const legend = h("legend", { class: "usa-legend" }, "Stakeholders present (3.070 §3)", " ", h("abbr", { title: "required", class: "usa-hint usa-hint--required" }, "*"));
  const error = h("span", { class: "usa-error-message", id: errId, hidden: true });
  const group = h(
    "div",
    { class: "usa-form-group" },
    h("fieldset", { class: "usa-fieldset rc-items" }, legend, h("span", { class: "usa-hint" }, "Each seat counts when its holder or a designee attended."), error, SEATS.map(([, text], i) => h("div", { class: "usa-checkbox" }, boxes[i], h("label", { class: "usa-checkbox__label", for: `${id}-${i}` }, text)))),
  );
  const field: Field = { name: "seats_present", labelText: "Stakeholders present", group, label: legend, error, focus: boxes[0], controls: boxes, value: () => boxes.filter((b) => b.checked).map((b) => b.value).join(","), setValue: () => undefined };
  return { field, values: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

function holdForm(m: Meeting): HTMLElement {
  const headingId = uid("hold-h");
  const held = inputField({ name: "held_on", label: "Held on", type: "date", required: true, max: today(), value: m.scheduled_for <= today() ? m.scheduled_for : today() });
  const seats = seatsField();
  const attendees = textareaField({ name: "attendees", label: "Attendees", rows: 3, hint: "Names or serials, one per line." });
  const minutes = textareaField({ name: "minutes", label: "Minutes", required: true, rows: 5, maxlength: 20000 });
  const recs = textareaField({ name: "recommendations", label: "Recommendations to the Chief of Police", rows: 3, hint: "On thresholds or criteria, one per line. Leave empty if none." });
  const fields = [held, seats.field, attendees, minutes, recs];
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Record the meeting");
  const form = h("form", { class: "usa-form usa-form--large rc-committee-form", novalidate: true, "aria-labelledby": headingId, "data-action": "hold" }, messages, fields.map((f) => f.group), h("div", { class: "usa-button-group" }, submit));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    if (!VALID_DATE.test(held.value())) e.set("held_on", "Enter the date the meeting was held.");
    else if (held.value() > today()) e.set("held_on", "The date cannot be in the future.");
    if (seats.values().length === 0) e.set("seats_present", "Check at least one stakeholder present.");
    if (!minutes.value()) e.set("minutes", "Enter the minutes.");
    showFormErrors(messages, fields, e);
    if (e.size) return;
    submit.disabled = true;
    await send(
      `/committee/meetings/${m.id}/steps`,
      { action: "hold", version: m.version, held_on: held.value(), seats_present: seats.values(), attendees: lines(attendees.value()), minutes: minutes.value(), recommendations: lines(recs.value()).map((text) => ({ text })) },
      messages,
      fields,
      `Meeting of ${held.value()} recorded (3.070-POL-3).`,
      (msg) => (msg.includes("minutes") ? "minutes" : msg.includes("seat") ? "seats_present" : msg.includes("recommend") ? "recommendations" : "held_on"),
    );
    submit.disabled = false;
  });
  return h("section", { class: "rc-step", "aria-labelledby": headingId }, h("h4", { id: headingId }, "Record the meeting"), form);
}

function cancelForm(m: Meeting): HTMLElement {
  const headingId = uid("cancel-h");
  const reason = textareaField({ name: "reason", label: "Reason", required: true, rows: 2, maxlength: 8000 });
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button usa-button--secondary" }, "Cancel the meeting");
  const form = h("form", { class: "usa-form usa-form--large rc-committee-form", novalidate: true, "aria-labelledby": headingId, "data-action": "cancel" }, messages, reason.group, h("div", { class: "usa-button-group" }, submit));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    if (!reason.value()) e.set("reason", "Enter the reason.");
    showFormErrors(messages, [reason], e);
    if (e.size) return;
    submit.disabled = true;
    await send(`/committee/meetings/${m.id}/steps`, { action: "cancel", version: m.version, reason: reason.value() }, messages, [reason], `Meeting of ${m.scheduled_for} cancelled.`, () => "reason");
    submit.disabled = false;
  });
  return h("section", { class: "rc-step", "aria-labelledby": headingId }, h("h4", { id: headingId }, "Cancel the meeting"), form);
}

function forwardButton(m: Meeting): HTMLElement {
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Forward the recommendations to the Chief of Police");
  const form = h("form", { class: "rc-committee-form", novalidate: true, "aria-label": `Forward the recommendations of ${m.held_on ?? m.scheduled_for}`, "data-action": "forward" }, messages, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    await send(`/committee/meetings/${m.id}/steps`, { action: "forward", version: m.version }, messages, [], `Recommendations of ${m.held_on} forwarded to the Chief of Police (3.070-POL-3).`, () => null);
    submit.disabled = false;
  });
  return form;
}

function meetingSection(m: Meeting, coordinator: boolean): HTMLElement {
  const headingId = `rc-meeting-${m.id}-h`;
  const dd = (k: string, v: string | HTMLElement | (string | HTMLElement)[] | null) => (v === null || v === "" ? null : [h("dt", null, k), h("dd", null, v)]);
  return h(
    "section",
    { class: "rc-section rc-meeting", "aria-labelledby": headingId, "data-state": m.state, "data-id": String(m.id) },
    h("h3", { id: headingId }, `Meeting of ${m.held_on ?? m.scheduled_for}`, " ", tag(MEETING_STATES[m.state] ?? m.state, m.state === "cancelled" ? "rc-tag-start" : "")),
    h(
      "dl",
      { class: "rc-dl rc-dl-stack" },
      dd("Scheduled for", m.scheduled_for),
      dd("Agenda", m.agenda),
      dd("Held on", m.held_on),
      dd("Stakeholders present", m.seats_present.length ? h("ul", { class: "usa-list rc-seats" }, m.seats_present.map((s) => h("li", null, seatLabel(s)))) : null),
      dd("Stakeholders absent", m.state !== "scheduled" && m.state !== "cancelled" ? SEATS.filter(([k]) => !m.seats_present.includes(k)).map(([, l]) => l).join("; ") || "None" : null),
      dd("Attendees", m.attendees.join("; ")),
      dd("Minutes", m.minutes ? h("span", { class: "rc-minutes" }, m.minutes) : null),
      dd("Recommendations", m.recommendations.length ? h("ol", { class: "usa-list" }, m.recommendations.map((r) => h("li", null, r.text, r.threshold_set_id ? ` (threshold set ${r.threshold_set_id})` : ""))) : m.state === "held" || m.state === "forwarded" ? "None" : null),
      dd("Forwarded to the Chief of Police", m.forwarded_on),
    ),
    coordinator && m.state === "scheduled" ? [holdForm(m), cancelForm(m)] : null,
    coordinator && m.state === "held" && m.recommendations.length ? forwardButton(m) : null,
  );
}

export async function committeePage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const data = await api<MeetingList>("GET", "/committee/meetings");
  if (!current(mySeq)) return;
  const coordinator = can.manageCommittee();
  const meetings = [...(data.meetings || [])].sort((a, b) => (b.held_on ?? b.scheduled_for).localeCompare(a.held_on ?? a.scheduled_for) || b.id - a.id);
  const scheduled = meetings.some((m) => m.state === "scheduled");
  const rows = meetings.map((m) => [
    h("a", { href: `#rc-meeting-${m.id}-h`, class: "usa-link", onclick: (ev: Event) => { ev.preventDefault(); document.getElementById(`rc-meeting-${m.id}-h`)?.scrollIntoView(); } }, m.scheduled_for),
    MEETING_STATES[m.state] ?? m.state,
    m.held_on ?? "",
    m.state === "held" || m.state === "forwarded" ? `${m.seats_present.length} of ${SEATS.length}` : "",
    String(m.recommendations.length),
    m.forwarded_on ?? "",
  ]);

  put(
    main,
    ...pageHeading("PMP Committee", "The Committee monitors the program and reviews the threshold criteria semi-annually; the Coordinator schedules its meetings and forwards its recommendations to the Chief of Police (3.070 §3)."),
    h("p", null, h("a", { href: "#/pmp-statistics", class: "usa-link" }, "Precinct statistics (3.070 §5)"), " · ", h("a", { href: "#/thresholds", class: "usa-link" }, "Threshold sets")),
    h(
      "div",
      { class: "usa-summary-box rc-summary", role: "region", "aria-label": "Next meeting due" },
      h(
        "div",
        { class: "usa-summary-box__body" },
        h("h2", { class: "usa-summary-box__heading" }, "Next meeting due"),
        h("p", { class: "usa-summary-box__text rc-big-number rc-next-due" }, data.next_meeting_due, " ", data.overdue ? tag("Overdue", "rc-tag-overdue") : ""),
        h("p", { class: "usa-summary-box__text" }, scheduled ? "A meeting is scheduled." : "Six months after the last meeting held (3.070 §3). No meeting is scheduled."),
      ),
    ),
    h(
      "section",
      { class: "rc-section", "aria-labelledby": "rc-meetings-h" },
      h("h2", { id: "rc-meetings-h" }, "Meetings"),
      rows.length ? table("Committee meetings, newest first", ["Scheduled for", "State", "Held on", "Stakeholders present", "Recommendations", "Forwarded"], rows, { captionHidden: true, className: "rc-meetings" }) : empty("No meeting yet."),
      meetings.map((m) => meetingSection(m, coordinator)),
    ),
    coordinator ? h("section", { class: "rc-section", "aria-labelledby": "rc-schedule-h" }, h("h2", { id: "rc-schedule-h" }, "Schedule a meeting"), scheduleForm()) : null,
  );
}
