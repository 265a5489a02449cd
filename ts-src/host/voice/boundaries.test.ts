/**
 * The Voice host is wired in its own entry file (connector.ts, like main.ts): core and the
 * phones never import it, and it reaches core only through the store contract and the types.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const src = join(__dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]);

test.each(["core", "phone"])("%s/ has no import of host/voice", (dir) => {
  const offenders = sources(join(src, dir)).filter((file) =>
    importsOf(file).some((spec) => /host\/voice/.test(spec))
  );
  expect(offenders).toEqual([]);
});

test("host/voice (outside its tests) imports nothing but types from core", () => {
  const runtime = sources(__dirname)
    .filter((file) => !/\.test\.ts$|[/\\](testing|fake)[/\\]/.test(file))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^import (?!type )[^;]*?from "([^"]+)"/gms)]
        .map((m) => m[1])
        .filter((spec) => spec.includes("/core/"))
        .map((spec) => `${file}: ${spec}`)
    );
  expect(runtime).toEqual([]);
});
