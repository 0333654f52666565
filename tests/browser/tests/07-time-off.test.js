// 4.010 Employee Time Off through the screens (issue 6): (a) the officer asks
// for a day of vacation, the sergeant approves it and records the time, and
// the balance the officer sees falls by the hours (4.010-POL-2, POL-5, POL-6);
// (b) a five-consecutive-day Request for Authorized Absence goes sergeant →
// lieutenant → captain and back down through the lieutenant to the sergeant,
// link by link, each signed in in turn, and the sergeant records it
// (4.010-PRO-1.1–1.5); (c) the officer opens and submits a timesheet and the
// sergeant approves it (4.010-POL-3, POL-4). Field errors from the server's
// 422 at their fields; axe on every new page; the time-off page at 390 px.
// The demo may hold no leave data: Payroll's accrual run gives the officer
// balances first (POST /leave/accruals, through the API).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiGet, checkPage, closeBrowser, hash, settle, SKIP } from "../lib/browser.js";
import { PHONE, USERS } from "../lib/constants.js";
import { addDays, apiPost, as, visit } from "../lib/session-steps.js";

after(closeBrowser);


/** The officer's vacation balance as the time-off page shows it (hours). */
async function shownVacation(page, asOf = "") {
  await visit(page, asOf ? `#/time-off?as_of=${asOf}` : "#/time-off");
  const row = page.locator(".rc-balances tbody tr", { has: page.locator("th", { hasText: /^Vacation$/ }) });
  const cells = await row.locator("td").allTextContents();
  return { balance: parseFloat(cells[0]), postedAfter: parseFloat(cells[1]), pending: parseFloat(cells[2]), available: parseFloat(cells[3]) };
}

async function fillRequest(page, first, last) {
  await visit(page, "#/time-off");
  const form = page.locator("form.rc-leave-form");
  await form.getByLabel("Type of leave").selectOption("vacation");
  await form.getByLabel("First day").fill(first);
  await form.getByLabel("Last day").fill(last);
  await form.getByRole("button", { name: "Submit the request" }).click();
}

async function requestLeave(page, first, last) {
  await fillRequest(page, first, last);
  const ok = await page.getByText(/^Leave request \d+ submitted/).textContent();
  await settle(page);
  return Number(/Leave request (\d+)/.exec(ok)[1]);
}

async function step(page, id, action) {
  const card = page.locator(`.rc-leave-request[data-id="${id}"]`);
  await card.waitFor();
  // Wait for this step's own answer: the "done" notice of the previous step
  // may still be on the page.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/v1/leave-requests/${id}/steps`) && r.request().method() === "POST"),
    card.locator(`button[data-action="${action}"]`).click(),
  ]);
  assert.equal(answer.status(), 200, `${action}: ${await answer.text()}`);
  await page.getByText(new RegExp(`^Leave request ${id}: .*done\\.$`)).waitFor();
  await settle(page);
}

