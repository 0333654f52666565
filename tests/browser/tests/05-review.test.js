// 3.070-PRO-1 through the screens (issue 5): one Performance Mentoring Review
// walked from trigger to the bureau chief's concurrence by the demo cast, each
// person signed in in their own browser context. At every hand-over the item
// appears in the next person's inbox and leaves the previous one's. Also: the
// dashboard's trigger rows link to the filled-in "Open a review" form, a
// stale version (409) reloads the review and says so, a step needing comments
// shows its field error, the sergeant never sees the captain's step form, the
// employee sees their review on their own page, and axe-core checks every new
// page.
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

/** Goes to `to` and renders it afresh (a goto to the hash already shown changes nothing). */
async function visit(page, to) {
  if ((await hash(page)) === to) await page.reload();
  else await page.goto(`/${to}`);
  await settle(page);
}

/** The form of one step on the review page, found by its heading (the step in words). */
function stepForm(page, title) {
  return page.getByRole("form", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
}

/** Submits one step's form and waits for the review to reload with the success message. */
async function takeStep(page, title, clause, button, fill) {
  const form = stepForm(page, title);
  await form.waitFor();
  if (fill) await fill(form);
  await form.getByRole("button", { name: button }).click();
  await page.getByText(`${title} (${clause}): recorded.`).waitFor();
  await settle(page);
}

/** Clicks the label of a USWDS radio or checkbox (the input itself is drawn off-screen). */
async function choose(form, label) {
  const text = typeof label === "string" ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : label;
  await form.locator("label", { hasText: text }).click();
}

async function inboxHas(page, id) {
  await visit(page, "#/inbox");
  return (await page.locator(`.rc-inbox a[data-kind=pmp-review][href="#/reviews/${id}"]`).count()) > 0;
}

/** Opens the review from the person's inbox (checking it is there). */
async function openFromInbox(page, id, who) {
  assert.ok(await inboxHas(page, id), `review ${id} is in the ${who}'s inbox`);
  await page.locator(`.rc-inbox a[data-kind=pmp-review][href="#/reviews/${id}"]`).click();
  await page.waitForFunction((h) => location.hash === h, `#/reviews/${id}`);
  await settle(page);
}

async function leavesInbox(page, id, who) {
  assert.ok(!(await inboxHas(page, id)), `review ${id} left the ${who}'s inbox`);
}

async function stateOf(page) {
  return page.locator(".rc-review-state").getAttribute("data-state");
}

describe("performance mentoring review walk-through", { skip: SKIP }, () => {
  const pages = {};
  const serial = {};
  let today = "";

  before(async () => {
    if (SKIP) return;
    for (const [who, username] of Object.entries(CAST)) {
      pages[who] = await newPage();
      await signIn(pages[who], username);
      serial[who] = (await apiGet(pages[who], "/session")).body.user.serial;
    }
    today = (await apiGet(pages.coordinator, "/session")).body.user.today;
  });
  after(async () => {
    for (const p of Object.values(pages)) await closePage(p);
  });

  test("the chain of command lands on its inbox; everyone has an Inbox item", async () => {
    for (const who of ["captain", "lieutenant", "sergeant", "chief"]) {
      await visit(pages[who], "#/");
      await pages[who].waitForFunction(() => location.hash === "#/inbox");
      assert.equal(await hash(pages[who]), "#/inbox", `${who} starts on the inbox`);
    }
    for (const who of Object.keys(CAST)) assert.ok((await navNames(pages[who])).some((n) => n.startsWith("Inbox")), `${who} has an Inbox`);
    assert.ok((await navNames(pages.coordinator)).includes("Reviews"));
    assert.ok(!(await navNames(pages.officer)).includes("Reviews"), "the officer has no pipeline");
    await visit(pages.sergeant, "#/inbox");
    await checkPage(pages.sergeant, "inbox (sergeant)");
  });

  test("the dashboard's triggers link to the filled-in Open a review form", async () => {
    const page = pages.coordinator;
    await visit(page, "#/dashboard");
    const link = page.locator(".rc-triggers a.rc-open-review-link").first();
    if (!(await link.count())) return; // a demo day without a new crossing: nothing to follow
    const href = await link.getAttribute("href");
    const q = new URLSearchParams(href.split("?")[1]);
    await link.click();
    await page.waitForFunction(() => location.hash.startsWith("#/reviews/new?"));
    await settle(page);
    assert.equal(await page.locator("input[name=employee_serial]").inputValue(), q.get("serial"));
    assert.equal(await page.locator("select[name=indicator]").inputValue(), q.get("indicator"));
    assert.equal(await page.locator("input[name=trigger_date]").inputValue(), q.get("date"));
    await checkPage(page, "open a review (prefilled)");
  });

  test("one review from trigger to the bureau chief's concurrence (3.070-PRO-1.1–1.19)", async () => {
    const { coordinator: pc, captain: pk, lieutenant: pl, sergeant: ps, chief: pb, officer: po } = pages;

    // PRO-1.1 the Coordinator opens it from the form (as the dashboard link fills it in).
    await visit(pc, "#/reviews/new");
    await pc.getByRole("button", { name: "Open the review" }).click();
    await pc.locator(".usa-form-group--error").first().waitFor();
    await checkPage(pc, "open a review with errors");
    await visit(pc, `#/reviews/new?serial=${encodeURIComponent(serial.officer)}&indicator=B&date=${today}`);
    await pc.getByRole("button", { name: "Open the review" }).click();
    await pc.waitForFunction(() => /^#\/reviews\/\d+$/.test(location.hash));
    await settle(pc);
    const id = Number((await hash(pc)).split("/").pop());
    assert.ok(id > 0);
    assert.equal(await stateOf(pc), "identified");
    await checkPage(pc, "review: identified (coordinator)");
    assert.ok(await inboxHas(pc, id), "the new review is in the Coordinator's inbox");
    await checkPage(pc, "inbox (coordinator)");

    // A second review while this one is open is refused, with a link to it.
    await visit(pc, `#/reviews/new?serial=${encodeURIComponent(serial.officer)}&indicator=D&date=${today}`);
    await pc.getByRole("button", { name: "Open the review" }).click();
    await pc.getByRole("heading", { name: "This employee already has an open review" }).waitFor();
    assert.equal(await pc.locator(`.rc-form-messages a[href="#/reviews/${id}"]`).count(), 1);

    // The pipeline shows it in its first stage; the CSV link follows the filter.
    await visit(pc, "#/reviews");
    await pc.locator(`.rc-stage[data-state="identified"] a[href="#/reviews/${id}"]`).waitFor();
    assert.match(await pc.getByRole("link", { name: "Download CSV" }).getAttribute("href"), /^\/api\/v1\/reviews\?format=csv&state=open/);
    await checkPage(pc, "reviews pipeline");
    await visit(pc, "#/reviews?state=all&overdue=1");
    await checkPage(pc, "reviews pipeline, overdue filter");

    // PRO-1.2 with a stale version first: someone else's note (PRO-1.19) lands after the page loaded.
    await visit(pc, `#/reviews/${id}`);
    await pc.evaluate(async (rid) => {
      const s = await (await fetch("/api/v1/session")).json();
      const r = await (await fetch(`/api/v1/reviews/${rid}`)).json();
      await fetch(`/api/v1/reviews/${rid}/steps`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token },
        body: JSON.stringify({ action: "assist", version: r.version, comments: "Toolkit sent to the captain." }),
      });
    }, id);
    await stepForm(pc, "Notify the section captain").locator("select[name=assignee_serial]").selectOption(serial.captain);
    await stepForm(pc, "Notify the section captain").getByRole("button", { name: "Notify the captain" }).click();
    await pc.getByText(/This review changed before your step was recorded/).waitFor();
    await settle(pc);
    await checkPage(pc, "review reloaded after a 409");
    await takeStep(pc, "Notify the section captain", "3.070-PRO-1.2", "Notify the captain", (f) => f.locator("select[name=assignee_serial]").selectOption(serial.captain));
    assert.equal(await stateOf(pc), "captain-notified");
    await leavesInbox(pc, id, "Coordinator");

    // PRO-1.3 the captain.
    await openFromInbox(pk, id, "captain");
    await checkPage(pk, "review: captain-notified (captain)");
    await takeStep(pk, "Assign a lieutenant", "3.070-PRO-1.3", "Assign the lieutenant", (f) => f.locator("select[name=assignee_serial]").selectOption(serial.lieutenant));
    await leavesInbox(pk, id, "captain");

    // PRO-1.4–1.6 the lieutenant: comments are required, shown at the field.
    await openFromInbox(pl, id, "lieutenant");
    const circ = stepForm(pl, "Review the factors and circumstances");
    await circ.getByRole("button", { name: "Record my review" }).click();
    await circ.locator(".usa-form-group--error textarea[name=comments]").waitFor();
    await checkPage(pl, "review step with a field error");
    await takeStep(pl, "Review the factors and circumstances", "3.070-PRO-1.4", "Record my review", (f) => f.locator("textarea[name=comments]").fill("Three Type II uses of force in five months."));
    await takeStep(pl, "Assign the sergeant and direct coaching strategies", "3.070-PRO-1.5–6", "Assign the sergeant", async (f) => {
      await f.locator("select[name=assignee_serial]").selectOption(serial.sergeant);
      await choose(f, /^Sergeant ride-alongs/);
      await choose(f, "Assigned reading");
    });
    await leavesInbox(pl, id, "lieutenant");

    // PRO-1.7–1.10 the sergeant.
    await openFromInbox(ps, id, "sergeant");
    await checkPage(ps, "review: sergeant-assigned (sergeant)");
    await takeStep(ps, "Review the triggering incidents", "3.070-PRO-1.7", "I reviewed the incidents");
    await takeStep(ps, "Recommend a Mentoring Plan or no action", "3.070-PRO-1.8", "Send my recommendation", (f) => choose(f, "A Mentoring Plan"));
    const plan = stepForm(ps, "Develop the Mentoring Plan");
    assert.ok(await plan.locator("input[value=ride-alongs]").isChecked(), "the directed strategies start the checklist");
    await checkPage(ps, "develop the plan");
    await takeStep(ps, "Develop the Mentoring Plan", "3.070-PRO-1.9", "Save the plan", (f) => f.locator("textarea[name=items_other]").fill("De-escalation refresher course"));
    await takeStep(ps, "Submit the review to the lieutenant", "3.070-PRO-1.10", "Submit the review");
    await leavesInbox(ps, id, "sergeant");

    // PRO-1.11–1.12 the lieutenant returns it once for corrections.
    await openFromInbox(pl, id, "lieutenant");
    await takeStep(pl, "Return it to the sergeant for corrections", "3.070-PRO-1.12", "Return for corrections", (f) => f.locator("textarea[name=comments]").fill("Name the root cause in the plan."));
    await leavesInbox(pl, id, "lieutenant");

    // The sergeant corrects and resubmits.
    await openFromInbox(ps, id, "sergeant");
    assert.equal(await stateOf(ps), "returned-to-sergeant");
    await takeStep(ps, "Recommend a Mentoring Plan or no action", "3.070-PRO-1.8", "Send my recommendation", (f) => choose(f, "A Mentoring Plan"));
    await takeStep(ps, "Develop the Mentoring Plan", "3.070-PRO-1.9", "Save the plan", (f) => f.locator("textarea[name=items_other]").fill("De-escalation refresher course\nRoot cause meeting"));
    await takeStep(ps, "Submit the review to the lieutenant", "3.070-PRO-1.10", "Submit the review");
    await leavesInbox(ps, id, "sergeant");

    // PRO-1.13 the lieutenant recommends.
    await openFromInbox(pl, id, "lieutenant");
    await takeStep(pl, "Recommend to the captain", "3.070-PRO-1.13", "Send my recommendation", (f) => choose(f, "A Mentoring Plan"));
    await leavesInbox(pl, id, "lieutenant");

    // Wrong role: the sergeant can read the review but never sees the captain's step forms.
    await visit(ps, `#/reviews/${id}`);
    assert.equal(await stateOf(ps), "captain-review");
    assert.equal(await ps.locator(".rc-step-form").count(), 0, "no step form for the sergeant");
    assert.equal(await stepForm(ps, "Designate a Mentoring Plan").count(), 0);
    await ps.getByText("No step of this review awaits you now.").waitFor();
    assert.ok(!(await inboxHas(ps, id)));

    // PRO-1.14–1.16 the captain designates a 60-day plan and forwards it.
    await openFromInbox(pk, id, "captain");
    assert.equal(await stepForm(pk, "Return it to the lieutenant").count(), 1, "the captain may also return it (PRO-1.14)");
    await takeStep(pk, "Designate a Mentoring Plan and its review period", "3.070-PRO-1.15", "Save the designation", async (f) => {
      await choose(f, "Yes: a Mentoring Plan");
      await choose(f, "60 days");
    });
    await checkPage(pk, "review: captain-designated");
    await takeStep(pk, "Forward the review to the Coordinator", "3.070-PRO-1.16", "Forward to the Coordinator");
    await leavesInbox(pk, id, "captain");

    // PRO-1.17–1.18 the Coordinator receives it and forwards it to the bureau chief.
    await openFromInbox(pc, id, "Coordinator");
    await takeStep(pc, "Receive the completed review", "3.070-PRO-1.17", "Mark as received");
    await takeStep(pc, "Forward the review to the bureau chief", "3.070-PRO-1.18", "Forward to the bureau chief", (f) => f.locator("select[name=assignee_serial]").selectOption(serial.chief));
    await leavesInbox(pc, id, "Coordinator");

    // PRO-1.18 the bureau chief concurs.
    await openFromInbox(pb, id, "bureau chief");
    await checkPage(pb, "review: bureau-chief-review (bureau chief)");
    await takeStep(pb, "Concur with the review", "3.070-PRO-1.18", "Concur");
    assert.equal(await stateOf(pb), "plan-designated");
    await pb.getByText("Mentoring Plan, 60-day review period").waitFor();
    assert.equal(await pb.locator(".rc-history tbody tr").count(), 20, "identify, a note and 18 steps");
    assert.equal(await pb.locator(".rc-step-form").count(), 0);
    await checkPage(pb, "review: plan designated");
    // At phone width the review fits: its tables scroll inside their own regions.
    await pb.setViewportSize(PHONE);
    const { scroll, width } = await pb.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width + 1, `review page is ${scroll}px wide on a ${width}px screen`);
    await checkPage(pb, "review at 390 px");
    await pb.setViewportSize(DESKTOP);
    await leavesInbox(pb, id, "bureau chief");

    // The finished review on the pipeline's "finished" view, and on the employee's own page.
    await visit(pc, "#/reviews?state=final");
    await pc.locator(`.rc-stage[data-state="plan-designated"] a[href="#/reviews/${id}"]`).waitFor();
    await visit(po, `#/employees/${encodeURIComponent(serial.officer)}`);
    await po.locator(`.rc-employee-reviews a[href="#/reviews/${id}"]`).waitFor();
    await checkPage(po, "officer's own record with the review");
    await visit(po, `#/reviews/${id}`);
    assert.equal(await po.locator(".rc-step-form").count(), 0, "the employee takes no step");
    await checkPage(po, "officer reads own review");
  });
});
