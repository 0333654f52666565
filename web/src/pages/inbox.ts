// The caller's inbox (GET /inbox): the Performance Mentoring Review and
// Mentoring Plan steps awaiting them (3.070-PRO-1, PRO-2) and the
// Coordinator's Committee tasks (3.070-POL-3), overdue and soonest due first
// as the server orders them. Each links to the page where the step is taken;
// a plan to open has its "Open the plan" button here (PRO-2.1). Leave requests
// and timesheets (4.010) lead to their pages.
import { api, ApiError } from "../api";
import { current, flash, navigate, seq, setInboxOverdue } from "../app";
import { h, put } from "../dom";
import { leaveStateLabel, leaveTypeLabel, timesheetStateLabel } from "../leave-model";
import { planStateLabel } from "../plan-model";
import { type InboxItem, stateLabel } from "../review-model";
import { RECORD_KINDS, recordHref, recordStateLabel, routeKindOf } from "../time-record-model";
import { empty, INDICATORS, pageHeading, table, tag } from "../ui";

export function overdueTag(): HTMLElement {
  return tag("Overdue", "rc-tag-overdue");
}

/** What the row is and where it leads: reviews and plans to their pages; the Committee's items to its page. */
function target(r: InboxItem): { item: string; href: string } {
  if (r.kind === "pmp-plan") return { item: `Mentoring Plan ${r.id} (3.070-PRO-2)`, href: `#/plans/${r.id}` };
  if (r.kind === "pmp-plan-to-open") return { item: `Plan to open for review ${r.review_id ?? r.id}`, href: `#/reviews/${r.review_id ?? r.id}` };
  if (r.kind === "pmp-committee-schedule") return { item: "PMP Committee: the next semi-annual meeting (3.070-POL-3)", href: "#/committee" };
  if (r.kind === "pmp-committee-meeting") return { item: `PMP Committee meeting ${r.id} (3.070-POL-3)`, href: "#/committee" };
  // 4.010 Employee Time Off (src/api/timeoff/leave_inbox.cc, records_inbox.cc)
  if (r.kind === "leave-request") return { item: `Leave request ${r.id}: ${leaveTypeLabel((r as any).type)} ${(r as any).first ?? ""} (4.010-POL-2, PRO-1)`, href: `#/time-off/requests/${r.id}` };
  if (r.kind === "timesheet") return { item: `Timesheet ${(r as any).period?.first ?? ""} to ${(r as any).period?.last ?? ""} (4.010-POL-3)`, href: `#/timesheets/${r.id}` };
  // The other time records (corrections, AWOL, cash-outs, release time, circle
  // furloughs, special duty, guild days, year-end extensions) lead to the record page.
  const rk = routeKindOf(r.kind);
  if (rk) return { item: `${RECORD_KINDS[rk].noun} ${r.id} (${RECORD_KINDS[rk].clause})`, href: recordHref(rk, r.id) };
  if (r.kind && !r.kind.startsWith("pmp")) return { item: `${r.kind.replace(/-/g, " ")} ${r.id} (4.010)`, href: "#/timesheets" };
  return { item: `Review ${r.id}`, href: `#/reviews/${r.id}` };
}

/** The caller's steps on the row, in the record page's button words for time records. */
function actionsText(r: InboxItem): string {
  const rk = routeKindOf(r.kind);
  return (r.actions ?? []).map((a) => (rk ? (RECORD_KINDS[rk].steps[a]?.label ?? a) : a)).join(", ");
}

/** The row's state words: leave and timesheet states are not review states. */
function stateText(r: InboxItem): string {
  if (r.kind === "pmp-plan") return planStateLabel(r.state);
  if (r.kind === "leave-request") return leaveStateLabel(r.state);
  if (r.kind === "timesheet") return timesheetStateLabel(r.state);
  const rk = routeKindOf(r.kind);
  if (rk) return recordStateLabel(rk, r.state ?? "");
  if (r.kind && !r.kind.startsWith("pmp")) return r.state ?? "";
  return stateLabel(r.state);
}

/**
 * PRO-2.1 from the inbox: the Coordinator opens the plan of a review whose
 * plan the bureau chief concurred with (POST /plans), which sends the first
 * progress report form, and goes to the plan. A 409 (already opened) goes to
 * the plans list.
 */
function openPlanButton(r: InboxItem): HTMLElement {
  const reviewId = r.review_id ?? r.id;
  const messages = h("span", { class: "rc-inline-error", role: "alert" });
  const b = h("button", { type: "button", class: "usa-button usa-button--outline rc-open-plan", "data-review": String(reviewId), "aria-label": `Open the plan of review ${reviewId} (${r.employee?.name ?? ""})` }, "Open the plan");
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      const p = await api<{ id: number }>("POST", "/plans", { body: { review_id: reviewId } });
      flash("success", `Mentoring Plan ${p.id} opened; the first progress report form went to the lieutenant (3.070-PRO-2.1).`);
      navigate(`#/plans/${p.id}`);
    } catch (err) {
      b.disabled = false;
      messages.textContent = err instanceof ApiError ? err.message : String(err);
    }
  });
  return h("span", null, b, messages);
}

export async function inboxPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const data = await api<{ items: InboxItem[]; overdue: number; today: string }>("GET", "/inbox");
  if (!current(mySeq)) return;
  const items = data.items || [];
  setInboxOverdue(data.overdue ?? 0);

  const rows = items.map((r) => {
    const t = target(r);
    const who = r.employee ? `${r.employee.name} (${r.employee.serial})` : "PMP Committee";
    return [
      h("a", { href: t.href, class: "usa-link", "data-kind": r.kind || "pmp-review", "data-id": String(r.id), "aria-label": `${who}: ${t.item}, ${r.awaiting?.what ?? stateText(r)}` }, who),
      r.kind === "pmp-plan-to-open" && r.actions?.includes("open-plan") ? [t.item, " ", openPlanButton(r)] : t.item,
      r.employee?.precinct?.name ?? r.employee?.unit?.name ?? "",
      r.indicator ? h("span", { class: `rc-ind rc-ind-${r.indicator}`, title: INDICATORS[r.indicator] ?? "" }, r.indicator) : "",
      stateText(r),
      r.awaiting ? [h("span", { class: "rc-step-what" }, r.awaiting.what ?? actionsText(r)), " ", h("span", { class: "rc-clause" }, r.awaiting.step)] : actionsText(r),
      r.due ?? (r.awaiting as any)?.due ?? "",
      r.overdue ? overdueTag() : "",
    ];
  });

  const count =
    items.length === 0
      ? "Nothing awaits you."
      : `${items.length} ${items.length === 1 ? "item awaits" : "items await"} you${data.overdue ? `, ${data.overdue} overdue` : ""}.`;

  put(
    main,
    ...pageHeading("Inbox", "Performance Mentoring Review and Mentoring Plan steps, and PMP Committee tasks, that wait for you (3.070-PRO-1, PRO-2, POL-3). Open one to take its step."),
    h("p", { class: "rc-result-count", role: "status" }, count),
    rows.length
      ? table("Review steps awaiting you", ["Employee", "Item", "Precinct or unit", "Indicator", "State", "Your step", "Due", "Overdue"], rows, { captionHidden: true, className: "rc-inbox" })
      : empty("Your inbox is empty. When a Performance Mentoring Review or Mentoring Plan needs a step from you, it appears here."),
  );
}
