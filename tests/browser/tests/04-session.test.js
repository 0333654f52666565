// Session edges: a 401 anywhere returns to sign-in with "your session
// expired"; every state-changing request carries X-CSRF-Token; too many
// failed sign-ins show the lockout clearly. (It locks the committee account:
// files after this one never sign in as the committee.)
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { checkPage, closeBrowser, closePage, go, newPage, settle, signIn, SKIP } from "../lib/browser.js";
import { USERS } from "../lib/constants.js";

after(closeBrowser);

describe("session", { skip: SKIP }, () => {
  test("an expired session returns to sign-in, then back to the page", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.coordinator);
      await go(page, "#/stats");
      await page.context().clearCookies();
      await page.getByRole("link", { name: "Thresholds" }).click();
      await page.waitForFunction(() => location.hash === "#/sign-in");
      await page.getByText("Your session expired. Sign in again to continue.").waitFor();
      await checkPage(page, "session expired");
      await page.locator("input[name=username]").fill(USERS.coordinator);
      const { DEMO_PASSWORD } = await import("../lib/constants.js");
      await page.locator("input[name=password]").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForFunction(() => location.hash === "#/thresholds");
      await settle(page);
    } finally {
      await closePage(page);
    }
  });

  test("state-changing requests send X-CSRF-Token and same-origin credentials", async () => {
    const page = await newPage();
    try {
      await signIn(page, USERS.lieutenant);
      const seen = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/v1/") && r.method() !== "GET") seen.push({ method: r.method(), csrf: r.headers()["x-csrf-token"] });
      });
      await go(page, "#/account");
      await page.locator("input[name=name]").fill(`csrf check ${Date.now()}`);
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByText(/Copy it now/).waitFor();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForFunction(() => location.hash === "#/sign-in");
      assert.ok(seen.length >= 2, `saw ${JSON.stringify(seen)}`);
      for (const r of seen) assert.ok(r.csrf && r.csrf.length > 8, `${r.method} carries X-CSRF-Token`);
    } finally {
      await closePage(page);
    }
  });

  test("lockout after repeated failures is shown clearly", async () => {
    const page = await newPage();
    try {
      await page.goto("/#/sign-in");
      await settle(page);
      let locked = false;
      for (let i = 0; i < 8 && !locked; i++) {
        await page.locator("input[name=username]").fill(USERS.committee);
        await page.locator("input[name=password]").fill(`wrong-password-${i}`);
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/api/v1/session") && r.request().method() === "POST"),
          page.getByRole("button", { name: "Sign in" }).click(),
        ]);
        await page.getByRole("button", { name: "Sign in" }).waitFor();
        await page.locator(".rc-form-messages .usa-alert").waitFor();
        locked = (await page.getByRole("heading", { name: "Account locked" }).count()) > 0;
      }
      assert.ok(locked, "the account locks after repeated failures");
      assert.match(await page.locator(".rc-locked").textContent(), /try again in \d+ minutes?/);
      await checkPage(page, "locked");
    } finally {
      await closePage(page);
    }
  });
});
