// 4.010 time records through the screens: the timesheet line editor and comp
// time banked at time and a half when the sergeant approves (4.010-POL-4,
// POL-10); a comp-time cash-out beyond the balance refused at its field; the
// employee's circle furlough (POL-12), special duty (POL-13, form 15.8),
// guild day (POL-14, form 2.23.1) and release time (POL-11, PRO-2) requests
// listed under "My requests" with a link to the record page; release time
// refused to a civilian; the team leave calendar for the sergeant's squad
// with the demo officer's pending leave on its day and the staffing rows;
// the officer has no team calendar. axe on every new page.
// Each test stands alone on the fresh demo database: amounts are compared by
// difference, and new dates are at least 45 days ahead (the demo holds the
// officer's leave at today+9 and today+30..33, src/app/demo/demo_leave.cc).
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { apiGet, checkPage, closeBrowser, hash, navNames, settle, SKIP } from "../lib/browser.js";
import { PHONE, USERS } from "../lib/constants.js";
import { addDays, apiPost, as, visit } from "../lib/session-steps.js";

after(closeBrowser);


async function me(page) {
  return (await apiGet(page, "/session")).body.user;
}

/** The comp-time balance the Time records page shows (hours). */
async function shownComp(page) {
  await visit(page, "#/time-off/records");
  return parseFloat(await page.locator(".rc-comp-balance").textContent());
}

/** A total of the timesheet page's totals table (hours). */
async function total(page, key) {
  return parseFloat(await page.locator(`.rc-ts-totals td [data-total="${key}"]`).textContent());
}

