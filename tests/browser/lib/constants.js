// Demo sign-ins (printed by `rollcall demo` as "  <role>  <username> / <password>").
// Change them here if the demo changes.
export const DEMO_PASSWORD = "demo-pass-2026";
export const USERS = {
  officer: "officer",
  sergeant: "sergeant",
  lieutenant: "lieutenant",
  captain: "captain",
  bureauChief: "bureau-chief",
  chief: "chief",
  coordinator: "coordinator",
  committee: "committee",
  payroll: "payroll",
  hr: "hr",
  fml: "fml",
  guild: "guild",
  admin: "admin",
};
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
