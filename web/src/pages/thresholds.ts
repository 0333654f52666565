// Threshold sets (3.070 §1, §3): every set, newest first; the Coordinator
// proposes one by pasting TOML (recording the Committee's recommendation);
// the Chief of Police approves a proposed set.
import { api, ApiError } from "../api";
import { current, flash, rerender, seq, type Route } from "../app";
import { h, put } from "../dom";
import { can, today } from "../session";
import { alert, detailsToErrors, errorAlert, INDICATORS, pageHeading, showFormErrors, table, tag, textareaField } from "../ui";

type Rule = { count: number; months: number };
export interface ThresholdSet {
  id: number;
  name: string;
  effective_from: string;
  starting_point: boolean;
  status: "starting-point" | "proposed" | "approved";
  recent_review_months: number;
  initial: Record<string, Rule>;
  recent_review: Record<string, Rule>;
  committee_recommendation?: string;
  committee_recommended_on?: string | null;
  chief_approved_by?: string;
  chief_approved_on?: string | null;
}

const STATUS: Record<string, [string, string]> = {
  "starting-point": ["Starting point (not approved)", "rc-tag-start"],
  proposed: ["Proposed", "rc-tag-proposed"],
  approved: ["Approved", "rc-tag-approved"],
};

function ruleText(r?: Rule): string {
  return r ? `${r.count} in ${r.months} mo` : "—";
}

const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** A TOML proposal based on a set (config/thresholds/default.toml format). */
export function toToml(set: ThresholdSet, name: string, effectiveFrom: string): string {
  const lines = [
    `name = ${q(name)}`,
    "# sets are never replaced: a new set takes effect on a later date than every other set",
    `effective_from = ${effectiveFrom}`,
    "starting_point = false",
    `recent_review_months = ${set.recent_review_months}`,
    "",
    "[approval]",
    `committee_recommendation = ${q("")}`,
    "",
  ];
  for (const [table, rules] of [["initial", set.initial], ["recent_review", set.recent_review]] as const) {
    lines.push(`[${table}]`, "");
    for (const k of Object.keys(INDICATORS)) {
      const r = rules?.[k];
      if (!r) continue;
      lines.push(`[${table}.${k}]`, `count = ${r.count}`, `months = ${r.months}`, "");
    }
  }
  return lines.join("\n");
}

function setCard(set: ThresholdSet): HTMLElement {
  const [label, cls] = STATUS[set.status] ?? [set.status, ""];
  const rows = Object.keys(INDICATORS).map((k) => [k, INDICATORS[k], ruleText(set.initial?.[k]), ruleText(set.recent_review?.[k])]);
  const approve =
    can.approveThresholds() && set.status === "proposed"
      ? h("button", {
          type: "button",
          class: "usa-button rc-approve",
          onclick: async (ev: Event) => {
            const btn = ev.currentTarget as HTMLButtonElement;
            btn.disabled = true;
            try {
              await api("POST", `/thresholds/${set.id}/approval`);
              flash("success", `Threshold set “${set.name}” approved.`);
              rerender();
            } catch (err) {
              btn.disabled = false;
              btn.after(errorAlert(err));
            }
          },
        }, "Approve this set", h("span", { class: "usa-sr-only" }, ` (${set.name})`))
      : null;
  return h(
    "section",
    { class: "rc-threshold-set", "aria-labelledby": `rc-set-${set.id}`, "data-status": set.status },
    h("h2", { id: `rc-set-${set.id}` }, set.name, " ", tag(label, cls)),
    h(
      "dl",
      { class: "rc-dl" },
      h("dt", null, "Effective from"),
      h("dd", null, set.effective_from),
      h("dt", null, "Recent-review window"),
      h("dd", null, `${set.recent_review_months} months`),
      h("dt", null, "Committee recommendation"),
      h("dd", null, set.committee_recommendation ? `${set.committee_recommendation}${set.committee_recommended_on ? ` (${set.committee_recommended_on})` : ""}` : "None recorded"),
      h("dt", null, "Chief's approval"),
      h("dd", null, set.chief_approved_by ? `${set.chief_approved_by}${set.chief_approved_on ? ` on ${set.chief_approved_on}` : ""}` : "Not approved"),
    ),
    table(`Thresholds of ${set.name}`, ["Indicator", "Criteria", "Initial table", "Recent-review table"], rows, { captionHidden: true }),
    approve,
  );
}

function proposeForm(latest: ThresholdSet | undefined): HTMLElement {
  const toml = textareaField({ name: "toml", label: "Threshold set (TOML)", required: true, rows: 14, className: "rc-code", hint: "The format of config/thresholds/default.toml. Record the Committee's recommendation under [approval]." });
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Propose this set");
  const fill = latest
    ? h("button", { type: "button", class: "usa-button usa-button--outline", onclick: () => toml.setValue(toToml(latest, `Proposal based on ${latest.name}`, today())) }, "Start from the newest set")
    : null;
  const form = h("form", { class: "usa-form usa-form--large rc-propose", novalidate: true }, messages, toml.group, h("div", { class: "usa-button-group" }, submit, fill));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!toml.controls[0].value.trim()) {
      showFormErrors(messages, [toml], new Map([["toml", "Paste the threshold set as TOML."]]));
      return;
    }
    submit.disabled = true;
    try {
      const set = await api<ThresholdSet>("POST", "/thresholds", { raw: { type: "application/toml", text: toml.controls[0].value } });
      flash("success", `Threshold set “${set?.name ?? ""}” proposed. The Chief of Police approves it.`);
      rerender();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 400 || err.status === 409)) {
        const msgs = err.details.length ? err.details.map((d) => `${d.line ? `line ${d.line}: ` : ""}${d.field ? `${d.field}: ` : ""}${d.message}`) : [err.message];
        showFormErrors(messages, [toml], new Map([["toml", msgs.join(" ")]]));
        void detailsToErrors;
      } else put(messages, errorAlert(err));
    } finally {
      submit.disabled = false;
    }
  });
  return h("section", { class: "rc-section", "aria-labelledby": "rc-propose-h" }, h("h2", { id: "rc-propose-h" }, "Propose a threshold set"), form);
}

export async function thresholdsPage(main: HTMLElement, _route: Route): Promise<void> {
  const mySeq = seq();
  const r = await api<{ sets: ThresholdSet[] }>("GET", "/thresholds");
  if (!current(mySeq)) return;
  const sets = r.sets || [];
  const proposed = sets.filter((s) => s.status === "proposed");
  put(
    main,
    ...pageHeading("Threshold sets", "The PMP Committee reviews thresholds semi-annually and recommends; the Chief of Police approves (3.070 §3). Only approved sets and the starting point are used."),
    can.approveThresholds() && proposed.length
      ? alert("info", null, h("p", { class: "usa-alert__text" }, `${proposed.length} proposed set${proposed.length === 1 ? " awaits" : "s await"} your approval.`))
      : null,
    can.proposeThresholds() ? proposeForm(sets[0]) : null,
    sets.map(setCard),
  );
}
