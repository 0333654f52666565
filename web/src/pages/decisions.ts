// Decisions (#/time-records): the 4.010 time records that wait for the
// caller, grouped by kind — correction exceptions to forward, grant or refuse
// (POL-8), year-end extensions to grant, refuse and send to Payroll (POL-7),
// release time to approve or whose form 2.27 copy to forward (PRO-2), AWOL
// memo copies to forward (POL-9), circle furloughs (POL-12), special duty
// days for captains (POL-13) and guild days for the Guild president (POL-14).
// The rows come from the caller's inbox (GET /inbox), which mixes them with
// Performance Mentoring steps, leave requests and timesheets; each opens the
// record's page, where the step is taken.
import { api } from "../api";
import { current, seq } from "../app";
import { h, put } from "../dom";
import { personText, type InboxItem } from "../review-model";
import { RECORD_KINDS, type RecordKind, recordHref, recordStateLabel, routeKindOf } from "../time-record-model";
import { empty, pageHeading, table, tag } from "../ui";

const ORDER: RecordKind[] = ["leave-extension", "correction", "release-time", "awol", "furlough-work", "special-duty", "guild-day", "cash-out"];

export async function decisionsPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const inbox = await api<{ items: InboxItem[] }>("GET", "/inbox");
  if (!current(mySeq)) return;
  const byKind = new Map<RecordKind, InboxItem[]>();
  for (const item of inbox.items ?? []) {
    const k = routeKindOf(item.kind);
    if (!k) continue;
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)!.push(item);
  }
  const total = [...byKind.values()].reduce((n, xs) => n + xs.length, 0);
  const sections = ORDER.filter((k) => byKind.has(k)).map((k) => {
    const def = RECORD_KINDS[k];
    const id = `rc-dec-${k}-h`;
    return h(
      "section",
      { class: "rc-section", "aria-labelledby": id },
      h("h2", { id }, `${def.noun} (${def.clause})`),
      table(
        def.noun,
        ["Record", "Employee", "State", "Your step", "Overdue"],
        byKind.get(k)!.map((i) => [
          h("a", { href: recordHref(k, i.id), class: "usa-link", "data-kind": k, "data-id": String(i.id) }, `${def.noun} ${i.id}`),
          personText(i.employee),
          recordStateLabel(k, i.state ?? ""),
          (i.actions ?? []).map((a) => def.steps[a]?.label ?? a).join("; "),
          i.overdue ? tag("Overdue", "rc-tag-overdue") : "",
        ]),
        { captionHidden: true, className: `rc-decisions rc-decisions-${k}` },
      ),
    );
  });
  put(
    main,
    ...pageHeading("Decisions", "Time records that wait for your step: correction exceptions, year-end extensions, release time and its form 2.27 copies, AWOL memo copies, circle furloughs, special duty and guild days (4.010). Leave requests are on Leave approvals, timesheets on Timesheets."),
    h("p", { class: "rc-result-count", role: "status" }, total ? `${total} record${total === 1 ? " waits" : "s wait"} for you.` : "No time record waits for you."),
    sections.length ? sections : empty("When a time record needs your step, it appears here and in your inbox."),
  );
}
