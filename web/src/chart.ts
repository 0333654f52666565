// The indicator timeline: one row per indicator (A–F, and G for aggregate
// triggers), one mark per event by date, a diamond for each trigger. Drawn
// as SVG; its text alternative is an aria summary plus the events table on
// the same page.
import { s } from "./dom";
import { INDICATORS, kindLabel } from "./ui";

export interface ChartEvent {
  date: string;
  indicator: string;
  kind: string;
  incident_number: string;
  qualifies?: boolean;
  withdrawn?: boolean;
}
export interface ChartTrigger {
  date: string;
  indicator: string;
}

const ROWS = ["A", "B", "C", "D", "E", "F", "G"];

function dayNumber(d: string): number {
  const [y, m, day] = d.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, day || 1) / 86400000;
}

export function timelineSummary(events: ChartEvent[], triggers: ChartTrigger[], from: string, to: string): string {
  const live = events.filter((e) => !e.withdrawn);
  const per = ROWS.slice(0, 6)
    .map((k) => [k, live.filter((e) => e.indicator === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return `Indicator timeline from ${from} to ${to}: ${live.length} event${live.length === 1 ? "" : "s"}${per ? ` (${per})` : ""} and ${triggers.length} trigger${triggers.length === 1 ? "" : "s"}. The events table below lists every event.`;
}

export function timeline(events: ChartEvent[], triggers: ChartTrigger[], asOf: string, idBase: string): SVGElement {
  const W = 900;
  const left = 44;
  const right = 16;
  const top = 12;
  const rowH = 30;
  const H = top + rowH * ROWS.length + 34;
  const dates = [...events.map((e) => e.date), ...triggers.map((t) => t.date)].filter(Boolean).sort();
  const start = dates.length ? dates[0] : asOf;
  let d0 = dayNumber(start) - 30;
  let d1 = dayNumber(asOf) + 15;
  if (d1 - d0 < 365) d0 = d1 - 365;
  const x = (d: string) => left + ((dayNumber(d) - d0) / (d1 - d0)) * (W - left - right);
  const y = (ind: string) => top + rowH * ROWS.indexOf(ind) + rowH / 2;

  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, class: "rc-timeline", role: "img", "aria-labelledby": `${titleId} ${descId}`, preserveAspectRatio: "xMinYMin meet" },
    s("title", { id: titleId }, "Indicator timeline"),
    s("desc", { id: descId }, timelineSummary(events, triggers, start, asOf)),
  );

  // rows and labels
  for (const ind of ROWS) {
    svg.append(
      s("line", { x1: left, x2: W - right, y1: y(ind), y2: y(ind), class: "rc-tl-row" }),
      s("text", { x: 8, y: y(ind) + 5, class: "rc-tl-label" }, ind, s("title", null, INDICATORS[ind])),
    );
  }
  // year ticks
  const y0 = new Date(d0 * 86400000).getUTCFullYear();
  const y1 = new Date(d1 * 86400000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
  for (let yr = y0; yr <= y1 + 1; yr += step) {
    const d = `${yr}-01-01`;
    const xv = x(d);
    if (xv < left || xv > W - right) continue;
    svg.append(
      s("line", { x1: xv, x2: xv, y1: top, y2: top + rowH * ROWS.length, class: "rc-tl-tick" }),
      s("text", { x: xv, y: H - 12, class: "rc-tl-year", "text-anchor": "middle" }, String(yr)),
    );
  }
  // as-of marker
  svg.append(s("line", { x1: x(asOf), x2: x(asOf), y1: top, y2: top + rowH * ROWS.length, class: "rc-tl-asof" }));

  for (const e of events) {
    if (!ROWS.includes(e.indicator)) continue;
    const cls = e.withdrawn ? "rc-tl-withdrawn" : e.qualifies === false ? "rc-tl-nonqual" : "rc-tl-event";
    svg.append(
      s(
        "circle",
        { cx: x(e.date), cy: y(e.indicator), r: 6, class: `${cls} rc-tl-${e.indicator}` },
        s("title", null, `${e.date} ${e.indicator} ${kindLabel(e.kind)} ${e.incident_number}${e.withdrawn ? " (withdrawn)" : e.qualifies === false ? " (does not count)" : ""}`),
      ),
    );
  }
  for (const t of triggers) {
    if (!ROWS.includes(t.indicator)) continue;
    // drawn just above the row so the events under it stay visible
    const cx = x(t.date);
    const cy = y(t.indicator) - 9;
    svg.append(
      s(
        "path",
        { d: `M ${cx} ${cy - 6} L ${cx + 5} ${cy} L ${cx} ${cy + 6} L ${cx - 5} ${cy} Z`, class: "rc-tl-trigger" },
        s("title", null, `Trigger ${t.indicator} on ${t.date}`),
      ),
    );
  }
  return svg;
}

// ---- stacked bar chart (3.070 §5 precinct statistics)

export interface BarGroup {
  label: string;
  /** one value per series, in the order of `series` */
  values: number[];
}

/** The chart in words, for its `desc` (the table beside it is the full text alternative). */
export function barSummary(title: string, groups: BarGroup[], series: string[]): string {
  if (!groups.length) return `${title}: nothing in this period.`;
  const parts = groups.map((g) => {
    const total = g.values.reduce((a, b) => a + b, 0);
    const split = series.map((s, i) => [s, g.values[i] ?? 0] as const).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(", ");
    return `${g.label} ${total}${split ? ` (${split})` : ""}`;
  });
  return `${title}: ${parts.join("; ")}. The table above lists every number.`;
}

/**
 * Horizontal stacked bars, one per group (a precinct), one colour per series
 * (`rc-bar-0` … in _app.scss), each segment with a title giving its number.
 * Same conventions as the timeline: SVG drawn here, `role="img"` with a title
 * and a description; the legend is HTML beside it (barLegend).
 */
export function barChart(title: string, groups: BarGroup[], series: string[], idBase: string): SVGElement {
  const W = 900;
  const left = 200;
  const right = 48;
  const top = 8;
  const rowH = 30;
  const H = top + rowH * Math.max(groups.length, 1) + 28;
  const max = Math.max(1, ...groups.map((g) => g.values.reduce((a, b) => a + b, 0)));
  const x = (n: number) => (n / max) * (W - left - right);
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, class: "rc-bars", role: "img", "aria-labelledby": `${titleId} ${descId}`, preserveAspectRatio: "xMinYMin meet" },
    s("title", { id: titleId }, title),
    s("desc", { id: descId }, barSummary(title, groups, series)),
  );
  // scale: 0 and the maximum
  const axisY = top + rowH * Math.max(groups.length, 1);
  svg.append(
    s("line", { x1: left, x2: W - right, y1: axisY, y2: axisY, class: "rc-tl-row" }),
    s("text", { x: left, y: axisY + 18, class: "rc-tl-year", "text-anchor": "middle" }, "0"),
    s("text", { x: left + x(max), y: axisY + 18, class: "rc-tl-year", "text-anchor": "middle" }, String(max)),
  );
  groups.forEach((g, row) => {
    const y = top + row * rowH + 5;
    const name = g.label.length > 26 ? `${g.label.slice(0, 25)}…` : g.label;
    svg.append(s("text", { x: left - 8, y: y + 15, class: "rc-tl-label", "text-anchor": "end" }, name, s("title", null, g.label)));
    let at = left;
    g.values.forEach((v, i) => {
      if (v <= 0) return;
      const w = x(v);
      svg.append(s("rect", { x: at, y, width: w, height: rowH - 10, class: `rc-bar-${i % 8}` }, s("title", null, `${g.label}: ${series[i]} ${v}`)));
      at += w;
    });
    const total = g.values.reduce((a, b) => a + b, 0);
    svg.append(s("text", { x: at + 6, y: y + 15, class: "rc-tl-year" }, String(total)));
  });
  return svg;
}
