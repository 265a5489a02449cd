/**
 * The SFDX project being validated: its package directories and their files, with
 * .forceignore applied the way the Salesforce CLI applies it.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import sdr from "@salesforce/source-deploy-retrieve";

const { ForceIgnore, RegistryAccess } = sdr;

/** Package directory paths (absolute) from sfdx-project.json; force-app when it cannot be read. */
export function packageDirectories(root) {
  try {
    const project = JSON.parse(readFileSync(join(root, "sfdx-project.json"), "utf8"));
    const dirs = (project.packageDirectories ?? [])
      .map((d) => d.path)
      .filter((p) => typeof p === "string");
    if (dirs.length) return dirs.map((d) => join(root, d));
  } catch {
    // An unreadable sfdx-project.json is reported by the JSON schema check.
  }
  return [join(root, "force-app")];
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Every file under the package directories that .forceignore does not exclude, sorted. */
export function sourceFiles(root) {
  const forceIgnore = ForceIgnore.findAndCreate(root);
  return packageDirectories(root)
    .flatMap((dir) => walk(dir))
    .filter((f) => forceIgnore.accepts(f))
    .sort();
}

export const isMetaXml = (file) => file.endsWith("-meta.xml");

const registry = new RegistryAccess();

/** Child types by suffix (`field` → CustomField), where the suffix means one type only. */
const childTypeBySuffix = (() => {
  const found = new Map();
  for (const type of Object.values(registry.registry.types))
    for (const [suffix, id] of Object.entries(type.children?.suffixes ?? {})) {
      const name = registry.registry.types[type.id].children.types[id]?.name;
      found.set(suffix, found.has(suffix) && found.get(suffix) !== name ? null : name);
    }
  return found;
})();

/** The metadata type a `-meta.xml` file's suffix implies (e.g. `.cls-meta.xml` → ApexClass), or null. */
export function expectedTypeOf(file) {
  if (/[/\\]lwc[/\\][^/\\]+[/\\][^/\\]+\.js-meta\.xml$/.test(file))
    return "LightningComponentBundle";
  const m = /\.([A-Za-z]+)-meta\.xml$/.exec(file);
  if (!m) return null;
  const type = registry.getTypeBySuffix(m[1]);
  if (type) return type.name;
  return childTypeBySuffix.get(m[1]) ?? null;
}

/** The parent type of a child type (CustomField → CustomObject), or null. */
export function parentTypeName(typeName) {
  try {
    const type = registry.getTypeByName(typeName.toLowerCase());
    const parent = registry.getParentType(type.id);
    return parent ? parent.name : null;
  } catch {
    return null;
  }
}

export const relativeTo = (root, file) => relative(root, file);
