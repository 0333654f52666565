// 3.070-PRO-2, 3.070-POL-6, POL-5 and POL-3 through the screens (issue 5): a
// review walked quickly through the API to the bureau chief's concurrence with
// a 30-day plan; the Coordinator opens its plan from the inbox (PRO-2.1); the
// lieutenant reviews it with the employee (PRO-2.2); the sergeant logs a
// ride-along (PRO-2.4), sees a Type III use of force only as "details withheld"
// in the debrief view and cannot choose it for a debrief (POL-6), and submits
// the first progress report with its PAS entry (PRO-2.7–2.8); the lieutenant
// concurs (PRO-2.3). Then the precinct statistics with the supervisor table
// (POL-5) and the Committee page scheduling, recording and forwarding a
// meeting (POL-3). axe-core on every new page; the plan page at 390 px.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiGet, checkPage, closeBrowser, closePage, hash, navNames, newPage, settle, signIn, SKIP } from "../lib/browser.js";
import { DESKTOP, PHONE, USERS } from "../lib/constants.js";

after(closeBrowser);

const CAST = {
  coordinator: USERS.coordinator,
  captain: USERS.captain,
  lieutenant: USERS.lieutenant,
  sergeant: USERS.sergeant,
  chief: USERS.bureauChief,
  officer: USERS.officer,
};

