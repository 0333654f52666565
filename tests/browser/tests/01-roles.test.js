// Each demo role signs in and walks its main path. Every page visited is
// also checked with axe-core (no serious or critical violations) and for CSP
// violations.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { apiGet, checkPage, closeBrowser, closePage, go, hash, navNames, newPage, settle, signIn, SKIP } from "../lib/browser.js";
import { USERS } from "../lib/constants.js";
import { totp } from "../lib/totp.js";

after(closeBrowser);

const DENIED = "You do not have access to this";

async function expectDenied(page) {
  await settle(page);
  await assert.doesNotReject(page.getByRole("heading", { name: DENIED }).waitFor({ timeout: 10000 }), "expected the access-denied message");
}

/** Signs in, checks the landing page, runs `walk`, closes the page. */
async function asUser(username, walk) {
  const page = await newPage();
  try {
    await signIn(page, username);
    await walk(page);
  } finally {
    await closePage(page);
  }
}

async function firstTriggerLink(page) {
  const link = page.locator(".rc-triggers a").first();
  return (await link.count()) ? link : null;
}

/** Opens the first employee on the dashboard (or in the directory) and checks the PMP page. */
async function openFirstEmployee(page) {
  let link = await firstTriggerLink(page);
  if (!link) {
    await go(page, "#/employees");
    link = page.locator(".rc-directory a").first();
  }
  const name = (await link.textContent()).trim();
  await link.click();
  await page.waitForFunction(() => /^#\/employees\/[^/]+$/.test(location.hash));
  await settle(page);
  await page.getByRole("heading", { name: "Performance Mentoring Program" }).waitFor();
  return name;
}

describe("roles", { skip: SKIP }, () => {
  test("officer: own record and PMP page; no dashboard; others' records refused", async () => {
    await asUser(USERS.officer, async (page) => {
      const me = (await apiGet(page, "/session")).body.user;
      assert.equal(await hash(page), `#/employees/${me.serial}`, "the officer starts on their own record");
      await page.getByRole("heading", { level: 1, name: /^My record/ }).waitFor();
      await page.getByRole("heading", { name: "Performance Mentoring Program" }).waitFor();
      await page.locator(".rc-timeline").waitFor();
      await page.getByRole("heading", { name: "Standing per indicator" }).waitFor();
      await checkPage(page, "officer own record");
      const nav = await navNames(page);
      assert.ok(!nav.includes("Dashboard"), `no dashboard in the officer's navigation: ${nav}`);
      assert.ok(nav.includes("My record"));
      assert.ok(!nav.includes("Record event") && !nav.includes("Employees") && !nav.includes("Audit log"));

      await go(page, "#/dashboard");
      await expectDenied(page);
      await checkPage(page, "officer denied dashboard");

      // The first supervisor in the officer's chain: not someone whose record the officer may read.
      const emp = (await apiGet(page, `/employees/${me.serial}`)).body;
      const boss = (emp.chain || []).find((c) => c.serial && c.serial !== me.serial);
      assert.ok(boss, "the officer has a supervisor on record");
      await go(page, `#/employees/${boss.serial}`);
      await expectDenied(page);
    });
  });

  test("sergeant: dashboard shows only their squad; opens a squad member", async () => {
    await asUser(USERS.sergeant, async (page) => {
      assert.equal(await hash(page), "#/inbox", "the chain of command starts on its inbox");
      await checkPage(page, "sergeant inbox");
      await go(page, "#/dashboard");
      await page.getByText("Only employees in your command are shown.").waitFor();
      await checkPage(page, "sergeant dashboard");
      const me = (await apiGet(page, "/session")).body.user;
      const serials = await page.locator(".rc-triggers a").evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute("href").split("/").pop())));
      for (const serial of [...new Set(serials)].slice(0, 10)) {
        const r = await apiGet(page, `/employees/${serial}`);
        assert.equal(r.status, 200);
        const chainSerials = (r.body.chain || []).map((c) => c.serial);
        assert.ok(chainSerials.includes(me.serial), `${serial} on the sergeant's dashboard is in their squad (chain: ${chainSerials})`);
      }
      // The same page for the whole department is larger than the squad's.
      const mine = (await apiGet(page, "/triggers?limit=1")).body.total;
      assert.ok(Number.isInteger(mine));
      await openFirstEmployee(page);
      await checkPage(page, "sergeant squad member");
      assert.equal(await page.getByRole("link", { name: "Record an event for this employee" }).count(), 1);
    });
  });

  for (const [label, username] of [["lieutenant", USERS.lieutenant], ["captain", USERS.captain], ["bureau chief", USERS.bureauChief]]) {
    test(`${label}: scoped dashboard, filters, opens an employee`, async () => {
      await asUser(username, async (page) => {
        assert.equal(await hash(page), "#/inbox", "the chain of command starts on its inbox");
        await go(page, "#/dashboard");
        await page.getByText("Only employees in your command are shown.").waitFor();
        await checkPage(page, `${label} dashboard`);
        const nav = await navNames(page);
        assert.ok(nav.includes("Dashboard") && nav.includes("Employees") && nav.includes("Record event") && nav.includes("Reviews"));
        assert.ok(!nav.includes("Audit log"));
        if (label !== "lieutenant") assert.ok(nav.includes("Statistics"), `${label} sees statistics`);
        if (label === "bureau chief") assert.ok(nav.includes("Thresholds"));
        await openFirstEmployee(page);
        await checkPage(page, `${label} employee`);
      });
    });
  }

  test("coordinator: filters the dashboard, opens an employee, records an event (fixing one error), sees it on the timeline", async () => {
    await asUser(USERS.coordinator, async (page) => {
      assert.equal(await hash(page), "#/dashboard");
      await page.getByText("Every employee in the department.").waitFor();
      const all = (await apiGet(page, "/triggers?limit=1")).body.total;

      // Filter: indicator B in the first precinct.
      await page.getByLabel("Indicator", { exact: true }).selectOption("B");
      const precinct = await page.getByLabel("Precinct", { exact: true }).locator("option").nth(1).getAttribute("value");
      await page.getByLabel("Precinct", { exact: true }).selectOption(precinct);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForFunction(() => location.hash.includes("indicator=B"));
      await settle(page);
      assert.match(await hash(page), new RegExp(`precinct=${precinct}`));
      const indicators = await page.locator(".rc-triggers tbody .rc-ind").allTextContents();
      assert.ok(indicators.every((i) => i === "B"), `only B triggers: ${indicators}`);
      const filtered = (await apiGet(page, `/triggers?limit=1&indicator=B&precinct=${precinct}`)).body.total;
      assert.ok(filtered <= all);
      await checkPage(page, "coordinator filtered dashboard");

      // Clear, then open an employee from the dashboard.
      await page.getByRole("link", { name: "Clear" }).click();
      await page.waitForFunction(() => location.hash === "#/dashboard");
      await settle(page);
      const name = await openFirstEmployee(page);
      assert.ok(name.length > 0);
      const serial = decodeURIComponent((await hash(page)).split("/").pop());
      await checkPage(page, "coordinator employee page");

      // Record a use of force: first submit without the incident number.
      await page.getByRole("link", { name: "Record an event for this employee" }).click();
      await page.waitForFunction(() => location.hash.startsWith("#/events/new"));
      await settle(page);
      assert.equal(await page.locator("input[name=employee_serial]").inputValue(), serial);
      await page.locator("select[name=kind]").selectOption("use-of-force");
      const today = (await apiGet(page, "/session")).body.user.today;
      await page.locator("input[name=date]").fill(today);
      await page.locator("label.usa-radio__label", { hasText: /^Type II$/ }).click();
      await page.getByRole("button", { name: "Record event" }).click();
      const incidentGroup = page.locator(".usa-form-group--error", { has: page.locator("input[name=incident_number]") });
      await incidentGroup.waitFor();
      assert.match(await incidentGroup.locator(".usa-error-message").textContent(), /incident number/i);
      assert.equal(await page.locator("input[name=incident_number]").getAttribute("aria-invalid"), "true");
      await checkPage(page, "event form with an error");

      const incident = `BT-${Date.now()}`;
      await page.locator("input[name=incident_number]").fill(incident);
      await page.getByRole("button", { name: "Record event" }).click();
      await page.waitForFunction((s) => location.hash === `#/employees/${encodeURIComponent(s)}`, serial);
      await settle(page);
      await page.getByText(`Event ${incident} recorded.`).waitFor();
      await page.locator(".rc-events", { hasText: incident }).waitFor();
      const titles = await page.locator(".rc-timeline circle title").allTextContents();
      assert.ok(titles.some((t) => t.includes(incident)), "the new event is on the timeline");
      const desc = await page.locator(".rc-timeline desc").textContent();
      assert.match(desc, /Indicator timeline from/);
      await checkPage(page, "employee page after recording");

      // Correct it (a new version), then withdraw it.
      await page.getByRole("link", { name: `Correct event ${incident}` }).click();
      await page.waitForFunction(() => /#\/events\/\d+\/correct/.test(location.hash));
      await settle(page);
      await page.locator("label.usa-radio__label", { hasText: /^Type III$/ }).click();
      await page.getByRole("button", { name: "Save correction" }).click();
      await page.locator(".usa-form-group--error", { has: page.locator("textarea[name=note]") }).waitFor();
      await checkPage(page, "correction form with an error");
      await page.locator("textarea[name=note]").fill("Investigation found Type III force.");
      await page.getByRole("button", { name: "Save correction" }).click();
      await page.getByText(new RegExp(`Event ${incident} corrected`)).waitFor();
      await page.locator(".rc-events tr", { hasText: incident }).filter({ hasText: "Type III" }).waitFor();

      await page.getByRole("link", { name: `Withdraw event ${incident}` }).click();
      await page.waitForFunction(() => /#\/events\/\d+\/withdraw/.test(location.hash));
      await settle(page);
      await checkPage(page, "withdrawal form");
      await page.locator("textarea[name=note]").fill("Entered twice by mistake.");
      await page.getByRole("button", { name: "Withdraw event" }).click();
      await page.getByText(new RegExp(`Event ${incident} withdrawn`)).waitFor();
      await page.locator(".rc-events tr", { hasText: incident }).filter({ hasText: "Withdrawn" }).waitFor();
    });
  });

  test("chief: approves a threshold set the coordinator proposed", async () => {
    const root = process.env.ROLLCALL_ROOT || join(process.cwd(), "../..");
    const name = `Browser-test proposal ${Date.now()}`;
    // Sets are never replaced: each takes effect on its own, later date.
    const effective = new Date(Date.UTC(2030, 0, 1) + (Date.now() % 3650) * 86400000).toISOString().slice(0, 10);
    const toml = readFileSync(join(root, "config/thresholds/default.toml"), "utf8")
      .replace(/^name = .*$/m, `name = "${name}"`)
      .replace(/^starting_point = true$/m, "starting_point = false")
      .replace(/^effective_from = .*$/m, `effective_from = ${effective}`)
      .replace(/^committee_recommendation = .*$/m, 'committee_recommendation = "PMP Committee, semi-annual review"')
      .replace(/^chief_approved_by = .*$/m, "");
    await asUser(USERS.coordinator, async (page) => {
      await go(page, "#/thresholds");
      await checkPage(page, "thresholds (coordinator)");
      await page.locator("textarea[name=toml]").fill(toml);
      await page.getByRole("button", { name: "Propose this set" }).click();
      await page.getByText(`Threshold set “${name}” proposed.`).waitFor();
      await page.locator(`.rc-threshold-set[data-status=proposed]`, { hasText: name }).waitFor();
    });
    await asUser(USERS.chief, async (page) => {
      assert.equal(await hash(page), "#/dashboard");
      await go(page, "#/thresholds");
      assert.equal(await page.locator("textarea[name=toml]").count(), 0, "the Chief approves, the Coordinator proposes");
      await checkPage(page, "thresholds (chief)");
      await page.getByRole("button", { name: `Approve this set (${name})` }).click();
      await page.getByText(`Threshold set “${name}” approved.`).waitFor();
      await page.locator(`.rc-threshold-set[data-status=approved]`, { hasText: name }).waitFor();
    });
  });

  test("committee: statistics only, no names", async () => {
    await asUser(USERS.committee, async (page) => {
      const roles = (await apiGet(page, "/session")).body.user.roles;
      const commands = roles.some((r) => ["supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police", "pm-coordinator"].includes(r));
      // The demo's committee member may also lead a unit; as a committee member the start page is the statistics.
      if (!commands) assert.equal(await hash(page), "#/stats");
      await go(page, "#/stats");
      await page.getByRole("heading", { level: 1, name: "PMP statistics" }).waitFor();
      await page.getByRole("heading", { name: "Employees who triggered a review" }).waitFor();
      await checkPage(page, "committee statistics");
      assert.equal(await page.locator('main a[href^="#/employees/"]').count(), 0, "no links to individuals");
      const nav = await navNames(page);
      assert.ok(nav.includes("Statistics") && nav.includes("Thresholds"), `nav: ${nav}`);
      if (!commands) {
        assert.ok(!nav.includes("Dashboard") && !nav.includes("Employees") && !nav.includes("Record event"), `nav: ${nav}`);
        await go(page, "#/dashboard");
        await expectDenied(page);
      }
    });
  });

  for (const [label, username] of [["payroll", USERS.payroll], ["hr", USERS.hr]]) {
    test(`${label}: employees directory, a record without its PMP part`, async () => {
      await asUser(username, async (page) => {
        const roles = (await apiGet(page, "/session")).body.user.roles;
        const commands = roles.some((r) => ["supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police", "pm-coordinator"].includes(r));
        // The demo's HR director also leads the HR section (a captain), whose start page is the inbox.
        if (!commands) assert.equal(await hash(page), "#/employees");
        await go(page, "#/employees");
        await checkPage(page, `${label} directory`);
        // Someone whose PMP record this role may not read (outside any command it holds).
        const listed = await page.locator(".rc-directory tbody tr td:first-of-type").allTextContents();
        let first = null;
        for (const serial of listed.slice(0, 50)) {
          const r = await apiGet(page, `/employees/${encodeURIComponent(serial.trim())}`);
          if (r.status === 200 && r.body.pmp_visible === false) {
            first = serial;
            break;
          }
        }
        assert.ok(first, "an employee outside the role's command is listed");
        await page.getByLabel("Name or serial contains").fill(first.trim());
        await page.getByRole("button", { name: "Search" }).click();
        await page.waitForFunction(() => location.hash.startsWith("#/employees?q="));
        await settle(page);
        const serials = await page.locator(".rc-directory tbody tr td:first-of-type").allTextContents();
        assert.ok(serials.length >= 1 && serials.every((s) => s.includes(first.trim())), `search by serial ${first}: ${serials}`);
        await page.locator(".rc-directory a").first().click();
        await page.waitForFunction(() => /^#\/employees\/[^/?]+$/.test(location.hash));
        await settle(page);
        await page.getByRole("heading", { name: "Chain of command" }).waitFor();
        await page.getByText(/PMP records are confidential/).waitFor();
        assert.equal(await page.locator(".rc-timeline").count(), 0);
        await checkPage(page, `${label} employee record`);
        const nav = await navNames(page);
        assert.ok(nav.includes("Employees"));
        if (!commands) assert.ok(!nav.includes("Dashboard") && !nav.includes("Statistics"), `nav: ${nav}`);
      });
    });
  }

  test("admin: must enrol TOTP first, then reads the audit log; signs in again with a code", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.admin);
      assert.equal(await hash(page), "#/enrol-totp");
      assert.deepEqual(await navNames(page), [], "nothing else until enrolled");
      await checkPage(page, "enrolment required");
      await page.getByRole("button", { name: "Set up an authenticator app" }).click();
      const secret = (await page.getByTestId("totp-secret").textContent()).trim();
      assert.match(await page.getByTestId("totp-uri").textContent(), /^otpauth:\/\/totp\//);
      await checkPage(page, "enrolment secret");
      // A wrong code first, then the right one.
      await page.getByLabel(/^Code from your app/).fill("000000" === totp(secret) ? "111111" : "000000");
      await page.getByRole("button", { name: "Confirm" }).click();
      await page.locator(".usa-form-group--error").waitFor();
      const used = totp(secret);
      await page.getByLabel(/^Code from your app/).fill(used);
      await page.getByRole("button", { name: "Confirm" }).click();
      await page.waitForFunction(() => location.hash !== "#/enrol-totp");
      await settle(page);
      await page.getByText("Two-factor sign-in is on.").waitFor();
      await go(page, "#/audit");
      const rows = await page.locator(".rc-audit tbody tr").count();
      assert.ok(rows > 0, "audit records shown");
      await checkPage(page, "audit log");
      assert.ok((await navNames(page)).includes("Audit log"));
      await go(page, "#/account");
      await page.getByText("Two-factor sign-in is on for this account.").waitFor();
      await checkPage(page, "admin account");

      // Sign out and in again: the code is asked for (a fresh one: codes are single-use).
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForFunction(() => location.hash === "#/sign-in");
      await page.locator("input[name=username]").fill(USERS.admin);
      const { DEMO_PASSWORD } = await import("../lib/constants.js");
      await page.locator("input[name=password]").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator("input[name=totp]").waitFor();
      await checkPage(page, "sign-in asking for a code");
      let code = totp(secret);
      while (code === used) {
        await new Promise((r) => setTimeout(r, 1000));
        code = totp(secret);
      }
      await page.locator("input[name=totp]").fill(code);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForFunction(() => !location.hash.startsWith("#/sign-in"));
      await settle(page);
      await go(page, "#/audit");
      await page.locator(".rc-audit tbody tr").first().waitFor();
    } finally {
      await closePage(page);
    }
  });
});
