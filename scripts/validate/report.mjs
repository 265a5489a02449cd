/**
 * The shape every check reports in: one Problem per finding, naming file, line and rule,
 * so a developer can jump straight to it.
 */
import { relative, isAbsolute } from "node:path";

/**
 * @typedef {{ file: string, line: number, rule: string, message: string }} Problem
 * @typedef {{ name: string, problems: Problem[], note?: string, seconds?: number }} CheckResult
 */

/** Builds a Problem with the file made relative to the project root. */
export function problem(root, file, line, rule, message) {
  const rel = isAbsolute(file) ? relative(root, file) : file;
  return { file: rel || ".", line: Number.isFinite(line) && line > 0 ? line : 0, rule, message };
}

/** `file:line  rule  message` on one line; the line is left out when the finding is about the whole file. */
export function formatProblem(p) {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return `${where}  ${p.rule}  ${p.message.replace(/\s*\n\s*/g, " ")}`;
}

/** 1-based line number of a character offset. */
export function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
