/**
 * Check 5: sfdx-project.json and config/project-scratch-def.json against the JSON schemas that
 * the Salesforce CLI publishes in @salesforce/schemas.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { problem, lineAt } from "./report.mjs";

const require = createRequire(import.meta.url);

export const JSON_FILES = [
  {
    file: "sfdx-project.json",
    schema: "@salesforce/schemas/sfdx-project.schema.json",
    required: true
  },
  {
    file: "config/project-scratch-def.json",
    schema: "@salesforce/schemas/project-scratch-def.schema.json",
    required: true
  }
];

/** Line of the property an instancePath (/a/0/b) points at, found by its last key; 1 when unknown. */
function lineOfPath(text, instancePath) {
  const key = instancePath
    .split("/")
    .filter((k) => k && !/^\d+$/.test(k))
    .pop();
  if (!key) return 1;
  const i = text.indexOf(`"${key.replace(/~1/g, "/").replace(/~0/g, "~")}"`);
  return i < 0 ? 1 : lineAt(text, i);
}

/**
 * Where JSON.parse failed: V8 names the position, or quotes the text around the bad token
 * (about 10 characters either side, "..." marking a cut).
 */
export function jsonErrorOffset(text, message) {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const quoted =
    /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return null;
  const [, token, cutBefore, snippet] = quoted;
  const start = text.indexOf(snippet);
  if (start < 0) return null;
  const inSnippet = cutBefore ? 10 : snippet.indexOf(token);
  return start + Math.max(0, inSnippet);
}

export function checkJsonSchemas(root) {
  const problems = [];
  for (const { file, schema, required } of JSON_FILES) {
    const path = join(root, file);
    if (!existsSync(path)) {
      if (required)
        problems.push(problem(root, file, 0, "json-schema/missing-file", `${file} is missing`));
      continue;
    }
    const text = readFileSync(path, "utf8");
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const pos = jsonErrorOffset(text, e.message);
      problems.push(
        problem(
          root,
          file,
          pos === null ? 0 : lineAt(text, pos),
          "json-schema/syntax",
          e.message.replace(/\s+/g, " ")
        )
      );
      continue;
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(require(schema));
    if (validate(data)) continue;
    for (const err of validate.errors ?? []) {
      const where = err.instancePath || "(root)";
      const extra = err.params?.additionalProperty
        ? ` "${err.params.additionalProperty}"`
        : err.params?.allowedValues
          ? ` (${err.params.allowedValues.join(", ")})`
          : "";
      const path2 = err.params?.additionalProperty
        ? `${err.instancePath}/${err.params.additionalProperty}`
        : err.instancePath;
      problems.push(
        problem(
          root,
          file,
          lineOfPath(text, path2),
          `json-schema/${err.keyword}`,
          `${where} ${err.message}${extra}`
        )
      );
    }
  }
  return problems;
}
