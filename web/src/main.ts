import "./styles.scss";
import { addRoute, start } from "./app";
import { can, session } from "./session";
import { accountPage } from "./pages/account";
import { auditPage } from "./pages/audit";
import { dashboardPage } from "./pages/dashboard";
import { directoryPage } from "./pages/directory";
import { employeePage } from "./pages/employee";
import { correctEventPage, newEventPage, withdrawEventPage } from "./pages/event-form";
import { committeePage } from "./pages/committee";
import { inboxPage } from "./pages/inbox";
import { planPage } from "./pages/plan";
import { plansPage } from "./pages/plans";
import { pmpStatisticsPage } from "./pages/pmp-statistics";
import { reviewPage } from "./pages/review";
import { openReviewPage } from "./pages/review-open";
import { reviewsPage } from "./pages/reviews";
import { enrolTotpPage, signInPage } from "./pages/signin";
import { statsPage } from "./pages/stats";
import { thresholdsPage } from "./pages/thresholds";
import { leaveApprovalsPage, leaveRequestPage } from "./pages/leave-approvals";
import { timeOffPage } from "./pages/time-off";
import { teamCalendarPage } from "./pages/team-calendar";
import { timeRecordsPage } from "./pages/time-records";
import { timesheetPage, timesheetsPage } from "./pages/timesheets";
import { timeRecordPage } from "./pages/time-record";
import { decisionsPage } from "./pages/decisions";
import { payrollPage } from "./pages/payroll";
import { hrPage } from "./pages/hr";
import { fmlPage } from "./pages/fml";

/** Sergeants, lieutenants, captains and bureau chiefs start on their inbox. */
const INBOX_FIRST = ["supervisor", "lieutenant", "captain", "bureau-chief"];

/**
 * The start page for the signed-in user's roles. The chain of command starts
 * on the inbox of review steps awaiting them (as Kronos TeleStaff and Odoo
 * open on "my approvals"); the Coordinator and the Chief on the triggers
 * dashboard, where reviews begin.
 */
function home(): string {
  const u = session()?.user;
  if (!u) return "#/sign-in";
  if (!u.roles.includes("pm-coordinator") && u.roles.some((r) => INBOX_FIRST.includes(r))) return "#/inbox";
  if (can.dashboard()) return "#/dashboard";
  if (u.roles.includes("pmp-committee")) return "#/stats";
  if (u.roles.includes("administrator")) return "#/audit";
  if (u.roles.some((r) => ["hr-director", "payroll", "fml-coordinator"].includes(r))) return "#/employees";
  if (u.serial) return `#/employees/${encodeURIComponent(u.serial)}`;
  return "#/account";
}

addRoute(/^\/$/, "Home", () => undefined, { redirect: home });
addRoute(/^\/sign-in$/, "Sign in", signInPage, { auth: false });
addRoute(/^\/enrol-totp$/, "Set up two-factor sign-in", enrolTotpPage);
addRoute(/^\/inbox$/, "Inbox", inboxPage, { allowed: can.inbox });
addRoute(/^\/reviews$/, "Reviews", reviewsPage, { allowed: can.reviews });
addRoute(/^\/reviews\/new$/, "Open a review", openReviewPage, { allowed: can.openReviews });
addRoute(/^\/reviews\/(\d+)$/, "Review", reviewPage);
addRoute(/^\/plans$/, "Mentoring Plans", plansPage, { allowed: can.plans });
addRoute(/^\/plans\/(\d+)$/, "Mentoring Plan", planPage);
addRoute(/^\/pmp-statistics$/, "Precinct statistics", pmpStatisticsPage, { allowed: can.stats });
addRoute(/^\/committee$/, "PMP Committee", committeePage, { allowed: can.committee });
addRoute(/^\/dashboard$/, "Triggers dashboard", dashboardPage, { allowed: can.dashboard });
addRoute(/^\/employees$/, "Employees", directoryPage, { allowed: can.directory });
addRoute(/^\/employees\/([^/]+)$/, "Employee", employeePage);
addRoute(/^\/events\/new$/, "Record an event", newEventPage, { allowed: can.recordEvents });
addRoute(/^\/events\/(\d+)\/correct$/, "Correct an event", correctEventPage, { allowed: can.recordEvents });
addRoute(/^\/events\/(\d+)\/withdraw$/, "Withdraw an event", withdrawEventPage, { allowed: can.recordEvents });
addRoute(/^\/thresholds$/, "Threshold sets", thresholdsPage, { allowed: can.thresholds });
addRoute(/^\/stats$/, "PMP statistics", statsPage, { allowed: can.stats });
addRoute(/^\/audit$/, "Audit log", auditPage, { allowed: can.audit });
addRoute(/^\/account$/, "Your account", accountPage);
// 4.010 Employee Time Off (issue 6)
addRoute(/^\/time-off$/, "Time off", timeOffPage);
addRoute(/^\/time-off\/approvals$/, "Leave approvals", leaveApprovalsPage, { allowed: can.approveLeave });
addRoute(/^\/time-off\/records$/, "Time records", timeRecordsPage, { allowed: can.timeRecords });
addRoute(/^\/time-off\/calendar$/, "Team leave calendar", teamCalendarPage, { allowed: can.teamCalendar });
addRoute(/^\/time-off\/requests\/(\d+)$/, "Leave request", leaveRequestPage);
addRoute(/^\/timesheets$/, "Timesheets", timesheetsPage);
addRoute(/^\/timesheets\/(\d+)$/, "Timesheet", timesheetPage);
addRoute(/^\/time-records$/, "Decisions", decisionsPage, { allowed: can.timeRecordDecisions });
addRoute(/^\/time-records\/([a-z-]+)\/(\d+)$/, "Time record", timeRecordPage);
addRoute(/^\/payroll$/, "Payroll", payrollPage, { allowed: can.payroll });
addRoute(/^\/hr$/, "AWOL memos", hrPage, { allowed: can.hr });
addRoute(/^\/fml$/, "Release time copies for the FML coordinator", fmlPage, { allowed: can.fml });

void start(document.getElementById("app")!);
