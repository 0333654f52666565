// The audit log for administrators (GET /audit), newest first.
import { api, withQuery } from "../api";
import { current, seq, type Route } from "../app";
import { h, put } from "../dom";
import { empty, instant, pageHeading, table } from "../ui";

interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  key: string;
  details: unknown;
}

const LIMIT = 100;

function detailsText(d: unknown): string {
  if (d === null || d === undefined) return "";
  if (typeof d === "string") return d;
  return JSON.stringify(d);
}

export async function auditPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const before = route.query.get("before") || "";
  const data = await api<{ records: AuditRecord[]; head: unknown }>("GET", withQuery("/audit", { limit: LIMIT, before }));
  if (!current(mySeq)) return;
  const records = data.records || [];
  const head = data.head as any;
  const headText = head && typeof head === "object" ? `Newest record ${head.seq ?? ""}, hash ${head.hash ?? ""}` : head ? `Head: ${String(head)}` : "";
  const rows = records.map((r) => [String(r.seq), instant(r.at), r.actor, r.action, r.entity, r.key, h("span", { class: "rc-details" }, detailsText(r.details))]);
  const oldest = records.length ? records[records.length - 1].seq : null;
  put(
    main,
    ...pageHeading("Audit log", "Every change, and every read of a PMP record, in a hash-chained log. Check it with `rollcall audit verify`."),
    headText ? h("p", { class: "rc-audit-head" }, h("code", null, headText)) : null,
    rows.length ? table("Audit records, newest first", ["#", "When", "Actor", "Action", "Entity", "Key", "Details"], rows, { className: "rc-audit" }) : empty("No audit records."),
    h(
      "div",
      { class: "usa-button-group rc-audit-nav" },
      before ? h("a", { href: "#/audit", class: "usa-button usa-button--outline" }, "Newest") : null,
      oldest !== null && oldest > 1 && records.length === LIMIT ? h("a", { href: `#${withQuery("/audit", { before: oldest })}`, class: "usa-button usa-button--outline" }, "Older records") : null,
    ),
  );
}
