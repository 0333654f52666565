#!/usr/bin/env node
// DEVELOPMENT ONLY: serves web/dist and answers /api/v1/* from
// fixtures/data.json (in memory), with the real server's security headers, so
// the front end can be worked on without `rollcall serve`. The committed
// browser tests never use it; they run against the real server.
//   node tests/browser/fixture-server.mjs [--port 8088] [--web web/dist]
import { createHmac } from "node:crypto";
import { readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const here = new URL(".", import.meta.url).pathname;
const web = resolve(opt("--web", join(here, "../../web/dist")));
const data = JSON.parse(readFileSync(join(here, "fixtures/data.json"), "utf8"));
const PASSWORD = "demo-pass-2026";
const sessions = new Map();
const fails = new Map();
const totp = new Map();
const tokens = [];
const reviews = [];
const audit = [];
const thresholdSets = [
  { id: 1, name: "Default starting point (not approved)", effective_from: "2000-01-01", starting_point: true, status: "starting-point", recent_review_months: 12,
    initial: { A: { count: 1, months: 1 }, B: { count: 3, months: 6 }, C: { count: 2, months: 12 }, D: { count: 3, months: 12 }, E: { count: 2, months: 36 }, F: { count: 2, months: 6 }, G: { count: 6, months: 12 } },
    recent_review: { A: { count: 1, months: 1 }, B: { count: 2, months: 6 }, C: { count: 1, months: 6 }, D: { count: 2, months: 12 }, E: { count: 2, months: 36 }, F: { count: 2, months: 6 }, G: { count: 5, months: 12 } },
    committee_recommendation: "", committee_recommended_on: null, chief_approved_by: "", chief_approved_on: null },
];
const unit = (id) => { const u = data.units.find((x) => x.id === id); return u ? { id: u.id, code: u.code, name: u.name, kind: u.kind } : null; };
const emp = (s) => data.employees.find((e) => e.serial === s) ?? Object.values(data.users).map((u) => ({ serial: u.serial, name: u.name, rank: "", category: "civilian", status: "active", hire_date: "2010-01-01", unit: u.unit, precinct: null })).find((e) => e.serial === s);
const empOut = (e) => ({ ...e, unit: unit(e.unit), precinct: unit(e.precinct) });
const SCOPED = { supervisor: 6, lieutenant: 5, captain: 3, "bureau-chief": 2, "chief-of-police": 1 };
function inScope(user, serial) {
  if (user.roles.includes("pm-coordinator") || user.roles.includes("chief-of-police")) return true;
  const e = emp(serial);
  if (!e) return false;
  const led = Object.entries(SCOPED).filter(([r]) => user.roles.includes(r)).map(([, u]) => u);
  const chainUnits = []; let u = e.unit;
  while (u) { chainUnits.push(u); u = data.units.find((x) => x.id === u)?.parent_id; }
  return led.some((l) => chainUnits.includes(l)) && user.serial !== serial;
}
const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
};
const fail = (res, status, code, message, details) => send(res, status, { error: { status, code, message, ...(details ? { details } : {}) } });
function base32(buf) { const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; let bits = 0, v = 0, out = ""; for (const b of buf) { v = (v << 8) | b; bits += 8; while (bits >= 5) { out += a[(v >>> (bits - 5)) & 31]; bits -= 5; } } if (bits) out += a[(v << (5 - bits)) & 31]; return out; }
function unbase32(s) { const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; let bits = 0, v = 0; const out = []; for (const c of s.replace(/=+$/, "")) { v = (v << 5) | a.indexOf(c); bits += 5; if (bits >= 8) { out.push((v >>> (bits - 8)) & 255); bits -= 8; } } return Buffer.from(out); }
function code(secret, t = Date.now()) { const c = Buffer.alloc(8); c.writeBigUInt64BE(BigInt(Math.floor(t / 30000))); const m = createHmac("sha1", unbase32(secret)).update(c).digest(); const o = m[19] & 15; return String(((m.readUInt32BE(o) & 0x7fffffff) % 1000000)).padStart(6, "0"); }
const body = (req) => new Promise((ok) => { let b = ""; req.on("data", (c) => (b += c)); req.on("end", () => ok(b)); });

