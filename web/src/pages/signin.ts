// Sign-in (password, then a TOTP code when the account has a second factor)
// and the TOTP enrolment that administrators must complete first.
import { api, ApiError } from "../api";
import { flash, navigate, takeReturnTo, type Route } from "../app";
import { h, put } from "../dom";
import { loadSession, session, setSession, type Session } from "../session";
import { alert, inputField, pageHeading, setFieldError, showFormErrors, type Field } from "../ui";

export function signInPage(main: HTMLElement, _route: Route): void {
  if (session()) {
    navigate("#/");
    return;
  }
  const username = inputField({ name: "username", label: "Username", required: true, autocomplete: "username" });
  const password = inputField({ name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password" });
  const totp = inputField({ name: "totp", label: "Authentication code", required: true, autocomplete: "one-time-code", inputmode: "numeric", maxlength: 6, hint: "The six-digit code from your authenticator app." });
  totp.group.hidden = true;
  const messages = h("div", { class: "rc-form-messages" });
  const submit = h("button", { type: "submit", class: "usa-button" }, "Sign in");
  const form = h("form", { class: "usa-form rc-signin", novalidate: true }, messages, username.group, password.group, totp.group, submit);

  const fields = (): Field[] => (totp.group.hidden ? [username, password] : [username, password, totp]);

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const errors = new Map<string, string>();
    if (!username.value()) errors.set("username", "Enter your username.");
    if (!password.controls[0].value) errors.set("password", "Enter your password.");
    if (!totp.group.hidden && !/^\d{6}$/.test(totp.value())) errors.set("totp", "Enter the six-digit code from your authenticator app.");
    if (errors.size) {
      showFormErrors(messages, fields(), errors);
      return;
    }
    submit.disabled = true;
    submit.textContent = "Signing in…";
    try {
      const body: Record<string, string> = { username: username.value(), password: password.controls[0].value };
      if (!totp.group.hidden) body.totp = totp.value();
      const s = await api<Session>("POST", "/session", { body, expect401: true });
      setSession(s);
      if (s.user.totp_enrolment_required) navigate("#/enrol-totp");
      else navigate(takeReturnTo());
    } catch (err) {
      for (const f of [username, password, totp]) setFieldError(f, null);
      messages.replaceChildren();
      if (err instanceof ApiError && err.status === 401 && err.code === "totp_required") {
        totp.group.hidden = false;
        messages.append(alert("info", null, h("p", { class: "usa-alert__text" }, "This account has a second factor. Enter the code from your authenticator app.")));
        totp.controls[0].focus();
      } else if (err instanceof ApiError && err.status === 401 && err.code === "totp_invalid") {
        totp.group.hidden = false;
        showFormErrors(messages, fields(), new Map([["totp", "That code is not right or has expired. Enter the current code."]]));
      } else if (err instanceof ApiError && err.status === 429) {
        const minutes = err.retryAfter ? Math.max(1, Math.ceil(err.retryAfter / 60)) : 15;
        const el = alert("error", "Account locked", h("p", { class: "usa-alert__text rc-locked" }, `Too many failed sign-in attempts. This account is locked; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`));
        el.setAttribute("tabindex", "-1");
        messages.append(el);
        el.focus();
      } else if (err instanceof ApiError && err.status === 401) {
        const el = alert("error", "Sign-in failed", h("p", { class: "usa-alert__text" }, "The username or password is not right."));
        el.setAttribute("tabindex", "-1");
        messages.append(el);
        el.focus();
      } else {
        const msg = err instanceof Error ? err.message : String(err);
        messages.append(alert("error", "Sign-in failed", h("p", { class: "usa-alert__text" }, msg)));
      }
    } finally {
      submit.disabled = false;
      submit.textContent = "Sign in";
    }
  });

  put(main, 
    h(
      "div",
      { class: "rc-narrow" },
      ...pageHeading("Sign in"),
      h("p", null, "rollcall holds confidential personnel records. Sign in with your department account."),
      form,
    ),
  );
}

/** TOTP enrolment: used on its own page (forced for administrators) and on the account page. */
export function totpEnrolment(onDone: () => void): HTMLElement {
  const box = h("div", { class: "rc-totp" });
  const start = h("button", { type: "button", class: "usa-button" }, "Set up an authenticator app");
  const messages = h("div", { class: "rc-form-messages" });
  box.append(messages, h("p", null, "Use an authenticator app (RFC 6238: SHA-1, six digits, 30 seconds). You will be asked for a code each time you sign in."), start);
  start.addEventListener("click", async () => {
    start.disabled = true;
    messages.replaceChildren();
    try {
      const r = await api<{ secret: string; otpauth_uri: string }>("POST", "/session/totp");
      const code = inputField({ name: "code", label: "Code from your app", required: true, inputmode: "numeric", maxlength: 6, autocomplete: "one-time-code", hint: "Six digits." });
      const confirm = h("button", { type: "submit", class: "usa-button" }, "Confirm");
      const form = h("form", { class: "usa-form", novalidate: true }, code.group, confirm);
      const formMessages = h("div", { class: "rc-form-messages" });
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        if (!/^\d{6}$/.test(code.value())) {
          showFormErrors(formMessages, [code], new Map([["code", "Enter the six-digit code your app shows."]]));
          return;
        }
        confirm.disabled = true;
        try {
          await api("POST", "/session/totp/confirm", { body: { code: code.value() } });
          await loadSession();
          onDone();
        } catch (err) {
          if (err instanceof ApiError && (err.status === 422 || err.status === 400)) {
            showFormErrors(formMessages, [code], new Map([["code", "That code is not right. Enter the code your app shows now."]]));
          } else {
            formMessages.replaceChildren(alert("error", "Could not confirm", h("p", { class: "usa-alert__text" }, err instanceof Error ? err.message : String(err))));
          }
        } finally {
          confirm.disabled = false;
        }
      });
      start.replaceWith(
        h(
          "div",
          null,
          h("h3", null, "1. Add this account to your app"),
          h("p", null, "Enter this secret key in your authenticator app:"),
          h("p", null, h("code", { class: "rc-secret", "data-testid": "totp-secret" }, r.secret)),
          h("p", null, "Or use this setup address:"),
          h("p", null, h("code", { class: "rc-uri", "data-testid": "totp-uri" }, r.otpauth_uri)),
          h("h3", null, "2. Confirm with a code"),
          formMessages,
          form,
        ),
      );
      code.controls[0].focus();
    } catch (err) {
      start.disabled = false;
      messages.replaceChildren(alert("error", "Could not start enrolment", h("p", { class: "usa-alert__text" }, err instanceof Error ? err.message : String(err))));
    }
  });
  return box;
}

export function enrolTotpPage(main: HTMLElement): void {
  const s = session();
  put(main, 
    ...pageHeading("Set up two-factor sign-in"),
    s?.user.totp_enrolment_required
      ? alert("warning", "Required before you continue", h("p", { class: "usa-alert__text" }, "Administrators must use a second factor. Set it up now; the rest of rollcall opens afterwards."))
      : null,
    totpEnrolment(() => {
      flash("success", "Two-factor sign-in is on.");
      navigate("#/");
    }),
  );
}
