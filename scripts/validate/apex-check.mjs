/**
 * Check 3: Apex. apex-ls (Apex Dev Tools' semantic checker, with the standard library and
 * SObjects) finds unknown methods, types and fields; PMD with config/pmd-ruleset.xml finds
 * security and best-practice violations. A PMD suppression must say why in a comment.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { sourceFiles } from "./project.mjs";
import { problem } from "./report.mjs";
import { runProcess } from "./process.mjs";

const require = createRequire(import.meta.url);
const JAVA_LIB = join(
  dirname(require.resolve("@salesforce/code-analyzer-pmd-engine/package.json")),
  "dist",
  "java-lib"
);
const CLASSPATH = join(JAVA_LIB, "*");
/** Short-lived analysis runs: the quick JIT tier and the serial collector more than halve CPU time. */
const JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

export const apexFiles = (root) => sourceFiles(root).filter((f) => /\.(cls|trigger)$/.test(f));
export const visualforceFiles = (root) =>
  sourceFiles(root).filter((f) => /\.(page|component)$/.test(f));

/** apex-ls CheckForIssues: exit 0 clean, 4 with issues; anything else is a crash. */
export async function checkApexLs(root) {
  const r = await runProcess(
    "java",
    [
      ...JVM_OPTIONS,
      "-cp",
      CLASSPATH,
      "io.github.apexdevtools.apexls.CheckForIssues",
      "-n",
      "-f",
      "json",
      "-w",
      root
    ],
    { cwd: root }
  );
  if (r.code !== 0 && r.code !== 4) {
    return [
      problem(
        root,
        "sfdx-project.json",
        0,
        "apex-ls/crashed",
        `apex-ls exited with ${r.code}: ${(r.stderr || r.stdout).trim().slice(0, 500)}`
      )
    ];
  }
  let report;
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
  } catch {
    return [
      problem(
        root,
        "sfdx-project.json",
        0,
        "apex-ls/bad-output",
        `could not read apex-ls output: ${r.stdout.slice(0, 300)}`
      )
    ];
  }
  const problems = [];
  for (const f of report.files ?? [])
    for (const m of f.messages ?? [])
      problems.push(
        problem(root, f.path, m.start?.line, `apex-ls/${m.category ?? "Error"}`, m.message)
      );
  if (r.code === 4 && problems.length === 0)
    problems.push(
      problem(
        root,
        "sfdx-project.json",
        0,
        "apex-ls/issues",
        "apex-ls reported issues it did not list"
      )
    );
  return problems;
}

/** PMD through the Code Analyzer's PMD wrapper, with our ruleset; `vfFiles` are Visualforce. */
export async function checkPmd(root, files, rulesetFile, vfFiles = []) {
  const work = mkdtempSync(join(tmpdir(), "validate-pmd-"));
  try {
    const input = join(work, "input.json");
    const output = join(work, "results.json");
    writeFileSync(
      input,
      JSON.stringify({
        ruleSetInputFile: rulesetFile,
        runDataPerLanguage: {
          ...(files.length ? { apex: { filesToScan: files } } : {}),
          ...(vfFiles.length ? { visualforce: { filesToScan: vfFiles } } : {})
        }
      })
    );
    const r = await runProcess(
      "java",
      [
        ...JVM_OPTIONS,
        "-cp",
        CLASSPATH,
        "com.salesforce.sfca.pmdwrapper.PmdWrapper",
        "run",
        input,
        output
      ],
      { cwd: root }
    );
    if (r.code !== 0 || !existsSync(output)) {
      return [
        problem(
          root,
          rulesetFile,
          0,
          "pmd/crashed",
          `PMD exited with ${r.code}: ${(r.stderr || r.stdout).trim().slice(-500)}`
        )
      ];
    }
    const results = JSON.parse(readFileSync(output, "utf8"));
    const problems = (results.violations ?? []).map((v) =>
      problem(root, v.codeLocation.file, v.codeLocation.startLine, `pmd/${v.rule}`, v.message)
    );
    for (const e of results.processingErrors ?? [])
      problems.push(
        problem(
          root,
          e.file ?? rulesetFile,
          0,
          "pmd/processing-error",
          String(e.message).split("\n")[0]
        )
      );
    return problems;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every `// NOPMD` and `@SuppressWarnings('PMD…')` must carry a reason in a comment. */
export function checkSuppressions(root, files) {
  const problems = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      const nopmd = /\/\/\s*NOPMD\b(.*)$/.exec(line);
      if (nopmd && nopmd[1].replace(/[\s:\-–—]/g, "") === "")
        problems.push(
          problem(
            root,
            file,
            i + 1,
            "pmd/unjustified-suppression",
            "// NOPMD needs a reason after it (// NOPMD the reason)"
          )
        );
      if (/@SuppressWarnings\s*\(\s*'[^']*PMD/i.test(line)) {
        const sameLine = /\/\/\s*\S|\/\*.*\S.*\*\//.test(line.replace(/'[^']*'/g, "''"));
        const above = (lines[i - 1] ?? "").trim();
        const commentAbove =
          above.startsWith("//") || above.endsWith("*/") || above.startsWith("*");
        if (!sameLine && !commentAbove)
          problems.push(
            problem(
              root,
              file,
              i + 1,
              "pmd/unjustified-suppression",
              "@SuppressWarnings('PMD…') needs a comment on the line above (or the same line) saying why"
            )
          );
      }
    });
  }
  return problems;
}
