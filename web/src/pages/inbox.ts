// The caller's inbox (GET /inbox): the Performance Mentoring Review steps
// awaiting them (3.070-PRO-1), overdue and soonest due first as the server
// orders them. Each links to the review page, where the step is taken.
import { api } from "../api";
import { current, seq, setInboxOverdue } from "../app";
import { h, put } from "../dom";
import { type InboxItem, stateLabel } from "../review-model";
import { empty, INDICATORS, pageHeading, table, tag } from "../ui";

export function overdueTag(): HTMLElement {
  return tag("Overdue", "rc-tag-overdue");
}

/** What the row is and where it leads: reviews to their page; plans (no screen of their own yet) to their review. */
function target(r: InboxItem): { item: string; href: string } {
  if (r.kind === "pmp-plan") return { item: `Mentoring Plan ${r.id} (3.070-PRO-2)`, href: `#/reviews/${r.review_id ?? r.id}` };
  if (r.kind === "pmp-plan-to-open") return { item: `Plan to open for review ${r.review_id ?? r.id}`, href: `#/reviews/${r.review_id ?? r.id}` };
  return { item: `Review ${r.id}`, href: `#/reviews/${r.id}` };
}

export async function inboxPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const data = await api<{ items: InboxItem[]; overdue: number; today: string }>("GET", "/inbox");
  if (!current(mySeq)) return;
  const items = data.items || [];
  setInboxOverdue(data.overdue ?? 0);

  const rows = items.map((r) => {
    const t = target(r);
    return [
      h("a", { href: t.href, class: "usa-link", "data-kind": r.kind || "pmp-review", "aria-label": `${r.employee.name} (${r.employee.serial}): ${t.item}, ${r.awaiting?.what ?? stateLabel(r.state)}` }, `${r.employee.name} (${r.employee.serial})`),
      t.item,
      r.employee.precinct?.name ?? r.employee.unit?.name ?? "",
      r.indicator ? h("span", { class: `rc-ind rc-ind-${r.indicator}`, title: INDICATORS[r.indicator] ?? "" }, r.indicator) : "",
      stateLabel(r.state),
      r.awaiting ? [h("span", { class: "rc-step-what" }, r.awaiting.what), " ", h("span", { class: "rc-clause" }, r.awaiting.step)] : "",
      r.due ?? "",
      r.overdue ? overdueTag() : "",
    ];
  });

  const count =
    items.length === 0
      ? "Nothing awaits you."
      : `${items.length} ${items.length === 1 ? "item awaits" : "items await"} you${data.overdue ? `, ${data.overdue} overdue` : ""}.`;

  put(
    main,
    ...pageHeading("Inbox", "Performance Mentoring Review and Mentoring Plan steps that wait for you (3.070-PRO-1 and PRO-2). Open one to take its step."),
    h("p", { class: "rc-result-count", role: "status" }, count),
    rows.length
      ? table("Review steps awaiting you", ["Employee", "Item", "Precinct or unit", "Indicator", "State", "Your step", "Due", "Overdue"], rows, { captionHidden: true, className: "rc-inbox" })
      : empty("Your inbox is empty. When a Performance Mentoring Review or Mentoring Plan needs a step from you, it appears here."),
  );
}