async function apiRoute(req, res, url) {
  const p = url.pathname.replace(/^\/api\/v1/, "");
  const m = req.method;
  const raw = await body(req);
  const json = () => { try { return JSON.parse(raw || "{}"); } catch { return {}; } };
  const sid = /rollcall_session=([^;]+)/.exec(req.headers.cookie || "")?.[1];
  const sess = sid && sessions.get(sid);
  if (p === "/session" && m === "POST") {
    const { username, password, totp: t } = json();
    const u = data.users[username];
    if ((fails.get(username) || 0) >= 5) return res.writeHead(429, { "Retry-After": "900", "Content-Type": "application/json" }), res.end(JSON.stringify({ error: { status: 429, code: "locked", message: "account locked" } }));
    if (!u || password !== PASSWORD) { fails.set(username, (fails.get(username) || 0) + 1); return fail(res, 401, "bad_credentials", "bad username or password"); }
    const enrolled = totp.get(username);
    if (enrolled?.on) { if (!t) return fail(res, 401, "totp_required", "code required"); if (t !== code(enrolled.secret)) return fail(res, 401, "totp_invalid", "wrong code"); }
    const id = Math.random().toString(36).slice(2); const csrf = Math.random().toString(36).slice(2);
    sessions.set(id, { username, csrf });
    return send(res, 200, sessionOut(username, csrf), { "Set-Cookie": `rollcall_session=${id}; HttpOnly; SameSite=Strict; Path=/` });
  }
  if (!sess) return fail(res, 401, "unauthenticated", "sign in");
  const user = { ...data.users[sess.username], username: sess.username };
  if (m !== "GET" && req.headers["x-csrf-token"] !== sess.csrf) return fail(res, 403, "csrf", "missing CSRF token");
  audit.unshift({ seq: audit.length + 1, at: new Date().toISOString(), actor: sess.username, action: `${m} ${p}`, entity: p.split("/")[1], key: "", details: {} });
  const has = (...r) => user.roles.some((x) => r.includes(x));
  if (p === "/session" && m === "GET") return send(res, 200, sessionOut(sess.username, sess.csrf));
  if (p === "/session" && m === "DELETE") { sessions.delete(sid); return send(res, 204); }
  if (p === "/session/totp" && m === "POST") { const secret = base32(Buffer.from(Math.random().toString(36).repeat(3)).subarray(0, 20)); totp.set(sess.username, { secret, on: false }); return send(res, 200, { secret, otpauth_uri: `otpauth://totp/rollcall:${sess.username}?secret=${secret}&issuer=rollcall` }); }
  if (p === "/session/totp/confirm" && m === "POST") { const t = totp.get(sess.username); if (!t || json().code !== code(t.secret)) return fail(res, 422, "totp_invalid", "wrong code", [{ field: "code", message: "wrong code" }]); t.on = true; return send(res, 204); }
  if (p === "/session/password" && m === "POST") { const b = json(); if (b.current_password !== PASSWORD) return fail(res, 401, "bad_credentials", "wrong"); if ((b.new_password || "").length < 12) return fail(res, 422, "weak_password", "too short", [{ field: "new_password", message: "at least 12 characters" }]); return send(res, 204); }
  if (sess.username === "admin" && !totp.get("admin")?.on) return fail(res, 403, "totp_enrolment_required", "enrol a second factor first");
  if (p === "/tokens" && m === "GET") return send(res, 200, { tokens: tokens.filter((t) => t.owner === sess.username).map(({ owner, ...t }) => t) });
  if (p === "/tokens" && m === "POST") { const t = { id: tokens.length + 1, name: json().name, created_at: new Date().toISOString(), last_used_at: null, owner: sess.username }; tokens.push(t); return send(res, 201, { id: t.id, name: t.name, token: "rc_" + Math.random().toString(36).slice(2) }); }
  if (/^\/tokens\/\d+$/.test(p) && m === "DELETE") { const i = tokens.findIndex((t) => t.id === Number(p.split("/")[2])); if (i >= 0) tokens.splice(i, 1); return send(res, 204); }
  if (p === "/units") return send(res, 200, { units: data.units });
  if (p === "/employees") {
    if (!has("hr-director", "payroll", "pm-coordinator", "supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police", "administrator")) return send(res, 200, { total: 1, employees: [empOut(emp(user.serial))] });
    const q = (url.searchParams.get("q") || "").toLowerCase();
    const list = data.employees.filter((e) => (has("hr-director", "payroll", "pm-coordinator", "administrator") || inScope(user, e.serial)) && (!q || e.name.toLowerCase().includes(q) || e.serial.includes(q)));
    return send(res, 200, { total: list.length, employees: list.map(empOut) });
  }
  let mm = /^\/employees\/([^/]+)(\/pmp)?$/.exec(p);
  if (mm) {
    const serial = decodeURIComponent(mm[1]); const e = emp(serial);
    if (!e) return fail(res, 404, "not_found", "no such employee");
    const self = serial === user.serial;
    if (mm[2]) {
      if (!self && !inScope(user, serial)) return fail(res, 403, "forbidden", "PMP records are confidential to the employee's chain of command, the Coordinator and the employee");
      const events = data.events.filter((x) => x.employee_serial === serial);
      const trig = data.triggers.filter((t) => t.serial === serial).map((t) => trigOut(t));
      const standing = ["A", "B", "C", "D", "E", "F", "G"].map((k) => { const th = thresholdSets[0].initial[k]; const c = events.filter((x) => x.qualifies && !x.withdrawn && (k === "G" || x.indicator === k)).length; return { indicator: k, count: c, threshold: th, table: "initial", reached: c >= th.count }; });
      return send(res, 200, { employee: { serial, name: e.name, unit: unit(e.unit), precinct: unit(e.precinct) }, as_of: url.searchParams.get("as_of") || data.today, events, triggers: trig, standing });
    }
    if (!self && !inScope(user, serial) && !has("hr-director", "payroll", "administrator")) return fail(res, 403, "forbidden", "not the employee, their chain of command, HR or Payroll");
    return send(res, 200, { ...empOut(e), pmp_visible: self || inScope(user, serial), chain: [{ unit: unit(6), serial: "1004", name: "Sgt. Evans", acting: true }, { unit: unit(5), serial: "1003", name: "Lt. Diaz", acting: false }, { unit: unit(3), serial: "1002", name: "Capt. Chen", acting: false }, { unit: unit(2), serial: "1001", name: "Chief Baker", acting: false }, { unit: unit(1), serial: "1000", name: "Chief Alvarez", acting: false }] });
  }
  if (p === "/triggers") {
    if (!has("pm-coordinator", "supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police")) return fail(res, 403, "forbidden", "the dashboard is for the Coordinator and commanders");
    const f = url.searchParams; let list = data.triggers.filter((t) => inScope(user, t.serial));
    if (f.get("indicator")) list = list.filter((t) => t.indicator === f.get("indicator"));
    if (f.get("from")) list = list.filter((t) => t.date >= f.get("from"));
    if (f.get("to")) list = list.filter((t) => t.date <= f.get("to"));
    if (f.get("precinct")) list = list.filter((t) => String(emp(t.serial).precinct) === f.get("precinct"));
    const by_indicator = {}; for (const t of list) by_indicator[t.indicator] = (by_indicator[t.indicator] || 0) + 1;
    return send(res, 200, { total: list.length, counts: { by_indicator, by_precinct: list.length ? [{ unit: unit(3), count: list.length }] : [] }, triggers: list.map(trigOut) });
  }
  if (p === "/events" && m === "POST") {
    if (!has("pm-coordinator", "supervisor", "lieutenant", "captain", "bureau-chief", "chief-of-police")) return fail(res, 403, "forbidden", "not allowed");
    const b = json(); const details = [];
    if (!emp(b.employee_serial)) details.push({ field: "employee_serial", message: "no such employee" });
    if (b.date > data.today) details.push({ field: "date", message: "in the future" });
    if (/^X/.test(b.incident_number || "")) details.push({ field: "incident_number", message: "server says this incident number is malformed" });
    if (details.length) return fail(res, 422, "invalid", "invalid event", details);
    const ind = { "supervisory-recommendation": "A", "use-of-force": "B", "vehicle-collision": "C", complaint: "D", claim: "E", pursuit: "F" }[b.kind];
    const ev = { ...b, id: data.events.length + 1, version: 1, indicator: ind, qualifies: true, withdrawn: false, recorded_at: new Date().toISOString(), recorded_by: sess.username };
    data.events.push(ev); return send(res, 201, ev);
  }
  mm = /^\/events\/(\d+)(\/corrections|\/withdrawal)?$/.exec(p);
  if (mm) {
    const ev = data.events.find((x) => x.id === Number(mm[1])); if (!ev) return fail(res, 404, "not_found", "no such event");
    if (!mm[2]) return send(res, 200, { versions: [ev] });
    if (mm[2] === "/withdrawal") { ev.withdrawn = true; ev.version += 1; return send(res, 200, ev); }
    Object.assign(ev, json(), { version: ev.version + 1 }); return send(res, 200, ev);
  }
  if (p === "/stats") { if (!has("pm-coordinator", "pmp-committee", "chief-of-police", "bureau-chief", "captain")) return fail(res, 403, "forbidden", "statistics are for the Committee"); return send(res, 200, { from: "2025-11-24", to: data.today, triggers_by_indicator: { B: 1, F: 1 }, triggers_by_precinct: [{ unit: unit(3), count: 2 }], events_by_kind: { "use-of-force": 3, complaint: 1, pursuit: 2 }, employees_triggered: 2 }); }
  if (p === "/thresholds" && m === "GET") { if (!has("pm-coordinator", "pmp-committee", "chief-of-police", "bureau-chief")) return fail(res, 403, "forbidden", "no"); return send(res, 200, { sets: [...thresholdSets].reverse() }); }
  if (p === "/thresholds" && m === "POST") {
    if (!has("pm-coordinator")) return fail(res, 403, "forbidden", "only the Coordinator proposes");
    const name = /^name\s*=\s*"([^"]*)"/m.exec(raw)?.[1]; if (!name) return fail(res, 422, "invalid", "invalid set", [{ line: 1, field: "name", message: "name is required" }]);
    const set = { ...thresholdSets[0], id: thresholdSets.length + 1, name, starting_point: false, status: "proposed", committee_recommendation: "Committee, 2026-11", effective_from: "2027-01-01" }; thresholdSets.push(set); return send(res, 201, set);
  }
  mm = /^\/thresholds\/(\d+)\/approval$/.exec(p);
  if (mm && m === "POST") { if (!has("chief-of-police")) return fail(res, 403, "forbidden", "only the Chief approves"); const s = thresholdSets.find((x) => x.id === Number(mm[1])); if (s.status === "approved") return fail(res, 409, "conflict", "already approved"); Object.assign(s, { status: "approved", chief_approved_by: user.name, chief_approved_on: data.today }); return send(res, 200, s); }
  // Reviews (3.070-PRO-1), simplified: no role or chain checks; each step moves to the state named here.
  const NEXT = { "notify-captain": "captain-notified", "assign-lieutenant": "lieutenant-assigned", "review-circumstances": "lieutenant-reviewed", "assign-sergeant": "sergeant-assigned", "review-incidents": "sergeant-reviewed", recommend: "sergeant-recommended", "develop-plan": "plan-developed", submit: "submitted-to-lieutenant", "return-to-sergeant": "returned-to-sergeant", "lieutenant-recommend": "captain-review", "return-to-lieutenant": "returned-to-lieutenant", designate: "captain-designated", "forward-to-coordinator": "forwarded-to-coordinator", receive: "received-by-coordinator", "forward-to-bureau-chief": "bureau-chief-review", concur: "plan-designated", "return-for-additional-action": "returned-to-captain" };
  const AWAIT = Object.fromEntries(Object.entries(NEXT).map(([a, st]) => [st, a]));
  AWAIT.identified = "notify-captain"; AWAIT["returned-to-sergeant"] = "recommend"; AWAIT["returned-to-lieutenant"] = "lieutenant-recommend"; AWAIT["returned-to-captain"] = "designate";
  const rvOut = (r) => { const a = AWAIT[r.state]; const fin = r.state === "plan-designated"; const e = emp(r.serial); return { ...r, employee: { serial: e.serial, name: e.name, unit: unit(e.unit), precinct: unit(e.precinct) }, final: fin, awaiting: fin ? null : { step: "3.070-PRO-1", what: a, role: "", person: null }, due: fin ? null : data.today, overdue: false, opened: r.history[0].on, my_actions: fin ? [] : [a, ...(has("pm-coordinator") ? ["assist"] : [])] }; };
  if (p === "/inbox") return send(res, 200, { items: reviews.filter((r) => r.state !== "plan-designated").map((r) => ({ ...rvOut(r), kind: "pmp-review", actions: rvOut(r).my_actions })), overdue: 0, today: data.today });
  if (p === "/reviews" && m === "GET") { const list = reviews.filter((r) => inScope(user, r.serial)).map(rvOut); const by_state = {}; for (const r of list) by_state[r.state] = (by_state[r.state] || 0) + 1; return send(res, 200, { reviews: list, by_state, overdue: 0, today: data.today }); }
  if (p === "/reviews" && m === "POST") {
    if (!has("pm-coordinator")) return fail(res, 403, "forbidden", "only the Coordinator opens a review");
    const b = json(); if (!emp(b.employee_serial)) return fail(res, 404, "not_found", "no such employee");
    if (reviews.some((r) => r.serial === b.employee_serial && r.state !== "plan-designated")) return fail(res, 409, "already_exists", "the employee already has an open review");
    const r = { id: reviews.length + 1, version: 1, serial: b.employee_serial, indicator: b.indicator, trigger_date: b.trigger_date, trigger: { indicator: b.indicator, date: b.trigger_date, event_ids: b.event_ids || [] }, state: "identified", state_since: data.today, returns: 0, assigned: { coordinator: null, captain: null, lieutenant: null, sergeant: null, bureau_chief: null }, coaching_strategies: [], plan_items: [], sergeant_recommendation: null, lieutenant_recommendation: null, designation: null, history: [{ step: "3.070-PRO-1.1", what: "identify", actor: null, at: new Date().toISOString(), on: data.today, from: "identified", to: "identified", comments: "" }] };
    reviews.push(r); return send(res, 201, rvOut(r));
  }
  mm = /^\/reviews\/(\d+)(\/steps)?$/.exec(p);
  if (mm) {
    const r = reviews.find((x) => x.id === Number(mm[1])); if (!r || !inScope(user, r.serial)) return fail(res, 404, "not_found", "no such review");
    if (!mm[2]) return send(res, 200, rvOut(r));
    const b = json(); if (b.version !== r.version) return fail(res, 409, "failed_precondition", "someone acted on it first; reload it");
    const to = b.action === "assist" ? r.state : NEXT[b.action]; if (!to) return fail(res, 422, "invalid", "the step is not valid", [{ field: "action", message: "unknown step" }]);
    if (b.items && b.action === "assign-sergeant") r.coaching_strategies = b.items; if (b.items && b.action === "develop-plan") r.plan_items = b.items;
    if (b.designation) r.designation = { ...b.designation, other_days: b.designation.other_days || 0, days: b.designation.plan && b.designation.period !== "no-review" ? Number(b.designation.other_days || b.designation.period) : null };
    r.history.push({ step: "3.070-PRO-1", what: b.action, actor: null, at: new Date().toISOString(), on: data.today, from: r.state, to, comments: b.comments || "" });
    r.state = to; r.version += 1; return send(res, 200, rvOut(r));
  }
  if (p === "/audit") { if (!has("administrator")) return fail(res, 403, "forbidden", "administrators only"); return send(res, 200, { records: audit.slice(0, 100), head: { seq: audit.length, hash: "ab12cd" } }); }
  return fail(res, 404, "not_found", "no such endpoint");
}
function trigOut(t) { const e = emp(t.serial); return { employee: { serial: e.serial, name: e.name, unit: unit(e.unit), precinct: unit(e.precinct) }, date: t.date, indicator: t.indicator, count: t.count, threshold: t.threshold, table: t.table, threshold_set_id: t.threshold_set_id, outcome: t.outcome, events: t.events.map((id) => { const x = data.events.find((y) => y.id === id); return { id, date: x.date, kind: x.kind, incident_number: x.incident_number }; }) }; }
function sessionOut(username, csrf) { const u = data.users[username]; const t = totp.get(username); return { user: { username, serial: u.serial, name: u.name, roles: u.roles, unit: unit(u.unit), totp_enabled: !!t?.on, totp_enrolment_required: username === "admin" && !t?.on, today: data.today }, csrf_token: csrf, expires_at: new Date(Date.now() + 43200000).toISOString(), idle_timeout_seconds: 1800 }; }

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".png": "image/png" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  res.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (url.pathname.startsWith("/api/v1/")) return apiRoute(req, res, url);
  let f = join(web, url.pathname === "/" ? "index.html" : url.pathname);
  if (!f.startsWith(web) || !existsSync(f) || statSync(f).isDirectory()) f = join(web, "index.html");
  res.writeHead(200, { "Content-Type": TYPES[extname(f)] || "application/octet-stream" });
  res.end(readFileSync(f));
});
server.listen(Number(opt("--port", 0)), "127.0.0.1", () => console.log(`fixture server on http://127.0.0.1:${server.address().port}/ (web: ${web})`));
