/**
 * Figures, their targets and how they are shown: the console table of `npm run bench` and
 * the Markdown table of docs/bench-figures.md. A figure is { id, label, unit, summary, target }
 * where summary is { runs, median, p95, max } (a single measurement has all three equal) and
 * target is { stat, max, abs? } — the figure meets it when summary[stat] ≤ max (with `abs`,
 * its absolute value: "flat within 5%" holds for a shrink as for a growth). A figure that could
 * not be measured has `notMeasured` (the reason) instead of a summary.
 */

export const KB = 1024;
export const MB = 1024 * 1024;

/** A single measured value (sizes, soak deltas) as a summary. */
export function single(value) {
  return { runs: 1, median: value, p95: value, max: value };
}

/** Adds `met` (true/false, or null when not measured) to each figure. */
export function evaluate(figures) {
  return figures.map((f) => {
    if (f.notMeasured) return { ...f, met: null };
    if (!f.target) return { ...f, met: null };
    const value = f.summary[f.target.stat];
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new TypeError(`${f.id}: ${f.target.stat} is not a number`);
    return { ...f, met: (f.target.abs ? Math.abs(value) : value) <= f.target.max };
  });
}

/** The ids and labels of figures that miss their targets. */
export function missed(figures) {
  return figures.filter((f) => f.met === false).map((f) => ({ id: f.id, label: f.label }));
}

/** A value in its unit, for people: bytes as KB/MB, times in ms, counts as numbers. */
export function formatValue(value, unit) {
  if (value === undefined || value === null) return "—";
  if (unit === "bytes") {
    const sign = value < 0 ? "-" : "";
    const abs = Math.abs(value);
    if (abs >= MB) return `${sign}${(abs / MB).toFixed(2)} MB`;
    if (abs >= KB) return `${sign}${(abs / KB).toFixed(1)} KB`;
    return `${sign}${abs} B`;
  }
  if (unit === "ms") return `${value.toFixed(1)} ms`;
  if (unit === "%") return `${value.toFixed(1)} %`;
  if (unit === "×") return Number.isFinite(value) ? `${value.toFixed(2)}×` : "∞";
  return String(value);
}

function targetText(f) {
  if (!f.target) return "";
  const stat = f.target.stat === "max" && f.summary?.runs === 1 ? "" : `${f.target.stat} `;
  return f.target.abs
    ? `|${stat.trim() || "change"}| ≤ ${formatValue(f.target.max, f.unit)}`
    : `${stat}≤ ${formatValue(f.target.max, f.unit)}`;
}

function status(f) {
  if (f.notMeasured) return "not measured";
  if (f.met === null) return "";
  return f.met ? "met" : "MISSED";
}

function rows(figures) {
  return figures.map((f) => [
    f.label,
    f.notMeasured ? "—" : String(f.summary.runs),
    f.notMeasured ? "—" : formatValue(f.summary.median, f.unit),
    f.notMeasured ? "—" : formatValue(f.summary.p95, f.unit),
    f.notMeasured ? "—" : formatValue(f.summary.max, f.unit),
    targetText(f),
    status(f)
  ]);
}

const HEAD = ["figure", "runs", "median", "p95", "max", "target", "status"];

/** The console table, one line per figure, then the reasons for anything not measured. */
export function formatTable(figures) {
  const all = [HEAD, ...rows(figures)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((cell, i) => (i === 0 || i >= 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  const out = [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...rows(figures).map(line)];
  for (const f of figures)
    if (f.notMeasured) out.push(`  ${f.label}: not measured: ${f.notMeasured}`);
  return out.join("\n");
}

/** The Markdown table for docs/bench-figures.md. */
export function formatMarkdown(figures) {
  const cells = (r) => `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  const out = [
    cells(HEAD),
    `|${HEAD.map((_, i) => (i >= 1 && i <= 4 ? " ---: " : " --- ")).join("|")}|`
  ];
  for (const r of rows(figures)) out.push(cells(r));
  return out.join("\n");
}
