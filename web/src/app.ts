// Hash router and the page frame (header, navigation, main region).
import closeIcon from "@uswds/uswds/img/usa-icons/close.svg";
import { api, ApiError, onUnauthorized } from "./api";
import { h, put, type Child } from "./dom";
import { can, loadSession, session, setSession } from "./session";
import { alert, errorAlert, loading } from "./ui";

export interface Route {
  path: string;
  params: string[];
  query: URLSearchParams;
}

export type Page = (main: HTMLElement, route: Route) => Promise<void> | void;

interface RouteDef {
  pattern: RegExp;
  page: Page;
  /** false for pages shown without a session (sign-in) */
  auth: boolean;
  allowed?: () => boolean;
  /** a route that only sends the user elsewhere (it keeps the flash message for the target) */
  redirect?: () => string;
  title: string;
}

const routes: RouteDef[] = [];
let notice: { kind: "success" | "info" | "warning"; text: string } | null = null;
let returnTo: string | null = null;
let renderSeq = 0;

export function addRoute(pattern: RegExp, title: string, page: Page, opts: { auth?: boolean; allowed?: () => boolean; redirect?: () => string } = {}): void {
  routes.push({ pattern, page, title, auth: opts.auth ?? true, allowed: opts.allowed, redirect: opts.redirect });
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, q = ""] = raw.split("?", 2);
  return { path: path || "/", params: [], query: new URLSearchParams(q) };
}

