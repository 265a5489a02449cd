/**
 * The layout's rules, checked on the sources: imports go one way (ui → core → host/phone
 * interfaces), core reaches hosts through interfaces only, no import circles anywhere, and
 * the Apex classes behind core's Crm port are named in one host-side adapter.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const SRC = __dirname;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((file) => relative(SRC, file));
const KNOWN = new Set(FILES);

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".") || /\.(css|json|svg|png|mjs)$/.test(specifier)) return null;
  const base = relative(SRC, resolve(SRC, dirname(from), specifier));
  // Outside ts-src (the workbench uses scripts/): not part of the layout.
  if (base.startsWith("..")) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`
  ]) {
    if (KNOWN.has(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const edges: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const to = resolveImport(file, specifier);
    if (to) edges.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const EDGES = FILES.flatMap(importsOf);

/** Tests and the test support beside them may wire anything, as entry files do. */
function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || /(^|\/)(testing|test-support|integration)\//.test(file);
}

/**
 * The Salesforce Voice connector is a host that also plays the UI's part: Salesforce draws the
 * phone, and the connector drives core's store like the UI does (ts-src/host/voice).
 */
const isVoiceHost = (file: string) => file.startsWith("host/voice/");

const layer = (file: string) => file.split("/")[0].replace(/\.tsx?$/, "");

describe("architecture", () => {
  it("has no import circle anywhere in ts-src", () => {
    const graph = new Map<string, string[]>();
    for (const edge of EDGES) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const walk = (file: string): void => {
      state.set(file, "open");
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "open")
          cycles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) walk(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) walk(file);
    expect(cycles).toEqual([]);
  });

  it("keeps core pure: host only through type-only imports, nothing of ui, platform, workbench", () => {
    const wrong = EDGES.filter(
      (edge) =>
        layer(edge.from) === "core" &&
        !isTestCode(edge.from) &&
        (["ui", "platform", "workbench", "main", "connector"].includes(layer(edge.to)) ||
          (layer(edge.to) === "host" && !edge.typeOnly) ||
          (layer(edge.to) === "phone" && !edge.typeOnly))
    ).map((edge) => `${edge.from} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it("keeps host and phone free of core, ui and each other", () => {
    const wrong = EDGES.filter((edge) => {
      const from = layer(edge.from);
      if (isTestCode(edge.from) || isVoiceHost(edge.from)) return false;
      return (from === "host" || from === "phone") && layer(edge.to) !== from;
    }).map((edge) => `${edge.from} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it("lets the Voice host drive core's store and the phones, and nothing reach into it", () => {
    const wrong = EDGES.filter(
      (edge) =>
        (isVoiceHost(edge.from) &&
          !isTestCode(edge.from) &&
          ["ui", "platform", "workbench"].includes(layer(edge.to))) ||
        (isVoiceHost(edge.to) && ["core", "phone", "ui"].includes(layer(edge.from)))
    ).map((edge) => `${edge.from} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it("lets ui reach core's contract but never a host or a phone directly", () => {
    const wrong = EDGES.filter(
      (edge) =>
        layer(edge.from) === "ui" &&
        !isTestCode(edge.from) &&
        ["host", "phone", "platform", "workbench"].includes(layer(edge.to)) &&
        !edge.typeOnly
    ).map((edge) => `${edge.from} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it("names the Apex classes behind Crm only in host/apex-crm.ts", () => {
    const named = FILES.filter(
      (file) =>
        !isTestCode(file) &&
        !file.startsWith("host/fake/") &&
        /Softphone(CallerLookup|CallLog|Directory|SipAccount)/.test(
          readFileSync(join(SRC, file), "utf8")
        )
    );
    expect(named).toEqual(["host/apex-crm.ts"]);
  });
});
