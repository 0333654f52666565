// Leave requests awaiting the caller (#/time-off/approvals, GET
// /leave-requests?scope=queue) and one request (#/time-off/requests/{id}),
// each with the squad's staffing on its dates and the caller's steps
// (leave-request-card.ts): the sergeant approves or denies (4.010-POL-2,
// PRO-1.2), submits an over-four-day request to the captain (PRO-1.3), the
// captain approves or denies (PRO-1.4), the sergeant records it (PRO-1.5).
import { api } from "../api";
import { current, flash, navigate, rerender, seq, type Route } from "../app";
import { h, put } from "../dom";
import type { LeaveRequest } from "../leave-model";
import { empty, pageHeading } from "../ui";
import { leaveRequestCard } from "./leave-request-card";

export async function leaveApprovalsPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const q = await api<{ requests: LeaveRequest[] }>("GET", "/leave-requests?scope=queue");
  if (!current(mySeq)) return;
  const requests = q.requests ?? [];
  const done = (message: string) => {
    flash("success", message);
    rerender();
  };
  put(
    main,
    ...pageHeading("Leave approvals", "Leave requests waiting for your step, with your squad's staffing on their dates (4.010-POL-2, PRO-1)."),
    h("p", { class: "rc-result-count", role: "status" }, requests.length ? `${requests.length} request${requests.length === 1 ? " waits" : "s wait"} for you.` : "No leave request waits for you."),
    requests.length ? requests.map((r) => leaveRequestCard(r, done)) : empty("When a request needs your decision or recording, it appears here and in your inbox."),
  );
}

export async function leaveRequestPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const r = await api<LeaveRequest>("GET", `/leave-requests/${encodeURIComponent(route.params[0])}`);
  if (!current(mySeq)) return;
  const done = (message: string) => {
    flash("success", message);
    navigate(location.hash);
  };
  put(
    main,
    ...pageHeading(`Leave request ${r.id}`),
    leaveRequestCard(r, done),
    h("p", null, h("a", { href: "#/time-off/approvals", class: "usa-link" }, "All leave requests waiting for you")),
  );
}
