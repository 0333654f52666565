// The account page: who you are, change password, two-factor, API tokens.
import { api, ApiError } from "../api";
import { current, flash, navigate, rerender, seq, type Route } from "../app";
import { h, put } from "../dom";
import { ROLE_NAMES, session } from "../session";
import { alert, detailsToErrors, empty, errorAlert, inputField, instant, pageHeading, showFormErrors, table } from "../ui";
import { totpEnrolment } from "./signin";

interface Token {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

function passwordSection(): HTMLElement {
  const cur = inputField({ name: "current_password", label: "Current password", type: "password", required: true, autocomplete: "current-password" });
  const next = inputField({ name: "new_password", label: "New password", type: "password", required: true, autocomplete: "new-password", hint: "At least 12 characters." });
  const again = inputField({ name: "confirm_password", label: "New password again", type: "password", required: true, autocomplete: "new-password" });
  const fields = [cur, next, again];
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Change password");
  const form = h("form", { class: "usa-form", novalidate: true }, messages, cur.group, next.group, again.group, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const e = new Map<string, string>();
    const [c, n, a] = fields.map((f) => f.controls[0].value);
    if (!c) e.set("current_password", "Enter your current password.");
    if (n.length < 12) e.set("new_password", "Use at least 12 characters.");
    else if (n === c) e.set("new_password", "Choose a password different from the current one.");
    if (n.length >= 12 && a !== n) e.set("confirm_password", "The two new passwords are not the same.");
    showFormErrors(messages, fields, e);
    if (e.size) return;
    submit.disabled = true;
    try {
      await api("POST", "/session/password", { body: { current_password: c, new_password: n }, expect401: true });
      for (const f of fields) f.setValue("");
      put(messages, alert("success", null, h("p", { class: "usa-alert__text" }, "Password changed. Your other sessions were signed out.")));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) showFormErrors(messages, fields, new Map([["current_password", "The current password is not right."]]));
      else if (err instanceof ApiError && err.status === 422) {
        const { errors, other } = detailsToErrors(err.details.map((d) => ({ ...d, field: d.field ?? "new_password" })), fields);
        if (!errors.size && !other.length) errors.set("new_password", err.message);
        showFormErrors(messages, fields, errors, other);
      } else put(messages, errorAlert(err));
    } finally {
      submit.disabled = false;
    }
  });
  return h("section", { class: "rc-section", "aria-labelledby": "rc-pw-h" }, h("h2", { id: "rc-pw-h" }, "Change password"), form);
}

async function tokensSection(): Promise<HTMLElement> {
  const section = h("section", { class: "rc-section", "aria-labelledby": "rc-tok-h" });
  let tokens: Token[] = [];
  let loadError: unknown = null;
  try {
    tokens = (await api<{ tokens: Token[] }>("GET", "/tokens")).tokens || [];
  } catch (err) {
    loadError = err;
  }
  const name = inputField({ name: "name", label: "Token name", required: true, maxlength: 100, hint: "What the token is for, e.g. “nightly use-of-force import”." });
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Create token");
  const form = h("form", { class: "usa-form", novalidate: true }, messages, name.group, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!name.value()) {
      showFormErrors(messages, [name], new Map([["name", "Name the token."]]));
      return;
    }
    submit.disabled = true;
    try {
      const t = await api<{ id: number; name: string; token: string }>("POST", "/tokens", { body: { name: name.value() } });
      flash("success", `Token “${t.name}” created. Copy it now — it is not shown again: ${t.token}`);
      rerender();
    } catch (err) {
      put(messages, errorAlert(err));
      submit.disabled = false;
    }
  });
  const rows = tokens.map((t) => [
    t.name,
    instant(t.created_at),
    t.last_used_at ? instant(t.last_used_at) : "Never",
    h("button", {
      type: "button",
      class: "usa-button usa-button--unstyled rc-revoke",
      "aria-label": `Revoke token ${t.name}`,
      onclick: async (ev: Event) => {
        const btn = ev.currentTarget as HTMLButtonElement;
        btn.disabled = true;
        try {
          await api("DELETE", `/tokens/${t.id}`);
          flash("success", `Token “${t.name}” revoked.`);
          rerender();
        } catch (err) {
          btn.disabled = false;
          btn.after(errorAlert(err));
        }
      },
    }, "Revoke"),
  ]);
  put(
    section,
    h("h2", { id: "rc-tok-h" }, "API tokens"),
    h("p", null, "Tokens let other department systems import data as you (Authorization: Bearer). The secret is shown once."),
    loadError ? errorAlert(loadError) : rows.length ? table("Your API tokens", ["Name", "Created", "Last used", "Revoke"], rows, { captionHidden: true, className: "rc-tokens" }) : empty("You have no API tokens."),
    form,
  );
  return section;
}

export async function accountPage(main: HTMLElement, _route: Route): Promise<void> {
  const mySeq = seq();
  const s = session();
  if (!s) return;
  const u = s.user;
  const tokens = await tokensSection();
  if (!current(mySeq)) return;
  const totp = h(
    "section",
    { class: "rc-section", "aria-labelledby": "rc-totp-h" },
    h("h2", { id: "rc-totp-h" }, "Two-factor sign-in"),
    u.totp_enabled
      ? h("p", { class: "rc-totp-on" }, "Two-factor sign-in is on for this account.")
      : totpEnrolment(() => {
          flash("success", "Two-factor sign-in is on.");
          navigate("#/account");
        }),
  );
  put(
    main,
    ...pageHeading("Your account"),
    h(
      "dl",
      { class: "rc-dl" },
      h("dt", null, "Name"),
      h("dd", null, u.name),
      h("dt", null, "Username"),
      h("dd", null, u.username),
      h("dt", null, "Serial"),
      h("dd", null, u.serial || "—"),
      h("dt", null, "Unit"),
      h("dd", null, u.unit?.name ?? "—"),
      h("dt", null, "Roles today"),
      h("dd", null, u.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ")),
    ),
    passwordSection(),
    totp,
    tokens,
  );
}