/** Submits a record form and waits for the POST's own answer. */
async function submitRecord(page, kind, path, buttonName) {
  const form = page.locator(`form.rc-record-form[data-kind="${kind}"]`);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1${path}` && r.request().method() === "POST"),
    form.getByRole("button", { name: buttonName }).click(),
  ]);
  return answer;
}

describe("4.010 time records through the screens", { skip: SKIP }, () => {
  test("timesheet line editor: 2 h overtime-comp, submit, the sergeant approves, comp time rises by 3 h (4.010-POL-4, POL-10)", async () => {
    let tsId = "";
    let before = 0;
    await as(USERS.officer, async (page) => {
      const u = await me(page);
      // a past pay period whose timesheet is not yet opened (or still open)
      let period = "";
      for (const back of [28, 42, 56, 70, 84]) {
        const day = addDays(u.today, -back);
        const r = await apiGet(page, `/timesheets?employee=${u.serial}&period=${day}`);
        if (r.status === 404 || (r.status === 200 && r.body.state === "open")) {
          period = day;
          break;
        }
      }
      assert.ok(period, "a pay period with an open or unopened timesheet");
      before = await shownComp(page);
      await checkPage(page, "time records");

      await visit(page, "#/timesheets");
      await page.getByLabel("A day in the pay period").fill(period);
      await page.getByRole("button", { name: "Open the timesheet" }).click();
      await page.waitForFunction(() => /^#\/timesheets\/\d+/.test(location.hash));
      await settle(page);
      tsId = /#\/timesheets\/(\d+)/.exec(await hash(page))[1];
      const editor = page.locator("form.rc-line-editor");
      await editor.waitFor();
      // a day with a regular shift
      const dayOption = editor.getByLabel("Day", { exact: true }).locator("option", { hasText: /regular/ }).first();
      const day = await dayOption.getAttribute("value");
      await editor.getByLabel("Day", { exact: true }).selectOption(day);
      const compBefore = await total(page, "comp_elected");
      const workedBefore = await total(page, "hours_worked");
      const lines = await editor.locator(".rc-line-row").count();
      assert.ok(lines >= 1, "the day is prefilled from the schedule");

      // beyond a day: the server's 422 at that line's hours
      await editor.getByRole("button", { name: "Add a line" }).click();
      await editor.getByLabel(`Code, line ${lines + 1}`).selectOption("overtime-comp");
      await editor.getByLabel(`Hours, line ${lines + 1}`).fill("30");
      const [bad] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/timesheets/${tsId}/lines`) && r.request().method() === "POST"),
        editor.getByRole("button", { name: "Save the day" }).click(),
      ]);
      assert.equal(bad.status(), 422);
      await editor.locator(".usa-form-group--error", { has: page.getByLabel(`Hours, line ${lines + 1}`) }).getByText(/1440/).waitFor();
      await checkPage(page, "timesheet line error");

      await editor.getByLabel(`Hours, line ${lines + 1}`).fill("2");
      const [ok] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/timesheets/${tsId}/lines`) && r.request().method() === "POST"),
        editor.getByRole("button", { name: "Save the day" }).click(),
      ]);
      assert.equal(ok.status(), 200, await ok.text());
      await page.getByText(`Lines for ${day} saved; the totals are updated.`).waitFor();
      await settle(page);
      assert.equal(await total(page, "comp_elected"), compBefore + 2, "comp elected rises by the 2 h");
      assert.equal(await total(page, "hours_worked"), workedBefore + 2, "hours worked rise by the 2 h");
      assert.equal(await page.locator(".rc-ts-lines tr", { hasText: day }).filter({ hasText: "overtime-comp" }).count(), 1, "the line is on the timesheet");
      await checkPage(page, "timesheet after the edit");

      const [sub] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/timesheets/${tsId}/steps`) && r.request().method() === "POST"),
        page.getByRole("button", { name: "Submit the timesheet" }).click(),
      ]);
      assert.equal(sub.status(), 200, await sub.text());
      await page.getByText(/submit the timesheet done/).waitFor();
      await settle(page);
      assert.equal(await page.locator(".rc-ts-state").getAttribute("data-state"), "submitted");
      assert.equal(await page.locator("form.rc-line-editor").count(), 0, "a submitted timesheet has no line editor");
      // nothing is banked before the approval
      assert.equal(await shownComp(page), before, "comp time is banked only when the timesheet is approved");
    });
    await as(USERS.sergeant, async (page) => {
      await visit(page, `#/timesheets/${tsId}`);
      assert.equal(await page.locator("form.rc-line-editor").count(), 0, "the sergeant has no employee line editor");
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/timesheets/${tsId}/steps`) && r.request().method() === "POST"),
        page.getByRole("button", { name: "Approve" }).click(),
      ]);
      assert.equal(answer.status(), 200, await answer.text());
      await page.getByText(/approve done/).waitFor();
    });
    await as(USERS.officer, async (page) => {
      const now = await shownComp(page);
      assert.equal(Math.round((now - before) * 100) / 100, 3, `2 h of overtime-comp bank 3 h (time and a half): ${before} → ${now}`);
    });
  });

  test("a comp-time cash-out beyond the balance is refused at the hours field; nothing is listed; 390 px (4.010-POL-10)", async () => {
    await as(
      USERS.officer,
      async (page) => {
      await visit(page, "#/time-off/records");
      const available = parseFloat(await page.locator(".rc-comp-available").textContent());
      const listed = await page.locator('.rc-my-records a[data-kind="cash-out"]').count();
      const form = page.locator('form.rc-record-form[data-kind="cash-out"]');
      await form.getByLabel("Hours to cash out").fill(String(available + 100));
      const answer = await submitRecord(page, "cash-out", "/comp-time/cash-outs", "Ask Payroll to pay it");
      assert.equal(answer.status(), 422);
      await form.locator(".usa-form-group--error", { has: page.getByLabel("Hours to cash out") }).getByText(/exceeds the available comp balance/).waitFor();
      await checkPage(page, "cash-out error");
      await visit(page, "#/time-off/records");
      assert.equal(await page.locator('.rc-my-records a[data-kind="cash-out"]').count(), listed, "no cash-out was written");
      // an empty amount is caught before the server
      await form.getByRole("button", { name: "Ask Payroll to pay it" }).click();
      await form.locator(".usa-form-group--error").getByText("Hours to cash out is required.").waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the time records page fits 390 px (scrollWidth ${width})`);
      },
      PHONE,
    );
  });

  test("furlough-work, special duty and guild-day requests appear under My requests as submitted, linking to the record page (4.010-POL-12–14)", async () => {
    await as(USERS.officer, async (page) => {
      const u = await me(page);
      await visit(page, "#/time-off/records");
      await checkPage(page, "time records (officer)");
      const ids = {};

      const furlough = page.locator('form.rc-record-form[data-kind="furlough-work"]');
      await furlough.getByLabel("Furlough day to work").fill(addDays(u.today, 50));
      await furlough.getByLabel("Hours").fill("10");
      let answer = await submitRecord(page, "furlough-work", "/furlough-work", "Ask to work the furlough day");
      assert.equal(answer.status(), 201, await answer.text());
      ids["furlough-work"] = (await answer.json()).id;
      await page.getByText(/You owe a normal work day off between/).waitFor();
      await settle(page);

      const special = page.locator('form.rc-record-form[data-kind="special-duty"]');
      // "other" business without a description: the client asks for it first
      await special.getByLabel("Days").fill(`${addDays(u.today, 52)}, ${addDays(u.today, 53)}`);
      await special.getByLabel("Hours per day").fill("8");
      await special.getByLabel("Purpose").selectOption("other");
      await special.getByRole("button", { name: "Submit form 15.8 to my captain" }).click();
      await special.locator(".usa-form-group--error").getByText("Describe the Department business.").waitFor();
      await special.getByLabel("Purpose").selectOption("outside-testimony");
      await special.getByLabel("Description").fill("testifying in Spokane County");
      answer = await submitRecord(page, "special-duty", "/special-duty", "Submit form 15.8 to my captain");
      assert.equal(answer.status(), 201, await answer.text());
      ids["special-duty"] = (await answer.json()).id;
      await page.getByText(/Special duty request \d+ \(form 15.8\) sent to your captain/).waitFor();
      await settle(page);

      const guild = page.locator('form.rc-record-form[data-kind="guild-day"]');
      await guild.getByLabel("Days").fill(addDays(u.today, 55));
      await guild.getByLabel("Hours per day").fill("10");
      // no business: the server's 422 (a second check behind the client's) never reached: the client asks
      await guild.getByRole("button", { name: "Submit form 2.23.1 to the Guild president" }).click();
      await guild.locator(".usa-form-group--error").getByText("Describe the Guild business.").waitFor();
      await guild.getByLabel("Guild business").fill("contract bargaining session");
      answer = await submitRecord(page, "guild-day", "/guild-days", "Submit form 2.23.1 to the Guild president");
      assert.equal(answer.status(), 201, await answer.text());
      ids["guild-day"] = (await answer.json()).id;
      await page.getByText(/Guild day request \d+ \(form 2.23.1\) sent to the Guild president/).waitFor();
      await settle(page);

      for (const [kind, id] of Object.entries(ids)) {
        const sel = `a[data-kind="${kind}"][data-id="${id}"]`;
        assert.equal(await page.locator(`.rc-my-records ${sel}`).getAttribute("href"), `#/time-records/${kind}/${id}`);
        const row = page.locator(".rc-my-records tr", { has: page.locator(sel) });
        assert.equal(await row.locator(".rc-record-state").getAttribute("data-state"), "requested");
        assert.match(await row.locator(".rc-record-state").textContent(), /^Submitted/);
      }
      await checkPage(page, "time records with requests");
    });
  });

  test("release time: the officer tells the sergeant; a civilian is told it is for sworn employees only (4.010-POL-11, PRO-2.1)", async () => {
    await as(USERS.officer, async (page) => {
      const u = await me(page);
      await visit(page, "#/time-off/records");
      const form = page.locator('form.rc-record-form[data-kind="release-time"]');
      await form.getByLabel("Family member").selectOption("child");
      await form.getByLabel("The emergency").fill("child taken to hospital");
      // reversed days: refused before the server
      await form.getByLabel("First day").fill(addDays(u.today, 60));
      await form.getByLabel("Last day").fill(addDays(u.today, 59));
      await form.getByLabel("Hours").fill("10");
      await form.getByRole("button", { name: "Tell my sergeant" }).click();
      await form.locator(".usa-form-group--error", { has: page.getByLabel("Last day") }).waitFor();
      await form.getByLabel("Last day").fill(addDays(u.today, 60));
      const answer = await submitRecord(page, "release-time", "/release-time", "Tell my sergeant");
      assert.equal(answer.status(), 201, await answer.text());
      const id = (await answer.json()).id;
      await page.getByText(/Release time \d+ sent to your sergeant/).waitFor();
      await settle(page);
      const sel = `a[data-kind="release-time"][data-id="${id}"]`;
      assert.equal(await page.locator(`.rc-my-records ${sel}`).getAttribute("href"), `#/time-records/release-time/${id}`);
      assert.equal(await page.locator(".rc-my-records tr", { has: page.locator(sel) }).locator(".rc-record-state").getAttribute("data-state"), "requested");
    });
    await as(USERS.payroll, async (page) => {
      const u = await me(page);
      await visit(page, "#/time-off/records");
      await page.locator(".rc-sworn-only").getByText(/for sworn employees only \(4.010-POL-11\)/).waitFor();
      assert.equal(await page.locator('form.rc-record-form[data-kind="release-time"]').count(), 0, "no release-time form for a civilian");
      // and the server refuses it whatever the screen
      const r = await apiPost(page, "/release-time", { relationship: "child", emergency: "x", first_day: addDays(u.today, 60), last_day: addDays(u.today, 60), hours: 4 });
      assert.equal(r.status, 422);
      assert.match(r.body.error.message, /sworn employees only/);
      await checkPage(page, "time records (civilian)");
    });
  });

  test("the sergeant's team calendar shows the officer's pending leave on its day and the staffing rows (4.010-PRO-1.2)", async () => {
    let officer = "";
    await as(USERS.officer, async (page) => {
      officer = (await me(page)).serial;
    });
    await as(USERS.sergeant, async (page) => {
      const u = await me(page);
      // the demo officer's request awaiting the sergeant (today+9's shift)
      const queue = (await apiGet(page, "/leave-requests?scope=queue")).body.requests;
      const pending = queue.filter((r) => r.employee.serial === officer && r.state === "submitted").sort((a, b) => (a.first < b.first ? -1 : 1))[0];
      assert.ok(pending, "the demo officer has a request waiting for the sergeant");
      const day = pending.first;

      assert.ok((await navNames(page)).includes("Team calendar"));
      await page.locator(".usa-nav__primary a", { hasText: "Team calendar" }).click();
      await settle(page);
      assert.equal(await hash(page), "#/time-off/calendar");
      assert.equal(await page.getByLabel("Unit", { exact: true }).inputValue(), u.unit.code, "the sergeant's own squad first");
      // the unit picker holds only units the sergeant leads (and below)
      const units = await page.getByLabel("Unit", { exact: true }).locator("option").allTextContents();
      assert.ok(units.every((t) => !/Squad B/.test(t)), `no other squad: ${units.join(" | ")}`);
      // month navigation to the pending day's month
      if (day.slice(0, 7) !== u.today.slice(0, 7)) {
        await page.getByRole("link", { name: "Next month" }).click();
        await settle(page);
      }
      await page.getByRole("heading", { level: 2, name: new RegExp(`: .* ${day.slice(0, 4)}$`) }).waitFor();
      const row = page.locator(`.rc-cal tbody tr[data-serial="${officer}"]`);
      const cell = row.locator(`td[data-date="${day}"]`);
      assert.equal(await cell.getAttribute("data-status"), "pending", `the officer's ${day} is pending`);
      assert.match(await cell.textContent(), /awaiting a decision/);
      // the day is marked in the header and in the pending row
      assert.match((await page.locator(`.rc-cal thead th[data-date="${day}"]`).getAttribute("class")) ?? "", /rc-cal-has-pending/);
      assert.ok(Number(await page.locator(`.rc-cal-pending-row td[data-date="${day}"]`).getAttribute("data-pending")) >= 1);
      // the staffing row: on duty that day against the minimum, as the API says
      const cal = (await apiGet(page, `/units/${u.unit.code}/leave-calendar?from=${day}&to=${day}`)).body;
      const staffing = page.locator(`.rc-cal-staffing td[data-date="${day}"]`);
      assert.match(await staffing.textContent(), new RegExp(`^${cal.days[0].on_duty}`));
      assert.equal(await staffing.getAttribute("data-short"), String(cal.days[0].short_staffed));
      await page.locator(".rc-cal-staffing th", { hasText: `On duty (minimum ${cal.minimum_on_duty})` }).waitFor();
      await checkPage(page, "team calendar");
    });
  });

  test("on a phone the team calendar is a list of days with the pending leave named", async () => {
    let officer = null;
    await as(USERS.officer, async (page) => {
      officer = await me(page);
    });
    await as(
      USERS.sergeant,
      async (page) => {
        const queue = (await apiGet(page, "/leave-requests?scope=queue")).body.requests;
        const day = queue.filter((r) => r.employee.serial === officer.serial && r.state === "submitted").map((r) => r.first).sort()[0];
        await visit(page, `#/time-off/calendar?month=${day.slice(0, 7)}`);
        const card = page.locator(`.rc-cal-daycard[data-date="${day}"]`);
        assert.ok(await card.isVisible(), "the day list shows on a phone");
        assert.ok(!(await page.locator(".rc-cal-grid").isVisible()), "the wide grid does not");
        assert.match(await card.textContent(), new RegExp(`Pending: .*${officer.name.split(",")[0]}`));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the calendar fits 390 px (scrollWidth ${width})`);
        await checkPage(page, "team calendar on a phone");
      },
      PHONE,
    );
  });

  test("the officer has no team calendar: not in the navigation, refused by URL", async () => {
    await as(USERS.officer, async (page) => {
      const names = await navNames(page);
      assert.ok(!names.includes("Team calendar"), `nav: ${names.join(", ")}`);
      assert.ok(names.includes("Time records"));
      await visit(page, "#/time-off/calendar");
      await page.getByText("You do not have access to this").waitFor();
      assert.equal(await page.locator(".rc-cal").count(), 0);
      const r = await apiGet(page, `/units/${(await me(page)).unit.code}/leave-calendar`);
      assert.equal(r.status, 404, "the API refuses it too");
      await checkPage(page, "team calendar refused");
    });
  });
});
