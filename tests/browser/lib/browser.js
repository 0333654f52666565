// Shared helpers: one Chromium (Debian's, never a downloaded one), a fresh
// context per test, sign-in through the UI, and the axe-core check.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, DEMO_PASSWORD, DESKTOP } from "./constants.js";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");
export const BASE = (process.env.ROLLCALL_URL || "").replace(/\/$/, "");

let browser = null;

export async function launch() {
  if (browser) return browser;
  // Playwright gives every launch a fresh temporary profile (it refuses a
  // --user-data-dir argument), so no state is shared between runs.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return browser;
}

export async function closeBrowser() {
  if (browser) await browser.close();
  browser = null;
}

/** A fresh page (own cookies) that fails the test on CSP violations and page errors. */
export async function newPage(viewport = DESKTOP) {
  const b = await launch();
  const context = await b.newContext({ viewport, baseURL: BASE });
  // axe-core goes in as an init script: the server's Content-Security-Policy
  // (rightly) refuses page.addScriptTag's inline script, and init scripts are
  // injected by the browser itself, outside the page's CSP.
  await context.addInitScript({ path: AXE_PATH });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) page.problems.push(`CSP: ${m.text()}`);
  });
  return page;
}

export async function closePage(page) {
  await page.context().close();
}

/** Signs in through the form; returns once the first page after sign-in has rendered. */
export async function signIn(page, username, { password = DEMO_PASSWORD, totpCode } = {}) {
  await page.goto("/#/sign-in");
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (totpCode) {
    const field = page.locator("input[name=totp]");
    await field.waitFor();
    await field.fill(typeof totpCode === "function" ? totpCode() : totpCode);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await page.waitForFunction(() => !location.hash.startsWith("#/sign-in"));
  await settle(page);
}

/** Waits until the current route has rendered (no "Loading…" left). */
export async function settle(page) {
  await page.waitForFunction(() => document.querySelector("main h1") && !document.querySelector("main .rc-loading"), null, { timeout: 20000 });
}

export async function go(page, hash) {
  await page.goto(`/${hash}`);
  await settle(page);
}

/** axe-core on the current page; returns violations of impact serious or critical. */
export async function axe(page) {
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(vs) {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help} [${v.nodes.join(", ")}]`).join("\n");
}

/** Fails when the page has serious/critical axe violations or CSP/page errors. */
export async function checkPage(page, label = "") {
  const { default: assert } = await import("node:assert/strict");
  await settle(page);
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe ${label || page.url()}:\n${describeViolations(violations)}`);
  assert.deepEqual(page.problems, [], `page problems on ${label || page.url()}`);
}

/** The hash route the page is on, e.g. "#/dashboard". */
export async function hash(page) {
  return page.evaluate(() => location.hash);
}

/** GET /api/v1/... from inside the page (the session cookie goes along). */
export async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`, { credentials: "same-origin" });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, path);
}

/** The names of the primary navigation links. */
export async function navNames(page) {
  return page.locator(".usa-nav__primary a").allTextContents();
}

export const SKIP = BASE ? false : "ROLLCALL_URL is not set: run scripts/browser-tests.sh (it starts `rollcall serve`)";