async function visit(page, to) {
  if ((await hash(page)) === to) await page.reload();
  else await page.goto(`/${to}`);
  await settle(page);
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function stepForm(page, title) {
  return page.getByRole("form", { name: new RegExp(`^${escape(title)}`) });
}

async function takeStep(page, title, clause, button, fill) {
  const form = stepForm(page, title);
  await form.waitFor();
  if (fill) await fill(form);
  await form.getByRole("button", { name: button }).click();
  await page.getByText(`${title} (${clause}): recorded.`).waitFor();
  await settle(page);
}

/** Clicks the label of a USWDS radio or checkbox (the input itself is drawn off-screen). */
async function choose(scope, label) {
  const text = typeof label === "string" ? new RegExp(`^${escape(label)}$`) : label;
  await scope.locator("label", { hasText: text }).click();
}

/** POST from inside the page with the session's CSRF token; `versionOf` first reads the record's version. */
async function apiPost(page, path, body, versionOf = null) {
  return page.evaluate(
    async ({ path, body, versionOf }) => {
      const s = await (await fetch("/api/v1/session")).json();
      const b = { ...body };
      if (versionOf) b.version = (await (await fetch(`/api/v1${versionOf}`)).json()).version;
      const r = await fetch(`/api/v1${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token },
        body: JSON.stringify(b),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { path, body, versionOf },
  );
}

function daysBefore(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function planState(page) {
  return page.locator(".rc-plan-state").getAttribute("data-state");
}

describe("mentoring plan, precinct statistics and committee walk-through", { skip: SKIP }, () => {
  const pages = {};
  const serial = {};
  let today = "";
  let reviewId = 0;
  let planId = 0;
  const events = {};

  before(async () => {
    if (SKIP) return;
    for (const [who, username] of Object.entries(CAST)) {
      pages[who] = await newPage();
      await signIn(pages[who], username);
      serial[who] = (await apiGet(pages[who], "/session")).body.user.serial;
    }
    today = (await apiGet(pages.coordinator, "/session")).body.user.today;

    // Two uses of force of the officer (3.070-POL-6): a Type III the debrief
    // view must withhold, and a Type II that may be debriefed in full.
    const { coordinator: pc } = pages;
    for (const [key, type] of [["type3", "III"], ["type2", "II"]]) {
      const r = await apiPost(pc, "/events", {
        employee_serial: serial.officer,
        kind: "use-of-force",
        date: daysBefore(today, 5),
        incident_number: `2026-BRW-T${type}`,
        force_type: type,
        firearm_discharge: false,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      events[key] = r.body.id;
    }

    // A review walked through 3.070-PRO-1 quickly (05-review walks it through the screens).
    const opened = await apiPost(pc, "/reviews", { employee_serial: serial.officer, indicator: "B", trigger_date: today });
    assert.equal(opened.status, 201, `open a review: ${JSON.stringify(opened.body)}`);
    reviewId = opened.body.id;
    const { captain: pk, lieutenant: pl, sergeant: ps, chief: pb } = pages;
    const walk = [
      [pc, { action: "notify-captain", assignee_serial: serial.captain }],
      [pk, { action: "assign-lieutenant", assignee_serial: serial.lieutenant }],
      [pl, { action: "review-circumstances", comments: "Two uses of force this week." }],
      [pl, { action: "assign-sergeant", assignee_serial: serial.sergeant, items: ["ride-alongs"] }],
      [ps, { action: "review-incidents" }],
      [ps, { action: "recommend", recommendation: "plan" }],
      [ps, { action: "develop-plan", items: ["ride-alongs", "call-accompaniment", "De-escalation refresher"] }],
      [ps, { action: "submit" }],
      [pl, { action: "lieutenant-recommend", recommendation: "plan" }],
      [pk, { action: "designate", designation: { plan: true, period: "30" } }],
      [pk, { action: "forward-to-coordinator" }],
      [pc, { action: "receive" }],
      [pc, { action: "forward-to-bureau-chief", assignee_serial: serial.chief }],
      [pb, { action: "concur" }],
    ];
    for (const [page, body] of walk) {
      const r = await apiPost(page, `/reviews/${reviewId}/steps`, body, `/reviews/${reviewId}`);
      assert.equal(r.status, 200, `${body.action}: ${JSON.stringify(r.body)}`);
    }
  });
  after(async () => {
    for (const p of Object.values(pages)) await closePage(p);
  });

  test("a Mentoring Plan opened, reviewed, coached and reported on (3.070-PRO-2.1–2.8, POL-6)", async () => {
    const { coordinator: pc, lieutenant: pl, sergeant: ps, officer: po } = pages;

    // PRO-2.1 the Coordinator opens the plan from the inbox.
    await visit(pc, "#/inbox");
    const open = pc.locator(`.rc-open-plan[data-review="${reviewId}"]`);
    await open.waitFor();
    await checkPage(pc, "inbox with a plan to open");
    await open.click();
    await pc.waitForFunction(() => /^#\/plans\/\d+$/.test(location.hash));
    await settle(pc);
    planId = Number((await hash(pc)).split("/").pop());
    assert.ok(planId > 0);
    await pc.getByText(/the first progress report form went to the lieutenant/).waitFor();
    assert.equal(await planState(pc), "form-sent");
    assert.equal(await pc.locator(".rc-reports tbody tr").count() > 0, true, "the report schedule is shown");
    await checkPage(pc, "plan: form sent (coordinator)");
    assert.equal(await pc.locator(`.rc-open-plan[data-review="${reviewId}"]`).count(), 0);

    // The plans list and its CSV link.
    assert.ok((await navNames(pc)).includes("Plans"));
    await visit(pc, "#/plans");
    await pc.locator(`.rc-plans a[href="#/plans/${planId}"]`).waitFor();
    assert.match(await pc.getByRole("link", { name: "Download CSV" }).getAttribute("href"), /^\/api\/v1\/plans\?format=csv&state=open/);
    await checkPage(pc, "plans list");
    await visit(pc, "#/plans?state=all&overdue=1");
    await checkPage(pc, "plans list, overdue filter");

    // Wrong role: the sergeant cannot take the lieutenant's PRO-2.2.
    await visit(ps, `#/plans/${planId}`);
    assert.equal(await ps.locator(".rc-step-form").count(), 0, "no step for the sergeant before PRO-2.2");

    // PRO-2.2 the lieutenant, from the inbox; comments are required.
    await visit(pl, "#/inbox");
    await pl.locator(`.rc-inbox a[data-kind=pmp-plan][href="#/plans/${planId}"]`).click();
    await pl.waitForFunction((h) => location.hash === h, `#/plans/${planId}`);
    await settle(pl);
    const review = stepForm(pl, "Review the Mentoring Plan with the employee and sergeant");
    await review.getByRole("button", { name: "Record the review" }).click();
    await review.locator(".usa-form-group--error textarea[name=comments]").waitFor();
    await checkPage(pl, "plan step with a field error");
    await takeStep(pl, "Review the Mentoring Plan with the employee and sergeant", "3.070-PRO-2.2", "Record the review", (f) => f.locator("textarea[name=comments]").fill("Met with the officer and the sergeant; plan explained."));
    assert.equal(await planState(pl), "implementing");

    // PRO-2.4 the sergeant logs a ride-along; first with a stale version: a
    // conversation logged elsewhere after the page loaded (409 reloads and says so).
    await visit(ps, `#/plans/${planId}`);
    const other = await apiPost(ps, `/plans/${planId}/steps`, { action: "log-coaching", entry: { kind: "conversation", date: today, notes: "Talked about the plan." } }, `/plans/${planId}`);
    assert.equal(other.status, 200, JSON.stringify(other.body));
    const stale = stepForm(ps, "Log coaching and mentoring");
    await stale.locator("select[name=entry_kind]").selectOption("other");
    await stale.locator("textarea[name=entry_notes]").fill("Reading assigned.");
    await stale.getByRole("button", { name: "Add to the coaching log" }).click();
    await ps.getByText(/This plan changed or the step cannot be taken yet/).waitFor();
    await settle(ps);
    await checkPage(ps, "plan reloaded after a 409");
    assert.equal(await ps.locator(".rc-coaching tbody tr").count(), 1, "only the conversation was logged");
    await takeStep(ps, "Log coaching and mentoring", "3.070-PRO-2.4–2.5", "Add to the coaching log", async (f) => {
      await f.locator("select[name=entry_kind]").selectOption("ride-along");
      await f.locator("input[name=entry_minutes]").fill("90");
      await f.locator("textarea[name=entry_notes]").fill("Patrol ride-along; discussed de-escalation on two calls.");
    });
    const row = ps.locator(".rc-coaching tbody tr").first();
    assert.match(await row.textContent(), /Ride-along.*90 minutes.*de-escalation/);

    // POL-6 the debrief view: the Type III event only as withheld, the Type II in full.
    const t3 = ps.locator(`.rc-debriefs li[data-event="${events.type3}"]`);
    assert.equal(await t3.getAttribute("data-detail"), "existence-only");
    const t3text = await t3.textContent();
    assert.match(t3text, new RegExp(`Type III use of force, ${daysBefore(today, 5)} — details withheld \\(3\\.070 §6\\): cannot be discussed in detail`));
    assert.ok(!t3text.includes("2026-BRW-TIII"), "no incident number of the Type III event");
    assert.equal(await ps.getByText("2026-BRW-TIII").count(), 0, "the withheld incident number is nowhere on the page");
    assert.match(await ps.locator(`.rc-debriefs li[data-event="${events.type2}"]`).textContent(), /2026-BRW-TII — may be debriefed in full/);

    // …and cannot be chosen for a debrief; the Type II can.
    const coach = stepForm(ps, "Log coaching and mentoring");
    await coach.locator("select[name=entry_kind]").selectOption("debrief");
    await coach.locator("select[name=entry_subject]").selectOption("indicator-event");
    const options = await coach.locator("select[name=entry_event] option").evaluateAll((os) => os.map((o) => o.value));
    assert.ok(!options.includes(String(events.type3)), "the Type III event is not offered for a debrief");
    assert.ok(options.includes(String(events.type2)), "the Type II event is offered");
    await coach.getByRole("button", { name: "Add to the coaching log" }).click();
    await coach.locator(".usa-form-group--error select[name=entry_event]").waitFor();
    await checkPage(ps, "coaching form: debrief with errors");

    // PRO-2.7–2.8 the first progress report with its checklist and PAS entry.
    await visit(ps, `#/plans/${planId}`);
    const due = await stepForm(ps, "Submit a progress report").locator("select[name=report_due]").inputValue();
    assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
    await takeStep(ps, "Submit a progress report", "3.070-PRO-2.7–2.8", "Submit the report", async (f) => {
      await choose(f, /^Sergeant ride-alongs/);
      await f.locator("input[name=pas_reference]").fill("PAS-2026-BRW-1");
    });
    const reportRow = ps.locator(".rc-reports tbody tr", { hasText: due }).first();
    assert.equal(await reportRow.locator("[data-status]").getAttribute("data-status"), "submitted");
    assert.match(await reportRow.textContent(), /PAS-2026-BRW-1/);
    await checkPage(ps, "plan: report submitted (sergeant)");

    // PRO-2.3 the lieutenant concurs.
    await visit(pl, "#/inbox");
    assert.equal(await pl.locator(`.rc-inbox a[data-kind=pmp-plan][href="#/plans/${planId}"]`).count(), 1, "the submitted report is in the lieutenant's inbox");
    await visit(pl, `#/plans/${planId}`);
    await takeStep(pl, "Concur with a progress report", "3.070-PRO-2.3", "Concur", (f) => f.locator("select[name=report_due]").selectOption(due));
    assert.equal(await pl.locator(".rc-reports tbody tr", { hasText: due }).first().locator("[data-status]").getAttribute("data-status"), "concurred");
    assert.equal(await pl.locator("form[data-action=concur-report]").count(), 0, "nothing left to concur with");
    await checkPage(pl, "plan: report concurred (lieutenant)");

    // At phone width the plan page fits: its tables scroll in their own regions.
    await pl.setViewportSize(PHONE);
    const { scroll, width } = await pl.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width + 1, `plan page is ${scroll}px wide on a ${width}px screen`);
    await checkPage(pl, "plan at 390 px");
    await pl.setViewportSize(DESKTOP);

    // The employee sees the plan on their own page and reads it, with no step.
    await visit(po, `#/employees/${encodeURIComponent(serial.officer)}`);
    await po.locator(`.rc-employee-plans a[href="#/plans/${planId}"]`).click();
    await po.waitForFunction((h) => location.hash === h, `#/plans/${planId}`);
    await settle(po);
    assert.equal(await po.locator(".rc-step-form").count(), 0, "the employee takes no step");
    await checkPage(po, "officer reads own plan");
  });

  test("precinct statistics: per precinct, chart, supervisor frequency (3.070-POL-5)", async () => {
    const page = pages.coordinator;
    await visit(page, "#/stats");
    await page.getByRole("link", { name: "Precinct statistics" }).first().waitFor();
    await visit(page, "#/pmp-statistics");
    await page.locator(".rc-department-rate").waitFor();
    assert.ok((await page.locator(".rc-precincts tbody tr").count()) > 0, "a precinct row");
    assert.ok((await page.locator(".rc-supervisors tbody tr").count()) > 0, "the supervisor table has rows");
    assert.equal(await page.locator("svg.rc-bars").count() >= 1, true, "the bar chart is drawn");
    assert.match(await page.getByRole("link", { name: "Download the supervisor table (CSV)" }).getAttribute("href"), /^\/api\/v1\/pmp-statistics\?format=supervisors-csv$/);
    assert.match(await page.getByRole("link", { name: "Download the precinct table (CSV)" }).getAttribute("href"), /format=csv/);
    // The supervisor who sees their own squad is named to the Coordinator.
    assert.ok((await page.locator(".rc-supervisors").textContent()).includes(serial.sergeant), "the sergeant is named to the Coordinator");
    await checkPage(page, "precinct statistics");

    // A period and a stricter flag; an inverted period is refused at its field.
    await page.locator("input[name=from]").fill(today);
    await page.locator("input[name=to]").fill(daysBefore(today, 1));
    await page.getByRole("button", { name: "Show period" }).click();
    await page.locator(".usa-form-group--error input[name=to]").waitFor();
    await page.locator("input[name=from]").fill(daysBefore(today, 90));
    await page.locator("input[name=to]").fill(today);
    await page.locator("input[name=flag_multiple]").fill("1.5");
    await page.getByRole("button", { name: "Show period" }).click();
    await page.waitForFunction(() => location.hash.includes("flag_multiple=1.5"));
    await settle(page);
    assert.match(await page.getByRole("link", { name: "Download the supervisor table (CSV)" }).getAttribute("href"), /from=.*&to=.*&flag_multiple=1\.5&format=supervisors-csv/);
    await checkPage(page, "precinct statistics for a period");
  });

  test("the PMP Committee: schedule, record with the §3 stakeholders, forward (3.070-POL-3)", async () => {
    const page = pages.coordinator;
    const before = (await apiGet(page, "/committee/meetings")).body;
    if (!before.meetings.some((m) => m.state === "scheduled")) {
      // Due and unscheduled: the Coordinator's inbox says so and leads to the page.
      await visit(page, "#/inbox");
      await page.locator(".rc-inbox a[data-kind=pmp-committee-schedule]").click();
      await page.waitForFunction(() => location.hash === "#/committee");
    }
    await visit(page, "#/committee");
    assert.ok((await navNames(page)).includes("Committee"));
    await page.locator(".rc-next-due").waitFor();
    assert.match(await page.locator(".rc-next-due").textContent(), /^\d{4}-\d{2}-\d{2}/);
    await checkPage(page, "committee page");

    // Schedule (the date is required).
    const schedule = page.getByRole("form", { name: "Schedule a meeting" });
    await schedule.getByRole("button", { name: "Schedule the meeting" }).click();
    await schedule.locator(".usa-form-group--error input[name=scheduled_for]").waitFor();
    await checkPage(page, "schedule form with an error");
    await schedule.locator("input[name=scheduled_for]").fill(today);
    await schedule.getByRole("button", { name: "Schedule the meeting" }).click();
    await page.getByText(`Meeting scheduled for ${today} (3.070-POL-3).`).waitFor();
    await settle(page);
    const id = await page.evaluate(() => Math.max(...[...document.querySelectorAll(".rc-meeting[data-state=scheduled]")].map((e) => Number(e.getAttribute("data-id")))));
    const meeting = page.locator(`.rc-meeting[data-id="${id}"]`);

    // Record it: stakeholders as checkboxes, attendees, minutes, a recommendation.
    const hold = meeting.locator("form[data-action=hold]");
    await hold.getByRole("button", { name: "Record the meeting" }).click();
    await hold.locator(".usa-form-group--error textarea[name=minutes]").waitFor();
    assert.ok((await hold.locator(".usa-alert--error").textContent()).includes("Check at least one stakeholder present."));
    await checkPage(page, "record form with errors");
    for (const seat of ["Operations Bureau Chief or designee", "OPA Director or designee", "Performance Mentoring Coordinator"]) await choose(hold, seat);
    await hold.locator("textarea[name=attendees]").fill("A/Chief Operations\nOPA deputy director");
    await hold.locator("textarea[name=minutes]").fill("Reviewed the thresholds for relevancy and proper levels.");
    await hold.locator("textarea[name=recommendations]").fill("Lower the collision threshold to 2 in 180 days.");
    await hold.getByRole("button", { name: "Record the meeting" }).click();
    await page.getByText(`Meeting of ${today} recorded (3.070-POL-3).`).waitFor();
    await settle(page);
    assert.equal(await meeting.getAttribute("data-state"), "held");
    const held = await meeting.textContent();
    assert.ok(held.includes("OPA Director or designee") && held.includes("Lower the collision threshold"), held);
    assert.ok(held.includes("Representative from the Force Investigations Team"), "absent stakeholders are listed");
    await checkPage(page, "committee: meeting held");

    // Forward the recommendations to the Chief of Police.
    await meeting.getByRole("button", { name: "Forward the recommendations to the Chief of Police" }).click();
    await page.getByText(/forwarded to the Chief of Police \(3\.070-POL-3\)\./).waitFor();
    await settle(page);
    assert.equal(await meeting.getAttribute("data-state"), "forwarded");
    assert.equal(await meeting.locator("form").count(), 0);
    await checkPage(page, "committee: recommendations forwarded");
  });
});
