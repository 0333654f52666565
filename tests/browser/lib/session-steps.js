// Helpers the time-off browser tests (07, 08, 09) share: a POST through the
// signed-in page (its cookie and CSRF token), a visit that reloads when the
// page is already there, civil-date arithmetic, and "as USER, do …" with a
// fresh page that is always closed.
import { closePage, hash, newPage, settle, signIn } from "./browser.js";

/** POST /api/v1{path} as the page's signed-in user: { status, body }. */
export async function apiPost(page, path, body) {
  return page.evaluate(
    async ({ path, body }) => {
      const s = await (await fetch("/api/v1/session")).json();
      const r = await fetch(`/api/v1${path}`, { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { path, body },
  );
}

/** Goes to `to` (a "#/…" route), reloading if it is the current one, and waits for it to settle. */
export async function visit(page, to) {
  if ((await hash(page)) === to) await page.reload();
  else await page.goto(`/${to}`);
  await settle(page);
}

/** The civil date `n` days after `day` (YYYY-MM-DD). */
export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Signs `username` in on a fresh page (at `viewport`), runs `fn(page)`, closes the page. */
export async function as(username, fn, viewport) {
  const page = await newPage(viewport);
  try {
    await signIn(page, username);
    return await fn(page);
  } finally {
    await closePage(page);
  }
}
