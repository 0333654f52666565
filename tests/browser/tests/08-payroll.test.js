// 4.010 screens for the people above the sergeant: Payroll's page (accrual
// preview, the year-end dry run with its CSV, Apply refused before January 1),
// the generic time-record page (#/time-records/{kind}/{id}) for a comp-time
// cash-out, a year-end extension, AWOL, release time, a circle furlough, a
// guild day and special duty, the HR director's AWOL memos (#/hr), the FML
// coordinator's copies (#/fml), the Decisions page (#/time-records), and the
// officer kept out of all of them. Each test is independent on the fresh demo
// database; setup the employee's own forms do not offer in this branch goes
// through the API from the signed-in page. Every step waits for its own POST.
// Dates for anything new are ≥ today+45 (the demo's leave sits at today+9 and
// today+30..33).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { apiGet, checkPage, closeBrowser, hash, navNames, settle, SKIP } from "../lib/browser.js";
import { USERS } from "../lib/constants.js";
import { addDays, apiPost, as, visit } from "../lib/session-steps.js";

after(closeBrowser);

async function created(page, path, body) {
  const r = await apiPost(page, path, body);
  assert.equal(r.status, 201, `${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}


/** Takes a step on the record page: fills nothing, clicks its button, waits for its own POST and the reload. */
async function step(page, action, { path, status = 200, fill } = {}) {
  const form = page.locator(`form.rc-record-step[data-action="${action}"]`);
  await form.waitFor();
  if (fill) await fill(form);
  const button = form.locator(`button[data-action="${action}"]`);
  const label = (await button.textContent()).trim().toLowerCase();
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && (path ? r.url().includes(path) : /\/(steps|forward)$/.test(new URL(r.url()).pathname))),
    button.click(),
  ]);
  assert.equal(answer.status(), status, `${action}: ${await answer.text()}`);
  if (status === 200) {
    // this step's own notice (a previous step's may still be on the page until the reload)
    await page.locator(".usa-alert", { hasText: `${label} done (4.010` }).waitFor();
    await settle(page);
  }
  return answer;
}

async function recordState(page) {
  return page.locator(".rc-record-state").getAttribute("data-state");
}

/** Opens the inbox row of this kind and id and lands on the record page. */
async function fromInbox(page, inboxKind, id, routeKind) {
  await visit(page, "#/inbox");
  await page.locator(`a[data-kind="${inboxKind}"][data-id="${id}"]`).click();
  await page.waitForFunction((h) => location.hash === h, `#/time-records/${routeKind}/${id}`);
  await settle(page);
}

describe("4.010 screens for Payroll, HR, the FML coordinator and the chain of command", { skip: SKIP }, () => {
  let serial = "";
  let today = "";

  before(async () => {
    await as(USERS.officer, async (page) => {
      const me = (await apiGet(page, "/session")).body.user;
      serial = me.serial;
      today = me.today;
    });
  });

  test("Payroll: accrual preview, the year-end dry run with its table and CSV; Apply is refused before January 1 (4.010-POL-7)", async () => {
    await as(USERS.payroll, async (page) => {
      const nav = await navNames(page);
      assert.ok(nav.includes("Payroll"), `Payroll in the nav: ${nav}`);
      await visit(page, "#/payroll");
      await page.getByRole("heading", { level: 1, name: "Payroll" }).waitFor();
      await checkPage(page, "payroll page");

      // accrual run: a preview posts nothing and enables "Post"
      const accrual = page.locator("form.rc-accrual-form");
      assert.ok(await accrual.locator('button[data-action="apply"]').isDisabled(), "nothing to post before a preview");
      const [acc] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/v1/leave/accruals") && r.request().method() === "POST"),
        accrual.locator('button[data-action="preview"]').click(),
      ]);
      assert.equal(acc.status(), 200);
      assert.ok(acc.url().includes("dry_run=1"), "the preview is a dry run");
      await page.locator(".rc-accrual-figures").waitFor();
      assert.ok(await accrual.locator('button[data-action="apply"]').isEnabled(), "post after a preview");

      // year end dry run for the current year
      const year = today.slice(0, 4);
      const form = page.locator("form.rc-year-end-form");
      assert.equal(await form.getByLabel("Year").inputValue(), year);
      const [dry] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/v1/leave/year-end") && !r.url().includes("format=csv") && r.request().method() === "POST"),
        form.locator('button[data-action="year-end-dry-run"]').click(),
      ]);
      assert.equal(dry.status(), 200);
      const report = await dry.json();
      assert.ok(report.items.length > 0, "the demo holds balances to settle");
      const rows = page.locator(".rc-year-end-table tbody tr");
      await rows.first().waitFor();
      assert.ok((await rows.count()) > 0);
      // the first row is the first item's employee and bank, with its forfeited hours
      const first = report.items[0];
      const firstRow = await rows.first().textContent();
      assert.ok(firstRow.includes(first.employee.serial), `first row ${firstRow} names ${first.employee.serial}`);
      const csv = page.locator("a.rc-year-end-csv");
      await csv.waitFor();
      assert.equal(await csv.getAttribute("download"), `year-end-${year}.csv`);
      const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
      const text = await readFile(await download.path(), "utf8");
      assert.match(text, /^serial,name,kind,bank,from,hours,minutes,date,reason/);
      assert.equal(text.trim().split("\n").length, report.items.length + 1, "one CSV line per item");
      await checkPage(page, "payroll year-end report");

      // Apply: a confirmation, then the server's 409 (not after December 31)
      await page.locator('button[data-action="year-end-apply"]').click();
      const [applied] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/v1/leave/year-end") && r.url().includes("dry_run=0")),
        page.locator('button[data-action="year-end-confirm"]').click(),
      ]);
      assert.equal(applied.status(), 409);
      const message = (await applied.json()).error.message;
      await page.locator(".rc-year-end-refused").getByText(message).waitFor();
      await checkPage(page, "payroll year-end refused");
    });
  });

  test("comp-time cash-out: the officer asks, Payroll pays on the record page, the balance drops by exactly that (4.010-POL-10)", async () => {
    // Comp time to cash out: overtime-comp on an old timesheet, approved by the sergeant (banked ×1.5).
    let tsId = 0;
    await as(USERS.officer, async (page) => {
      const r = await apiPost(page, "/timesheets", { employee: serial, period: addDays(today, -56) });
      assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
      const ts = r.body;
      tsId = ts.id;
      const day = ts.lines[0].date;
      const lines = ts.lines.filter((l) => l.date === day).map((l) => ({ code: l.code, minutes: l.minutes, leave_type: l.leave_type ?? undefined }));
      lines.push({ code: "overtime-comp", hours: 2 });
      assert.equal((await apiPost(page, `/timesheets/${tsId}/lines`, { date: day, lines })).status, 200);
      assert.equal((await apiPost(page, `/timesheets/${tsId}/steps`, { action: "submit" })).status, 200);
    });
    await as(USERS.sergeant, async (page) => {
      assert.equal((await apiPost(page, `/timesheets/${tsId}/steps`, { action: "approve" })).status, 200);
    });
    let before = 0;
    let id = 0;
    await as(USERS.officer, async (page) => {
      before = (await apiGet(page, "/comp-time")).body.balance.hours;
      assert.ok(before >= 2, `comp time banked: ${before}`);
      id = (await created(page, "/comp-time/cash-outs", { hours: 2 })).id;
    });
    await as(USERS.payroll, async (page) => {
      await visit(page, "#/payroll");
      await page.locator(`.rc-pay-cash-outs a[data-id="${id}"]`).click();
      await page.waitForFunction((h) => location.hash === h, `#/time-records/cash-out/${id}`);
      await settle(page);
      assert.equal(await recordState(page), "requested");
      await checkPage(page, "cash-out record");
      await step(page, "pay", { path: `/comp-time/cash-outs/${id}/steps` });
      assert.equal(await recordState(page), "paid");
      assert.equal(await page.locator("form.rc-record-step").count(), 0, "no step left");
    });
    await as(USERS.officer, async (page) => {
      const after = (await apiGet(page, "/comp-time")).body.balance.hours;
      assert.equal(Math.round((before - after) * 100) / 100, 2, `comp time ${before} → ${after}`);
      // the officer sees the record, without Payroll's steps
      await visit(page, `#/time-records/cash-out/${id}`);
      assert.equal(await recordState(page), "paid");
      assert.equal(await page.locator("form.rc-record-step").count(), 0);
    });
  });

  test("the bureau chief grants the demo's year-end extension and sends it to Payroll; Payroll sees it (4.010-POL-7)", async () => {
    let id = 0;
    await as(USERS.bureauChief, async (page) => {
      await visit(page, "#/time-records");
      await page.getByRole("heading", { level: 1, name: "Decisions" }).waitFor();
      const link = page.locator('a[data-kind="leave-extension"]').first();
      await link.waitFor();
      id = Number(await link.getAttribute("data-id"));
      await checkPage(page, "decisions (bureau chief)");
      await link.click();
      await page.waitForFunction((h) => location.hash === h, `#/time-records/leave-extension/${id}`);
      await settle(page);
      assert.equal(await recordState(page), "requested");
      await checkPage(page, "extension record");
      await step(page, "grant", { path: `/leave-extensions/${id}/steps`, fill: (f) => f.getByLabel("Comments").fill("academy assignment") });
      assert.equal(await recordState(page), "granted");
      await step(page, "send-to-payroll", { path: `/leave-extensions/${id}/steps` });
      assert.equal(await recordState(page), "sent-to-payroll");
    });
    await as(USERS.payroll, async (page) => {
      await visit(page, "#/payroll");
      const row = page.locator(".rc-pay-extensions tr", { has: page.locator(`a[data-id="${id}"]`) });
      await row.getByText("Granted").waitFor();
      await row.locator("a").click();
      await settle(page);
      assert.equal(await recordState(page), "sent-to-payroll");
      await page.getByText("academy assignment").first().waitFor();
    });
  });

  test("AWOL: the sergeant records it, HR opens the memo, the lieutenant and captain forward the copy (4.010-POL-9)", async () => {
    // a scheduled day of an old pay period: the first regular line of that timesheet
    let date = "";
    await as(USERS.officer, async (page) => {
      const r = await apiPost(page, "/timesheets", { employee: serial, period: addDays(today, -84) });
      assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
      date = r.body.lines.find((l) => l.code === "regular").date;
    });
    const circumstances = `Did not report for the shift on ${date}; no call (test ${Date.now()})`;
    let id = 0;
    await as(USERS.sergeant, async (page) => {
      id = (await created(page, "/awol", { employee: serial, date, hours: 2, circumstances })).id;
    });
    await as(USERS.hr, async (page) => {
      assert.ok((await navNames(page)).includes("AWOL memos"));
      await visit(page, "#/hr");
      const row = page.locator(".rc-hr-awol tr", { has: page.locator(`a[data-id="${id}"]`) });
      await row.getByText(circumstances).waitFor();
      await row.getByText(/With .*lieutenant.*1 of 3/).waitFor();
      await checkPage(page, "hr page");
      await row.locator("a").click();
      await page.waitForFunction((h) => location.hash === h, `#/time-records/awol/${id}`);
      await settle(page);
      await page.locator(".rc-memo-text").getByText(circumstances).waitFor();
      await page.getByText(date).first().waitFor();
      assert.equal(await page.locator("form.rc-record-step").count(), 0, "HR forwards nothing");
      await checkPage(page, "awol record (HR)");
    });
    const received = (page) => page.locator(".rc-hops tbody tr td:last-child").evaluateAll((tds) => tds.filter((td) => td.textContent !== "Not yet").length);
    await as(USERS.lieutenant, async (page) => {
      await fromInbox(page, "awol", id, "awol");
      assert.equal(await received(page), 1);
      await step(page, "forward", { path: `/awol/${id}/forward` });
      assert.equal(await received(page), 2, "the captain received the copy");
      assert.equal(await page.locator("form.rc-record-step").count(), 0, "the lieutenant no longer holds it");
    });
    await as(USERS.captain, async (page) => {
      await fromInbox(page, "awol", id, "awol");
      await step(page, "forward", { path: `/awol/${id}/forward` });
      assert.equal(await received(page), 3, "the bureau chief received the copy");
      await page.locator(".rc-routing-status").getByText(/bureau chief/).waitFor();
    });
  });

  test("release time over three consecutive days: the sergeant approves, completes form 2.27 and forwards; the FML coordinator sees it; the bureau chief authorizes more; Payroll receives it (4.010-PRO-2)", async () => {
    const first = addDays(today, 60);
    let id = 0;
    await as(USERS.officer, async (page) => {
      id = (await created(page, "/release-time", { relationship: "child", emergency: "emergency surgery", first_day: first, last_day: addDays(first, 3), hours: 10 })).id;
    });
    await as(USERS.sergeant, async (page) => {
      await fromInbox(page, "release-time", id, "release-time");
      assert.equal(await recordState(page), "requested");
      await checkPage(page, "release time record (sergeant)");
      // without the unforeseen-emergency finding: the server's 422 at the checkbox
      await step(page, "approve", { status: 422 });
      const box = page.locator('form.rc-record-step[data-action="approve"] .usa-form-group--error .usa-error-message');
      await box.getByText(/unforeseen medical emergency/).waitFor();
      await checkPage(page, "release time approve error");
      await step(page, "approve", { fill: (f) => f.locator("label.usa-checkbox__label", { hasText: /unforeseen medical emergency/ }).click() });
      assert.equal(await recordState(page), "approved");
      await step(page, "complete-form");
      assert.equal(await recordState(page), "form-completed");
      await step(page, "forward");
      assert.equal(await recordState(page), "forwarded");
      await page.locator(".rc-routing").waitFor();
    });
    await as(USERS.fml, async (page) => {
      assert.ok((await navNames(page)).includes("FML copies"));
      await visit(page, "#/fml");
      const row = page.locator(".rc-fml-copies tr", { has: page.locator(`a[data-id="${id}"]`) });
      await row.getByText("4 days").waitFor();
      await checkPage(page, "fml page");
      await row.locator("a").click();
      await settle(page);
      await step(page, "inform-fml", { path: `/release-time/${id}/steps` });
      await page.locator(".rc-record-facts").getByText(/employee informed/).waitFor();
      await visit(page, "#/fml");
      await page.locator(".rc-fml-copies tr", { has: page.locator(`a[data-id="${id}"]`) }).locator('button[data-action="inform-fml"]').waitFor({ state: "detached" });
    });
    await as(USERS.bureauChief, async (page) => {
      // a bureau commander may authorize additional release time (PRO-2.4 note)
      await visit(page, `#/time-records/release-time/${id}`);
      await step(page, "authorize-additional", {
        path: `/release-time/${id}/steps`,
        fill: async (f) => {
          await f.getByLabel("Additional hours").fill("6");
          await f.getByLabel("New last day (optional)").fill(addDays(first, 4));
        },
      });
      const total = await page.locator(".rc-record-facts dt", { hasText: /^Total$/ }).locator("xpath=following-sibling::dd[1]").textContent();
      assert.equal(total, "16 h");
      await page.locator(".rc-record-facts dd", { hasText: `${first} to ${addDays(first, 4)} (5 consecutive days)` }).waitFor();
    });
    await as(USERS.payroll, async (page) => {
      await visit(page, "#/payroll");
      await page.locator(`.rc-pay-release a[data-id="${id}"]`).click();
      await settle(page);
      await step(page, "receive", { path: `/release-time/${id}/steps` });
      assert.equal(await recordState(page), "received");
      assert.equal(await page.locator(".rc-charge").getAttribute("data-charge"), "release-time", "form 2.27 received before the cut-off qualifies");
    });
  });

  test("circle furlough: the sergeant approves on the record page, then records the day off (4.010-POL-12)", async () => {
    let w = null;
    let dayOff = "";
    await as(USERS.officer, async (page) => {
      w = await created(page, "/furlough-work", { furlough_day: addDays(today, 70), hours: 10, approved_overtime: false });
      // The day off is a normal (scheduled) work day of the same FLSA period:
      // one from the officer's timesheets of that period, prefilled from the schedule.
      const { first, last } = w.flsa_period;
      for (const period of [first, last]) {
        const r = await apiPost(page, "/timesheets", { employee: serial, period });
        const id = r.status === 201 ? r.body.id : Number(/timesheet (\d+)/.exec(r.body.error.message)[1]);
        const ts = (await apiGet(page, `/timesheets/${id}`)).body;
        const days = [...(ts.lines ?? []), ...(ts.draft ?? [])].filter((l) => l.code === "regular" && l.date >= first && l.date <= last && l.date !== w.furlough_day);
        if (days.length) {
          dayOff = days[0].date;
          break;
        }
      }
    });
    assert.ok(dayOff, "a scheduled day in the FLSA period");
    const { last } = w.flsa_period;
    await as(USERS.sergeant, async (page) => {
      await fromInbox(page, "furlough-work", w.id, "furlough-work");
      await checkPage(page, "furlough record");
      await step(page, "approve");
      assert.equal(await recordState(page), "approved");
      // a day outside the FLSA period: the server's rule at the day field
      await step(page, "day-off", { status: 422, fill: (f) => f.getByLabel("Normal work day taken off").fill(addDays(last, 1)) });
      await page.locator('form.rc-record-step[data-action="day-off"] .usa-form-group--error .usa-error-message').getByText(/the day off is taken in the same FLSA work period \(4\.010-POL-12\)/).waitFor();
      await step(page, "day-off", { fill: (f) => f.getByLabel("Normal work day taken off").fill(dayOff) });
      await page.locator(".rc-record-facts dd", { hasText: new RegExp(`^${dayOff}$`) }).waitFor();
      assert.equal(await page.locator("form.rc-record-step").count(), 0, "nothing left to do");
    });
  });

  test("the Guild president approves a guild day; the captain approves a special duty day (4.010-POL-13, POL-14)", async () => {
    let guild = 0;
    let duty = 0;
    await as(USERS.officer, async (page) => {
      guild = (await created(page, "/guild-days", { days: [addDays(today, 80)], hours: 8, business: "Guild contract negotiations" })).id;
      duty = (await created(page, "/special-duty", { days: [addDays(today, 81)], hours: 8, purpose: "outside-testimony", description: "testify in Spokane County" })).id;
    });
    await as(USERS.guild, async (page) => {
      assert.ok((await navNames(page)).includes("Decisions"));
      await visit(page, "#/time-records");
      await page.locator(`a[data-kind="guild-day"][data-id="${guild}"]`).click();
      await settle(page);
      assert.equal(await recordState(page), "requested");
      await checkPage(page, "guild day record");
      await step(page, "approve", { path: `/guild-days/${guild}/steps` });
      assert.equal(await recordState(page), "approved");
    });
    await as(USERS.captain, async (page) => {
      await fromInbox(page, "special-duty", duty, "special-duty");
      await page.getByText("testify in Spokane County").first().waitFor();
      await checkPage(page, "special duty record");
      await step(page, "approve", { path: `/special-duty/${duty}/steps` });
      assert.equal(await recordState(page), "approved");
    });
  });

  test("a correction beyond 45 days: the chain forwards it, the bureau chief grants the exception, Payroll approves and applies it (4.010-POL-8)", async () => {
    let tsId = 0;
    let day = "";
    await as(USERS.officer, async (page) => {
      const r = await apiPost(page, "/timesheets", { employee: serial, period: addDays(today, -98) });
      assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
      tsId = r.body.id;
      day = r.body.lines.find((l) => l.code === "regular").date;
      assert.equal((await apiPost(page, `/timesheets/${tsId}/steps`, { action: "submit" })).status, 200);
    });
    let id = 0;
    await as(USERS.sergeant, async (page) => {
      const c = await created(page, `/timesheets/${tsId}/corrections`, { day, lines: [{ code: "regular", hours: 8 }], reason: "left two hours early for a court appearance" });
      assert.equal(c.exception, true, "over 45 days: an exception");
      id = c.id;
    });
    for (const user of [USERS.lieutenant, USERS.captain]) {
      await as(user, async (page) => {
        await fromInbox(page, "timesheet-correction", id, "correction");
        assert.equal(await recordState(page), "with-bureau-chief");
        await step(page, "forward", { path: `/corrections/${id}/steps` });
        assert.equal(await page.locator("form.rc-record-step").count(), 0);
      });
    }
    await as(USERS.bureauChief, async (page) => {
      await visit(page, "#/time-records");
      await page.locator(`a[data-kind="correction"][data-id="${id}"]`).click();
      await settle(page);
      await checkPage(page, "correction record (bureau chief)");
      await step(page, "grant", { path: `/corrections/${id}/steps`, fill: (f) => f.getByLabel("Comments").fill("court appearance documented") });
      assert.equal(await recordState(page), "with-payroll");
    });
    await as(USERS.payroll, async (page) => {
      await visit(page, "#/payroll");
      await page.locator(`.rc-pay-corrections a[data-id="${id}"]`).click();
      await settle(page);
      await step(page, "approve", { path: `/corrections/${id}/steps` });
      assert.equal(await recordState(page), "approved");
      await step(page, "apply", { path: `/corrections/${id}/steps` });
      assert.equal(await recordState(page), "applied");
      const applied = await page.locator(".rc-record-facts dt", { hasText: "Applied as timesheet version" }).locator("xpath=following-sibling::dd[1]").textContent();
      assert.ok(Number(applied) > 1, `a new timesheet version: ${applied}`);
      await checkPage(page, "correction applied");
    });
  });

  test("a stale page: someone acted first, the step's 409 reloads the record with the server's message", async () => {
    let id = 0;
    await as(USERS.officer, async (page) => {
      id = (await created(page, "/guild-days", { days: [addDays(today, 90)], hours: 4, business: "Guild board meeting" })).id;
    });
    await as(USERS.guild, async (page) => {
      await visit(page, `#/time-records/guild-day/${id}`);
      assert.equal(await recordState(page), "requested");
      // the same decision taken elsewhere (another tab) while this page is open
      assert.equal((await apiPost(page, `/guild-days/${id}/steps`, { action: "approve", version: 1 })).status, 200);
      const answer = await step(page, "disapprove", { status: 409, fill: (f) => f.getByLabel("Reason").fill("no business") });
      const message = (await answer.json()).error.message;
      await page.locator(".usa-alert", { hasText: `was not changed: ${message} The record has been reloaded.` }).waitFor();
      await settle(page);
      assert.equal(await recordState(page), "approved", "reloaded");
      assert.equal(await page.locator("form.rc-record-step").count(), 0);
    });
  });

  test("an extension asked on Time records goes link by link up the chain; the bureau chief refuses it and the officer sees why (4.010-POL-7)", async () => {
    let id = 0;
    await as(USERS.officer, async (page) => {
      await visit(page, "#/time-off/records");
      const form = page.locator('form.rc-record-form[data-kind="leave-extension"]');
      await form.getByLabel("Leave to extend").selectOption("holiday");
      await form.getByLabel("Use it by").fill(`${Number(today.slice(0, 4)) + 1}-02-28`);
      // no reason: asked for before anything is sent
      await form.getByRole("button", { name: "Send through the chain to the bureau chief" }).click();
      await form.locator(".usa-form-group--error").getByText("Say why you need the extension.").waitFor();
      await form.getByLabel("Why you need the extension").fill("field training officer duty through December");
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/leave-extensions" && r.request().method() === "POST"),
        form.getByRole("button", { name: "Send through the chain to the bureau chief" }).click(),
      ]);
      assert.equal(answer.status(), 201, await answer.text());
      id = (await answer.json()).id;
      await settle(page);
      const row = page.locator(".rc-my-extensions tr", { has: page.locator(`a[data-id="${id}"]`) });
      assert.equal(await row.locator(".rc-record-state").getAttribute("data-state"), "requested");
      await checkPage(page, "time records with an extension");
    });
    // The bureau chief cannot decide before it arrives.
    await as(USERS.bureauChief, async (page) => {
      await visit(page, `#/time-records/leave-extension/${id}`);
      assert.equal(await page.locator('form.rc-record-step[data-action="grant"]').count(), 0, "not yet the bureau chief's");
    });
    let received = 1;
    for (const link of [USERS.sergeant, USERS.lieutenant, USERS.captain]) {
      await as(link, async (page) => {
        await fromInbox(page, "leave-extension", id, "leave-extension");
        assert.equal(await page.locator(".rc-routing table.rc-hops tbody tr").count(), 4, "sergeant, lieutenant, captain, bureau chief");
        await step(page, "forward", { path: `/leave-extensions/${id}/steps` });
        received += 1;
      });
    }
    assert.equal(received, 4);
    await as(USERS.bureauChief, async (page) => {
      await fromInbox(page, "leave-extension", id, "leave-extension");
      await step(page, "refuse", { path: `/leave-extensions/${id}/steps`, fill: (f) => f.getByLabel("Reason").fill("December schedule allows the holidays") });
      assert.equal(await recordState(page), "refused");
    });
    await as(USERS.officer, async (page) => {
      await visit(page, "#/time-off/records");
      const row = page.locator(".rc-my-extensions tr", { has: page.locator(`a[data-id="${id}"]`) });
      await row.getByText("Refused by the bureau chief").waitFor();
      await row.getByText("December schedule allows the holidays").waitFor();
    });
  });

  test("the officer has none of these pages: not in the nav, and the URL says not allowed", async () => {
    await as(USERS.officer, async (page) => {
      const nav = await navNames(page);
      for (const name of ["Payroll", "AWOL memos", "FML copies", "Decisions"]) assert.ok(!nav.includes(name), `${name} not in the officer's nav: ${nav}`);
      for (const route of ["#/payroll", "#/hr", "#/fml", "#/time-records"]) {
        await visit(page, route);
        await page.locator(".rc-denied").waitFor();
        await checkPage(page, `officer denied ${route}`);
      }
    });
  });
});