describe("4.010 time off through the screens", { skip: SKIP }, () => {
  let serial = "";
  let today = "";
  let shifts = [];

  before(async () => {
    await as(USERS.officer, async (page) => {
      const me = (await apiGet(page, "/session")).body.user;
      serial = me.serial;
      today = me.today;
      shifts = (await apiGet(page, `/employees/${serial}/schedule?from=${addDays(today, 45)}&to=${addDays(today, 105)}`)).body.shifts.map((s) => s.date);
    });
    await as(USERS.payroll, async (page) => {
      const r = await apiPost(page, `/leave/accruals?through=${today}&employee=${serial}`, {});
      assert.equal(r.status, 200, JSON.stringify(r.body));
    });
    assert.ok(shifts.length > 10, "the officer has shifts to take off");
  });

  test("the time-off page: balances, field errors from the server, 390 px (4.010-POL-2, POL-5)", async () => {
    await as(
      USERS.officer,
      async (page) => {
        await visit(page, "#/time-off");
        await page.getByRole("heading", { level: 1, name: "Time off" }).waitFor();
        await page.locator("a.rc-ics").waitFor();
        const form = page.locator("form.rc-leave-form");
        // reversed dates: the server's 422 at the Last day field
        await form.getByLabel("Type of leave").selectOption("vacation");
        await form.getByLabel("First day").fill(shifts[1]);
        await form.getByLabel("Last day").fill(shifts[0]);
        await form.getByRole("button", { name: "Submit the request" }).click();
        const lastGroup = form.locator(".usa-form-group--error", { has: page.getByLabel("Last day") });
        await lastGroup.getByText(/before first/).waitFor();
        // hours beyond a day: at the hours field
        await form.getByLabel("Last day").fill(shifts[0]);
        await form.getByLabel("First day").fill(shifts[0]);
        await form.getByLabel("Hours per day").fill("30");
        await form.getByRole("button", { name: "Submit the request" }).click();
        await form.locator(".usa-form-group--error", { has: page.getByLabel("Hours per day") }).getByText(/more than a day/).waitFor();
        await checkPage(page, "time-off with errors");
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the time-off page fits 390 px (scrollWidth ${width})`);
      },
      PHONE,
    );
  });

  test("a type the employee's bargaining unit lacks is refused at the type field (4.010-POL-1, POL-2)", async () => {
    // Payroll's own record is civilian (Local 17: no furlough bank). The form
    // offers only the unit's types, so the test adds the option a stale form
    // could still carry, and the server's 422 is shown at "Type of leave".
    await as(USERS.payroll, async (page) => {
      await visit(page, "#/time-off");
      const form = page.locator("form.rc-leave-form");
      const select = form.getByLabel("Type of leave");
      assert.equal(await select.locator('option[value="furlough"]').count(), 0, "furlough is not offered to a civilian");
      await select.evaluate((el) => el.add(new Option("Furlough", "furlough")));
      await select.selectOption("furlough");
      await form.getByLabel("First day").fill(addDays(today, 40));
      await form.getByLabel("Last day").fill(addDays(today, 40));
      await form.getByRole("button", { name: "Submit the request" }).click();
      await form.locator(".usa-form-group--error", { has: page.getByLabel("Type of leave") }).getByText(/not a leave type of bargaining unit/).waitFor();
      await checkPage(page, "time-off type error");
    });
  });

  test("(a) request → the sergeant approves and records → the balance falls by the hours (4.010-POL-2, POL-6)", async () => {
    const day = shifts[0];
    let id = 0;
    let before = null;
    await as(USERS.officer, async (page) => {
      before = await shownVacation(page);
      id = await requestLeave(page, day, day);
      const pendingNow = await shownVacation(page);
      assert.equal(pendingNow.balance, before.balance, "the balance moves only when the time is recorded");
      assert.equal(pendingNow.available, before.available - 10, "the pending day is out of the available hours");
      // the same day again: the overlap refused at the hours field
      await fillRequest(page, day, day);
      await page.locator("form.rc-leave-form .usa-form-group--error").getByText(/already in request/).waitFor();
      await visit(page, "#/time-off");
      await page.locator(`.rc-my-requests tr`, { hasText: leaveRow(id) }).getByRole("button", { name: /^Cancel leave request/ }).waitFor();
      await checkPage(page, "time-off page");
    });
    await as(USERS.sergeant, async (page) => {
      await visit(page, "#/inbox");
      await page.locator(`a[data-kind="leave-request"][data-id="${id}"]`).click();
      await settle(page);
      assert.equal(await hash(page), `#/time-off/requests/${id}`);
      await page.locator(".rc-staffing").first().waitFor();
      await checkPage(page, "leave request page");
      await step(page, id, "approve");
      await step(page, id, "record");
      await page.locator(`.rc-leave-request[data-id="${id}"][data-state="recorded"]`).waitFor();
    });
    await as(USERS.officer, async (page) => {
      // Recording posts the usage on the leave day (4.010-PRO-1.5): today it is
      // "posted after" and out of the available hours; as of the day, out of the balance.
      const after = await shownVacation(page);
      assert.equal(after.balance, before.balance, "the balance as of today is before the leave day");
      // (the demo's own requests for the officer stay as they were)
      assert.equal(after.postedAfter, Math.round((before.postedAfter - 10) * 100) / 100, "the recorded day is posted after today");
      assert.equal(after.pending, before.pending, "no longer pending");
      assert.equal(after.available, Math.round((before.available - 10) * 100) / 100);
      const onTheDay = await shownVacation(page, day);
      // accruals were run through today only, so the day's balance is today's less the 10 h
      assert.equal(onTheDay.balance, Math.round((before.balance - 10) * 100) / 100, `as of ${day}: ${before.balance} → ${onTheDay.balance}`);
      await page.getByRole("heading", { name: `Balances as of ${day}` }).waitFor();
    });
  });

  test("(b) five consecutive days: sergeant → lieutenant → captain → lieutenant → sergeant records (4.010-PRO-1.1–1.5)", async () => {
    // a five-calendar-day block starting on a shift at least a week after (a)'s day
    const start = shifts.find((d) => d > addDays(shifts[0], 7));
    const end = addDays(start, 4);
    let id = 0;
    await as(USERS.officer, async (page) => {
      id = await requestLeave(page, start, end);
      await page.getByText(/Request for Authorized Absence/).first().waitFor();
    });
    await as(USERS.sergeant, async (page) => {
      await visit(page, "#/time-off/approvals");
      const card = page.locator(`.rc-leave-request[data-id="${id}"]`);
      await card.getByText(/Request for Authorized Absence/).waitFor();
      assert.equal(await card.locator('button[data-action="captain-approve"]').count(), 0, "no captain's button for the sergeant");
      await checkPage(page, "leave approvals");
      await step(page, id, "approve");
      await visit(page, `#/time-off/requests/${id}`);
      assert.equal(await page.locator('button[data-action="record"]').count(), 0);
      await step(page, id, "forward-to-captain");
      assert.equal(await page.locator(`.rc-leave-request[data-id="${id}"]`).getAttribute("data-state"), "captain-review");
      // PRO-1.3 through the chain of command: the lieutenant holds it first
      await page.locator(".rc-route li", { hasText: "lieutenant" }).first().waitFor();
      assert.equal(await page.locator(`.rc-leave-request[data-id="${id}"] .rc-route li[data-received="yes"]`).count(), 1, "only the lieutenant has received it");
    });
    await as(USERS.captain, async (page) => {
      await visit(page, `#/time-off/requests/${id}`);
      await page.locator(`.rc-leave-request[data-id="${id}"]`).waitFor();
      assert.equal(await page.locator('button[data-action="captain-approve"]').count(), 0, "the captain decides only once the form has reached them");
    });
    await as(USERS.lieutenant, async (page) => {
      await visit(page, "#/inbox");
      await page.locator(`a[data-kind="leave-request"][data-id="${id}"]`).click();
      await settle(page);
      assert.equal(await page.locator('button[data-action="captain-approve"]').count(), 0, "the lieutenant only forwards");
      await step(page, id, "forward");
    });
    await as(USERS.captain, async (page) => {
      await visit(page, "#/time-off/approvals");
      const card = page.locator(`.rc-leave-request[data-id="${id}"]`);
      await card.waitFor();
      assert.equal(await card.locator('button[data-action="approve"]').count(), 0, "the captain has only the captain's steps");
      await step(page, id, "captain-approve");
    });
    await as(USERS.officer, async (page) => {
      await visit(page, `#/time-off/requests/${id}`);
      assert.equal(await page.locator('button[data-action="record"]').count(), 0, "the employee records nothing");
    });
    await as(USERS.lieutenant, async (page) => {
      // PRO-1.4: the decision goes back down through the lieutenant
      await visit(page, `#/time-off/requests/${id}`);
      await step(page, id, "forward");
    });
    await as(USERS.sergeant, async (page) => {
      await visit(page, "#/inbox");
      await page.locator(`a[data-kind="leave-request"][data-id="${id}"]`).click();
      await settle(page);
      await step(page, id, "record");
      await page.locator(`.rc-leave-request[data-id="${id}"][data-state="recorded"]`).waitFor();
    });
  });

  test("(c) the officer submits a timesheet and the sergeant approves it (4.010-POL-3, POL-4)", async () => {
    let tsHash = "";
    await as(USERS.officer, async (page) => {
      await visit(page, "#/timesheets");
      await checkPage(page, "timesheets list");
      await page.getByLabel("A day in the pay period").fill(addDays(today, -14));
      await page.getByRole("button", { name: "Open the timesheet" }).click();
      await page.waitForFunction(() => /^#\/timesheets\/\d+$/.test(location.hash));
      await settle(page);
      tsHash = await hash(page);
      await page.locator(".rc-ts-lines").waitFor();
      await page.getByText(/noon on the Wednesday/).waitFor();
      await checkPage(page, "timesheet (employee)");
      await page.getByRole("button", { name: "Submit the timesheet" }).click();
      await page.getByText(/submit the timesheet done/).waitFor();
      await settle(page);
      assert.equal(await page.locator(".rc-ts-state").getAttribute("data-state"), "submitted");
    });
    await as(USERS.sergeant, async (page) => {
      await visit(page, "#/inbox");
      const id = tsHash.split("/").pop();
      await page.locator(`a[data-kind="timesheet"][data-id="${id}"]`).click();
      await settle(page);
      assert.equal(await hash(page), tsHash);
      await checkPage(page, "timesheet (supervisor)");
      await page.getByRole("button", { name: "Approve" }).click();
      await page.getByText(/approve done/).waitFor();
      await settle(page);
      assert.equal(await page.locator(".rc-ts-state").getAttribute("data-state"), "approved");
      await visit(page, "#/timesheets");
      await page.getByRole("heading", { name: "Overdue and missing in your squad" }).waitFor();
      await checkPage(page, "timesheets list (supervisor)");
    });
  });
});

function leaveRow(id) {
  return new RegExp(`^${id}`);
}
