// One leave request as the chain of command sees it: dates and hours, the
// squad's staffing on those dates (4.010-PRO-1.2 "based on staffing needs"),
// and a button for each step the server lists in `my_actions` — so each step
// of the Request for Authorized Absence (PRO-1.1–1.5) is shown only to the
// person who may take it. A denial needs a reason (a 422 shown at its field).
import { api, ApiError } from "../api";
import { h, type Child } from "../dom";
import { type FormRoute, hours, type LeaveRequest, LEAVE_STEPS, leaveStateLabel, leaveTypeLabel, type StaffingDay } from "../leave-model";
import { personText } from "../review-model";
import { button, detailsToErrors, empty, showFormErrors, table, tag, textareaField } from "../ui";

export function staffingTable(days: StaffingDay[] | undefined, caption: string): HTMLElement {
  if (!days || days.length === 0) return empty("No staffing figures for these dates.");
  return table(
    caption,
    ["Date", "On duty", "If pending leave is approved", "Minimum", "Off", "Pending"],
    days.map((d) => [
      d.date,
      String(d.on_duty),
      String(d.if_pending_approved),
      [String(d.minimum), d.short_staffed ? [" ", tag("Short-staffed", "rc-tag-overdue")] : null],
      d.off.map((p) => p.name).join("; ") || "None",
      d.pending.map((p) => p.name).join("; ") || "None",
    ]),
    { className: "rc-staffing" },
  );
}

function dl(items: [string, Child][]): HTMLElement {
  return h("dl", { class: "rc-dl rc-dl-stack" }, items.filter(([, v]) => v !== null && v !== "").map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

/** Each link of the chain the form passes, with when it reached them (PRO-1.3/1.4). */
function routeText(route: FormRoute | null | undefined): Child {
  if (!route) return "";
  return h(
    "ol",
    { class: "rc-route" },
    route.hops.map((hop) =>
      h("li", { "data-received": hop.received ? "yes" : "no" }, `${hop.title}: ${personText(hop.recipient)} — ${hop.received ? `received ${hop.received.slice(0, 16).replace("T", " ")} UTC` : "not yet"}`),
    ),
  );
}

/** The request's summary, staffing and step buttons; `done(message)` is called after a step succeeded. */
export function leaveRequestCard(r: LeaveRequest, done: (message: string) => void, headingLevel: "h2" | "h3" = "h2"): HTMLElement {
  const headingId = `rc-lr-${r.id}-h`;
  const title = `${r.employee.name} (${r.employee.serial}): ${leaveTypeLabel(r.type)} ${r.first}${r.last !== r.first ? ` to ${r.last}` : ""}`;
  const slot = h("div");
  const reason = textareaField({ name: "comments", label: "Reason (required to deny)", maxlength: 4000, rows: 2 });
  const actions = r.my_actions.filter((a) => LEAVE_STEPS[a]);
  const needsReason = actions.some((a) => LEAVE_STEPS[a].reason);
  const buttons = actions.map((a) =>
    button(LEAVE_STEPS[a].label, {
      class: a === "deny" || a === "captain-deny" || a === "cancel" ? "usa-button--secondary" : "",
      "data-action": a,
      onclick: async (ev: Event) => {
        const b = ev.currentTarget as HTMLButtonElement;
        b.disabled = true;
        try {
          await api("POST", `/leave-requests/${r.id}/steps`, { body: { action: a, version: r.version, comments: reason.value() } });
          done(`Leave request ${r.id}: ${LEAVE_STEPS[a].label.toLowerCase()} (${LEAVE_STEPS[a].clause}) done.`);
        } catch (err) {
          b.disabled = false;
          if (err instanceof ApiError && err.status === 422) {
            const { errors, other } = detailsToErrors(err.details, [reason]);
            showFormErrors(slot, [reason], errors, errors.size || other.length ? other : [err.message]);
          } else if (err instanceof ApiError && err.status === 409) {
            done(`Leave request ${r.id} changed since you opened it (someone acted first); it has been reloaded.`);
          } else {
            showFormErrors(slot, [reason], new Map(), [err instanceof Error ? err.message : String(err)]);
          }
        }
      },
    }),
  );
  return h(
    "section",
    { class: "rc-section rc-leave-request", "aria-labelledby": headingId, "data-id": String(r.id), "data-state": r.state },
    h(headingLevel, { id: headingId }, title),
    dl([
      ["State", h("span", { class: "rc-leave-state" }, leaveStateLabel(r.state))],
      ["Hours", `${hours(r.total)} over ${r.days.length} scheduled day${r.days.length === 1 ? "" : "s"}`],
      ["Days", r.days.map((d) => `${d.date} ${hours(d)}`).join(", ")],
      ["Path", r.captain_path ? `Request for Authorized Absence: ${r.consecutive_days} consecutive days, the captain decides (4.010-PRO-1)` : "The sergeant decides (4.010-POL-2)"],
      ["Sergeant", r.sergeant ? personText(r.sergeant) : ""],
      ["Captain", r.captain ? personText(r.captain) : ""],
      ["Up the chain to the captain", routeText(r.to_captain)],
      ["Back down to the sergeant", routeText(r.back_to_sergeant)],
      ["Awaiting", r.awaiting ? [`${r.awaiting.step}${r.awaiting.holder ? `, with ${personText(r.awaiting.holder)}` : ""}, due ${r.awaiting.due}`, r.overdue ? [" ", tag("Overdue", "rc-tag-overdue")] : null] : ""],
      ["Reason given", r.note],
      ["Denial reason", r.denial_reason],
    ]),
    r.staffing ? staffingTable(r.staffing, `Squad staffing for request ${r.id}`) : null,
    actions.length
      ? h(
          "form",
          { class: "usa-form rc-step-form", "aria-label": `Steps on leave request ${r.id}`, onsubmit: (ev: Event) => ev.preventDefault() },
          slot,
          needsReason ? reason.group : null,
          h("div", { class: "rc-buttons" }, buttons),
        )
      : null,
  );
}
