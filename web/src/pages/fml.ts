// The Family Medical Leave coordinator's page (#/fml, 4.010-PRO-2.5, 2.6):
// the release time over three consecutive days whose form 2.27 copy was sent
// to the coordinator, those whose employee has not yet been told of the
// Family Medical Leave option first. Each row opens the record's page, where
// the coordinator records that the employee was informed ("inform-fml"); the
// same step is offered here as a button on each row that awaits it.
import { api, ApiError } from "../api";
import { current, flash, rerender, seq } from "../app";
import { h, put } from "../dom";
import { hours } from "../leave-model";
import { personText } from "../review-model";
import { recordHref, type ReleaseTime } from "../time-record-model";
import { button, empty, instant, pageHeading, table, tag } from "../ui";

function informButton(r: ReleaseTime): HTMLElement {
  const msg = h("span", { class: "rc-inline-error", role: "alert" });
  const b = button("Employee informed", { class: "usa-button--outline", "data-action": "inform-fml", "aria-label": `Employee informed: ${r.employee.name} was told of the FML option (release time ${r.id})` });
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      await api("POST", `/release-time/${r.id}/steps`, { body: { action: "inform-fml", version: r.version } });
      flash("success", `Release time ${r.id}: ${r.employee.name} was informed of the Family Medical Leave option (4.010-PRO-2.6).`);
      rerender();
    } catch (err) {
      b.disabled = false;
      msg.textContent = err instanceof ApiError ? err.message : String(err);
      if (err instanceof ApiError && err.status === 409) {
        flash("warning", `Release time ${r.id}: ${err.message}`);
        rerender();
      }
    }
  });
  return h("span", null, b, msg);
}

export async function fmlPage(main: HTMLElement): Promise<void> {
  const mySeq = seq();
  const r = await api<{ release_time: ReleaseTime[] }>("GET", "/release-time");
  if (!current(mySeq)) return;
  const copies = (r.release_time ?? []).filter((x) => x.fml);
  copies.sort((a, b) => Number(!!a.fml?.informed_at) - Number(!!b.fml?.informed_at));
  const waiting = copies.filter((x) => !x.fml?.informed_at).length;
  put(
    main,
    ...pageHeading("Release time copies for the FML coordinator", "Forms 2.27 for sworn employees released over three consecutive days (4.010-PRO-2.5). Inform each employee of the Family Medical Leave option and record it (4.010-PRO-2.6)."),
    h("p", { class: "rc-result-count", role: "status" }, copies.length ? `${copies.length} cop${copies.length === 1 ? "y" : "ies"}, ${waiting} awaiting you.` : "No copies of form 2.27 yet."),
    copies.length
      ? table(
          "Copies of form 2.27",
          ["Release time", "Employee", "Days", "Hours", "Copy sent", "Employee informed", "Your step"],
          copies.map((x) => [
            h("a", { href: recordHref("release-time", x.id), class: "usa-link", "data-kind": "release-time", "data-id": String(x.id) }, `Release time ${x.id}`),
            personText(x.employee),
            `${x.first_day} to ${x.last_day} (${x.consecutive_days} days)`,
            hours(x.total),
            instant(x.fml?.copied_at),
            x.fml?.informed_at ? instant(x.fml.informed_at) : tag("Not yet"),
            x.fml?.informed_at ? "" : informButton(x),
          ]),
          { captionHidden: true, className: "rc-fml-copies" },
        )
      : empty("When a sergeant forwards release time over three consecutive days, its copy appears here."),
  );
}
