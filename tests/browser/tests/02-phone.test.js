// Phone width (390 x 844): the dashboard, the employee page and the review screens fit the
// screen (tables and the timeline scroll inside their own region), and the
// navigation collapses behind the menu button.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { checkPage, closeBrowser, closePage, go, newPage, settle, signIn, SKIP } from "../lib/browser.js";
import { PHONE, USERS } from "../lib/constants.js";

after(closeBrowser);

async function noHorizontalOverflow(page, label) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width + 1, `${label}: the page is ${scroll}px wide on a ${width}px screen`);
}

describe("phone width", { skip: SKIP }, () => {
  test("dashboard and employee page at 390 px", async () => {
    const page = await newPage(PHONE);
    try {
      await signIn(page, USERS.coordinator);
      assert.equal(await page.evaluate(() => location.hash), "#/dashboard");
      await noHorizontalOverflow(page, "dashboard");
      await checkPage(page, "phone dashboard");

      // The navigation is collapsed: the menu button opens and closes it.
      const menu = page.getByRole("button", { name: "Menu" });
      assert.ok(await menu.isVisible(), "menu button shown at phone width");
      const dashboardLink = page.locator(".usa-nav__primary a", { hasText: "Employees" });
      assert.ok(!(await dashboardLink.isVisible()), "navigation hidden until the menu opens");
      await menu.click();
      await dashboardLink.waitFor({ state: "visible" });
      await checkPage(page, "phone menu open");
      await page.getByRole("button", { name: "Close menu" }).click();
      await dashboardLink.waitFor({ state: "hidden" });

      // The triggers table scrolls inside its region rather than widening the page.
      const table = page.locator(".rc-triggers").first();
      if (await table.count()) {
        const region = page.locator(".rc-table", { has: page.locator("table.rc-triggers") });
        const { sw, cw } = await region.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
        assert.ok(cw <= PHONE.width, `table region ${cw}px fits`);
        assert.ok(sw >= cw);
      }

      // Employee page via the first trigger.
      const link = page.locator(".rc-triggers a").first();
      const href = await link.getAttribute("href");
      await go(page, href);
      await page.getByRole("heading", { name: "Performance Mentoring Program" }).waitFor();
      await page.locator(".rc-timeline").waitFor();
      await noHorizontalOverflow(page, "employee page");
      await checkPage(page, "phone employee page");
      const chart = await page.locator(".rc-chart").evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
      assert.ok(chart.cw <= PHONE.width);
      await settle(page);

      // The review screens (3.070-PRO-1); the review page itself is checked at 390 px in 05-review.
      for (const route of ["#/inbox", "#/reviews", "#/reviews/new"]) {
        await go(page, route);
        await noHorizontalOverflow(page, route);
        await checkPage(page, `phone ${route}`);
      }
    } finally {
      await closePage(page);
    }
  });
});
