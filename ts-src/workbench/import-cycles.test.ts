/**
 * No import cycle anywhere in the workbench: each module's relative imports (type-only ones
 * too, which keep modules tangled just the same) form a graph without loops.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")])
    if (candidate.startsWith(ROOT) && files.has(candidate)) return candidate;
  return null;
}

const files = new Set(sources(ROOT));
const graph = new Map<string, string[]>();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const targets = [...text.matchAll(/(?:import|export)[^"']*?from\s+["'](\.[^"']+)["']/g)]
    .map((m) => resolveImport(file, m[1] as string))
    .filter((t): t is string => t !== null);
  graph.set(file, targets);
}

function findCycle(): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === "done") return null;
    if (state.get(file) === "visiting") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return null;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

test("the workbench's modules import each other without a cycle", () => {
  expect(graph.size).toBeGreaterThan(20);
  expect(findCycle()?.map((f) => relative(ROOT, f))).toBeUndefined();
});
