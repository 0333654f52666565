// The employees directory (GET /employees?q=): HR, Payroll, supervisors.
import { api, withQuery } from "../api";
import { current, navigate, seq, type Route } from "../app";
import { h, put } from "../dom";
import { inputField, pageHeading, pagination, table } from "../ui";
import type { Employee } from "./employee";

const LIMIT = 50;

export async function directoryPage(main: HTMLElement, route: Route): Promise<void> {
  const mySeq = seq();
  const q = route.query.get("q") || "";
  const offset = Math.max(0, Number(route.query.get("offset") || 0) || 0);
  const data = await api<{ total: number; employees: Employee[] }>("GET", withQuery("/employees", { q, limit: LIMIT, offset }));
  if (!current(mySeq)) return;

  const search = inputField({ name: "q", label: "Name or serial contains", type: "search", value: q });
  const form = h("form", { class: "usa-form rc-search", role: "search", novalidate: true }, search.group, h("button", { type: "submit", class: "usa-button" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(`#${withQuery("/employees", { q: search.value() })}`);
  });
  const list = data.employees || [];
  const rows = list.map((e) => [
    h("a", { href: `#/employees/${encodeURIComponent(e.serial)}`, class: "usa-link" }, e.name),
    e.serial,
    e.rank ?? "",
    e.unit?.name ?? "",
    e.precinct?.name ?? "",
    e.status ?? "",
  ]);
  put(
    main,
    ...pageHeading("Employees", "Everyone whose record you may read."),
    form,
    h("p", { class: "rc-result-count", role: "status" }, data.total === 0 ? "No employees match." : `Showing ${offset + 1}–${offset + list.length} of ${data.total}.`),
    rows.length ? table("Employees", ["Name", "Serial", "Rank", "Unit", "Precinct", "Status"], rows, { captionHidden: true, className: "rc-directory" }) : null,
    pagination(data.total, LIMIT, offset, (o) => `#${withQuery("/employees", { q, offset: o || null })}`),
  );
}
