// Every page, checked with axe-core (zero serious or critical violations)
// and for CSP violations, including the states the role walks do not reach:
// the signed-out sign-in page, sign-in errors, the statistics, the
// directory, the account page, an unknown route.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { checkPage, closeBrowser, closePage, go, newPage, settle, signIn, SKIP } from "../lib/browser.js";
import { USERS } from "../lib/constants.js";

after(closeBrowser);

describe("accessibility of every page", { skip: SKIP }, () => {
  test("sign-in page, its validation and a wrong password", async () => {
    const page = await newPage();
    try {
      await page.goto("/");
      await page.waitForFunction(() => location.hash === "#/sign-in");
      await settle(page);
      await checkPage(page, "sign-in");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator(".usa-form-group--error").first().waitFor();
      await checkPage(page, "sign-in with errors");
      await page.locator("input[name=username]").fill("nobody-here");
      await page.locator("input[name=password]").fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Sign-in failed" }).waitFor();
      await checkPage(page, "sign-in failed");
    } finally {
      await closePage(page);
    }
  });

  test("coordinator's pages", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.coordinator);
      for (const route of ["#/dashboard", "#/dashboard?indicator=G", "#/inbox", "#/reviews", "#/reviews?state=final&overdue=1", "#/reviews/new", "#/reviews/999999", "#/events/new", "#/employees", "#/thresholds", "#/stats", "#/account", "#/no-such-page"]) {
        await go(page, route);
        await checkPage(page, route);
      }
      // The event form showing every kind's fields and errors.
      await go(page, "#/events/new");
      for (const kind of ["supervisory-recommendation", "use-of-force", "vehicle-collision", "complaint", "claim", "pursuit"]) {
        await page.locator("select[name=kind]").selectOption(kind);
        await page.getByRole("button", { name: "Record event" }).click();
        await page.locator(".usa-alert--error").first().waitFor();
        await checkPage(page, `event form (${kind}) with errors`);
      }
      // A date in the future is refused before anything is sent.
      await page.locator("select[name=kind]").selectOption("pursuit");
      await page.locator("input[name=employee_serial]").fill("1");
      await page.locator("input[name=incident_number]").fill("X-1");
      await page.locator("input[name=date]").fill("2999-01-01");
      await page.getByRole("button", { name: "Record event" }).click();
      await page.getByText("The date cannot be in the future.").first().waitFor();
    } finally {
      await closePage(page);
    }
  });

  test("server-side 422 details appear next to the named field", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.coordinator);
      await go(page, "#/events/new");
      await page.locator("input[name=employee_serial]").fill("no-such-serial-000");
      await page.locator("select[name=kind]").selectOption("pursuit");
      await page.locator("input[name=date]").fill("2020-01-01");
      await page.locator("input[name=incident_number]").fill(`BT-422-${Date.now()}`);
      await page.getByRole("button", { name: "Record event" }).click();
      const group = page.locator(".usa-form-group--error", { has: page.locator("input[name=employee_serial]") });
      await group.waitFor();
      assert.match(await group.locator(".usa-error-message").textContent(), /Employee serial/);
      await checkPage(page, "event form with a server error");
    } finally {
      await closePage(page);
    }
  });

  test("account page: password rules and API tokens", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.captain);
      await go(page, "#/account");
      await checkPage(page, "account");
      await page.locator("input[name=current_password]").fill("demo-pass-2026");
      await page.locator("input[name=new_password]").fill("short");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.getByText("Use at least 12 characters.").first().waitFor();
      await checkPage(page, "account with errors");
      const name = `browser test ${Date.now()}`;
      await page.locator("input[name=name]").fill(name);
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByText(/Copy it now/).waitFor();
      await page.getByRole("button", { name: `Revoke token ${name}` }).click();
      await page.getByText(`Token “${name}” revoked.`).waitFor();
      await checkPage(page, "account after revoking");
      await go(page, "#/stats");
      await checkPage(page, "captain statistics");
    } finally {
      await closePage(page);
    }
  });
});
