// The HR director's AWOL memos (#/hr, 4.010-POL-9): every AWOL record (GET
// /awol), newest first, with the employee, the date and unpaid hours, the
// sergeant's circumstances and how far the memo's copy has gone up the chain
// to the bureau chief. Each row opens the record's page.
import { api } from "../api";
import { current, seq } from "../app";
import { h, put } from "../dom";
import { hours } from "../leave-model";
import { personText } from "../review-model";
import { recordHref, recordStateLabel, routingText, type TimeRecord } from "../time-record-model";
import { empty, instant, pageHeading, table } from "../ui";

export async function hrPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const r = await api<{ awol: TimeRecord[] }>("GET", "/awol");
  if (!current(mySeq)) return;
  const memos = r.awol ?? [];
  put(
    main,
    ...pageHeading("AWOL memos", "Memos from sergeants and supervisors on employees absent without leave, who are not paid for the time (4.010-POL-9). A copy of each goes up the chain of command to the bureau chief."),
    h("p", { class: "rc-result-count", role: "status" }, memos.length ? `${memos.length} memo${memos.length === 1 ? "" : "s"}.` : "No AWOL memos."),
    memos.length
      ? table(
          "AWOL memos",
          ["Memo", "Employee", "Date", "Hours (unpaid)", "Circumstances", "Sent by", "Copy up the chain"],
          memos.map((m) => [
            h("a", { href: recordHref("awol", m.id), class: "usa-link", "data-kind": "awol", "data-id": String(m.id) }, `AWOL ${m.id}, ${instant(m.memo?.sent)}`),
            personText(m.employee),
            m.date,
            hours(m as any),
            m.memo?.circumstances ?? "",
            personText(m.memo?.author),
            [routingText(m.memo?.copy), m.state === "copy-delivered" ? "" : ` (${recordStateLabel("awol", m.state)})`],
          ]),
          { captionHidden: true, className: "rc-hr-awol" },
        )
      : empty("When a sergeant records an AWOL absence, the memo appears here."),
  );
}