export function navigate(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

/** A message shown once at the top of the next page rendered. */
export function flash(kind: "success" | "info" | "warning", text: string): void {
  notice = { kind, text };
}

/** The hash to return to after signing in. */
export function takeReturnTo(): string {
  const r = returnTo && !returnTo.startsWith("#/sign-in") ? returnTo : "#/";
  returnTo = null;
  return r;
}

/** True if this render is still the newest (a slow fetch must not overwrite a newer page). */
export function current(seq: number): boolean {
  return seq === renderSeq;
}
export function seq(): number {
  return renderSeq;
}

// ---- frame

const header = h("div", { id: "rc-header" });
const main = h("main", { id: "main-content", class: "grid-container rc-main", tabindex: "-1" });
const overlay = h("div", { class: "usa-overlay" });

function closeMenu(): void {
  document.body.classList.remove("usa-js-mobile-nav--active");
  header.querySelector(".usa-nav")?.classList.remove("is-visible");
  overlay.classList.remove("is-visible");
}

function toggleMenu(open: boolean): void {
  const nav = header.querySelector(".usa-nav");
  const btn = header.querySelector<HTMLButtonElement>(".usa-menu-btn");
  if (!nav || !btn) return;
  document.body.classList.toggle("usa-js-mobile-nav--active", open);
  nav.classList.toggle("is-visible", open);
  overlay.classList.toggle("is-visible", open);
  btn.setAttribute("aria-expanded", String(open));
  if (open) nav.querySelector<HTMLElement>(".usa-nav__close")?.focus();
  else btn.focus();
}

function navItems(): [string, string, boolean][] {
  const s = session();
  if (!s) return [];
  const own = s.user.serial ? `#/employees/${encodeURIComponent(s.user.serial)}` : "";
  return [
    ["#/inbox", "Inbox", can.inbox()],
    ["#/dashboard", "Dashboard", can.dashboard()],
    ["#/reviews", "Reviews", can.reviews()],
    ["#/plans", "Plans", can.plans()],
    [own, "My record", can.ownRecord() && !s.user.totp_enrolment_required],
    ["#/events/new", "Record event", can.recordEvents()],
    ["#/time-off", "Time off", can.ownRecord()],
    ["#/time-off/records", "Time records", can.timeRecords()],
    ["#/time-off/approvals", "Leave approvals", can.approveLeave()],
    ["#/time-off/calendar", "Team calendar", can.teamCalendar()],
    ["#/timesheets", "Timesheets", can.ownRecord() || can.approveLeave()],
    ["#/time-records", "Decisions", can.timeRecordDecisions()],
    ["#/payroll", "Payroll", can.payroll()],
    ["#/hr", "AWOL memos", can.hr()],
    ["#/fml", "FML copies", can.fml()],
    ["#/employees", "Employees", can.directory()],
    ["#/thresholds", "Thresholds", can.thresholds()],
    ["#/stats", "Statistics", can.stats()],
    ["#/committee", "Committee", can.committee()],
    ["#/audit", "Audit log", can.audit()],
    ["#/account", "Account", true],
  ];
}

function renderHeader(route: Route): void {
  const s = session();
  const enrolling = !!s?.user.totp_enrolment_required;
  const items = s && !enrolling ? navItems().filter(([, , ok]) => ok) : [];
  const here = `#${route.path}`;
  const isCurrent = (href: string) => href === here || (href !== "#/employees" && href !== "#/time-off" && here.startsWith(`${href}/`)) || (href === "#/employees" && route.path === "/employees");
  const nav = s
    ? h(
        "nav",
        { "aria-label": "Primary navigation", class: "usa-nav" },
        h(
          "div",
          { class: "usa-nav__inner" },
          h("button", { type: "button", class: "usa-nav__close", onclick: () => toggleMenu(false) }, h("img", { src: closeIcon, role: "img", alt: "Close menu" })),
          h(
            "ul",
            { class: "usa-nav__primary usa-accordion" },
            items.map(([href, text]) =>
              h(
                "li",
                { class: "usa-nav__primary-item" },
                h("a", { href, class: `usa-nav-link${isCurrent(href) ? " usa-current" : ""}`, "aria-current": isCurrent(href) ? "page" : null, onclick: closeMenu }, h("span", null, text), href === "#/inbox" ? inboxBadge : null),
              ),
            ),
          ),
          h(
            "div",
            { class: "usa-nav__secondary" },
            h(
              "ul",
              { class: "usa-nav__secondary-links" },
              h("li", { class: "usa-nav__secondary-item rc-whoami" }, `Signed in as ${s.user.name || s.user.username}`),
              h("li", { class: "usa-nav__secondary-item" }, h("button", { type: "button", class: "usa-button usa-button--unstyled rc-signout", onclick: signOut }, "Sign out")),
            ),
          ),
        ),
      )
    : null;
  header.replaceChildren(
    h(
      "header",
      { class: "usa-header usa-header--extended" },
      h(
        "div",
        { class: "usa-navbar" },
        h("div", { class: "usa-logo" }, h("em", { class: "usa-logo__text" }, h("a", { href: "#/", title: "rollcall home" }, "rollcall"))),
        s ? h("button", { type: "button", class: "usa-menu-btn", "aria-expanded": "false", onclick: () => toggleMenu(true) }, "Menu") : null,
      ),
      nav,
    ),
  );
}

// ---- the inbox badge: how many of the caller's review steps are overdue

const inboxBadge = h("span", { class: "usa-tag rc-nav-badge", hidden: true });
let inboxSeq = 0;

/** Shows `overdue` on the Inbox navigation item (hidden at 0). */
export function setInboxOverdue(overdue: number): void {
  inboxBadge.hidden = overdue <= 0;
  inboxBadge.replaceChildren(String(overdue), h("span", { class: "usa-sr-only" }, overdue === 1 ? " overdue task" : " overdue tasks"));
}

/** Asks GET /inbox for the overdue count, in the background; failures leave the badge as it was. */
export function refreshInboxBadge(): void {
  if (!session() || session()?.user.totp_enrolment_required) return;
  inboxSeq += 1;
  const mine = inboxSeq;
  api<{ overdue: number }>("GET", "/inbox")
    .then((r) => {
      if (mine === inboxSeq && session()) setInboxOverdue(Number(r?.overdue ?? 0));
    })
    .catch(() => undefined);
}

async function signOut(): Promise<void> {
  closeMenu();
  try {
    await api("DELETE", "/session", { expect401: true });
  } catch {
    // signed out either way
  }
  setSession(null);
  setInboxOverdue(0);
  flash("info", "You signed out.");
  navigate("#/sign-in");
}

// ---- rendering

async function render(): Promise<void> {
  renderSeq += 1;
  const mySeq = renderSeq;
  const route = parseHash(location.hash);
  closeMenu();

  if (!route.path.startsWith("/")) return; // an in-page anchor such as the skip link

  let def = routes.find((r) => r.pattern.test(route.path));
  const s = session();
  if (def && def.auth && !s) {
    returnTo = location.hash;
    location.replace("#/sign-in");
    return;
  }
  if (s && s.user.totp_enrolment_required && route.path !== "/enrol-totp" && route.path !== "/sign-in") {
    location.replace("#/enrol-totp");
    return;
  }
  if (def?.redirect) {
    location.replace(def.redirect());
    return;
  }
  renderHeader(route);
  if (route.path !== "/inbox") refreshInboxBadge(); // the inbox page sets it from its own answer
  const banner: Child = notice ? alert(notice.kind, null, h("p", { class: "usa-alert__text" }, notice.text)) : null;
  notice = null;

  if (!def) {
    document.title = "Not found — rollcall";
    main.replaceChildren(h("h1", { tabindex: "-1" }, "Page not found"), alert("warning", null, h("p", null, "There is no such page. ", h("a", { href: "#/", class: "usa-link" }, "Go to your start page"), ".")));
    return;
  }
  const m = def.pattern.exec(route.path);
  route.params = m ? m.slice(1).map((p) => decodeURIComponent(p)) : [];
  document.title = `${def.title} — rollcall`;

  if (def.allowed && !def.allowed()) {
    main.replaceChildren(
      h("h1", { tabindex: "-1" }, def.title),
      errorAlert(new ApiError(403, "forbidden", "")),
    );
    return;
  }

  const pageRoot = h("div", { class: "rc-page" });
  put(main, banner, pageRoot);
  pageRoot.append(loading());
  try {
    await def.page(pageRoot, route);
  } catch (err) {
    if (!current(mySeq)) return;
    pageRoot.replaceChildren(h("h1", { tabindex: "-1" }, def.title), errorAlert(err));
  }
  if (!current(mySeq)) return;
  pageRoot.querySelector(".rc-loading")?.remove();
  const h1 = main.querySelector<HTMLElement>("h1");
  if (h1 && document.activeElement === document.body) h1.focus({ preventScroll: true });
}

export async function start(root: HTMLElement): Promise<void> {
  const skip = h("a", { class: "usa-skipnav", href: "#main-content", onclick: (ev: Event) => { ev.preventDefault(); main.focus(); } }, "Skip to main content");
  const footer = h(
    "footer",
    { class: "usa-footer usa-footer--slim" },
    h("div", { class: "usa-footer__secondary-section" }, h("div", { class: "grid-container" }, h("p", { class: "rc-footer" }, "rollcall — Performance Mentoring Program records are non-punitive and confidential (Seattle Police Manual 3.070)."))),
  );
  root.replaceChildren(skip, header, overlay, main, footer);
  overlay.addEventListener("click", () => toggleMenu(false));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.body.classList.contains("usa-js-mobile-nav--active")) toggleMenu(false);
  });
  onUnauthorized(() => {
    if (!session()) return;
    setSession(null);
    returnTo = location.hash;
    flash("warning", "Your session expired. Sign in again to continue.");
    location.replace("#/sign-in");
  });
  window.addEventListener("hashchange", () => void render());
  main.replaceChildren(loading());
  await loadSession();
  await render();
}

export function rerender(): void {
  void render();
}
