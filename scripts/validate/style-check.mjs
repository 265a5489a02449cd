/**
 * Check 4: formatting and lint. `prettier --check` semantics (its own ignore handling:
 * .gitignore and .prettierignore) with the first differing line of each file, and ESLint with
 * the project's eslint.config.js.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { problem } from "./report.mjs";
import { runProcess } from "./process.mjs";

/** First line (1-based) where two texts differ. */
export function firstDifferentLine(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 1;
}

async function firstUnformattedLine(prettier, file) {
  const text = readFileSync(file, "utf8");
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(text, { ...options, filepath: file });
  return firstDifferentLine(text, formatted);
}

export async function checkPrettier(root) {
  const bin = join(root, "node_modules/.bin/prettier");
  const r = await runProcess(
    existsSync(bin) ? bin : "prettier",
    [
      "--list-different",
      "--no-color",
      // Files already seen formatted (same content, same options) are not formatted again.
      "--cache",
      "--cache-strategy",
      "content",
      "--cache-location",
      join(root, ".tmp", "prettier-cache"),
      "."
    ],
    { cwd: root }
  );
  const problems = [];
  const prettier = await import("prettier");
  for (const rel of r.stdout.split("\n").filter(Boolean)) {
    const file = resolve(root, rel);
    let line = 1;
    try {
      line = await firstUnformattedLine(prettier, file);
    } catch {
      // The CLI already decided the file needs formatting; the line is a nicety.
    }
    problems.push(
      problem(
        root,
        file,
        line,
        "prettier/format",
        "not formatted as prettier would (run npx prettier --write on it)"
      )
    );
  }
  for (const line of r.stderr.split("\n")) {
    const m = /^\[error\] ([^:]+): (.*?)(?: \((\d+):(\d+)\))?$/.exec(line.trim());
    if (m && !m[1].startsWith("No files"))
      problems.push(problem(root, resolve(root, m[1]), Number(m[3] ?? 0), "prettier/syntax", m[2]));
  }
  if (r.code !== 0 && problems.length === 0)
    problems.push(
      problem(
        root,
        ".prettierrc",
        0,
        "prettier/crashed",
        `prettier exited with ${r.code}: ${r.stderr.trim().slice(0, 300)}`
      )
    );
  return problems;
}

export async function checkEslint(root) {
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({
    cwd: root,
    errorOnUnmatchedPattern: false,
    // Results are reused for unchanged files under the same configuration; CI starts clean.
    cache: true,
    cacheStrategy: "content",
    cacheLocation: join(root, ".tmp", "eslint-cache")
  });
  const results = await eslint.lintFiles(["."]);
  const problems = [];
  for (const r of results)
    for (const m of r.messages)
      if (m.severity === 2 || m.fatal)
        problems.push(
          problem(root, r.filePath, m.line, `eslint/${m.ruleId ?? "parse-error"}`, m.message)
        );
  return problems;
}
