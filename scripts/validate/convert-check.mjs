/**
 * Check 1: `sf project convert source` turns the package directories into Metadata API format,
 * its package.xml lists every component and metadata type present, and no source file is
 * silently dropped (the CLI drops e.g. an Apex class whose -meta.xml is missing).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { tmpdir } from "node:os";
import sdr from "@salesforce/source-deploy-retrieve";
import { packageDirectories, sourceFiles, isMetaXml, parentTypeName } from "./project.mjs";
import { parseXml } from "./xml-tree.mjs";
import { rootElementName } from "./metadata-xsd.mjs";
import { problem } from "./report.mjs";
import { runProcess, SF_ENV } from "./process.mjs";

const { MetadataResolver } = sdr;

/** Reads package.xml into type name → members. */
export function readPackageXml(text) {
  const types = new Map();
  for (const t of parseXml(text).children.filter((c) => c.name === "types")) {
    const name = t.children.find((c) => c.name === "name")?.text;
    if (!name) continue;
    const members = types.get(name) ?? new Set();
    for (const m of t.children.filter((c) => c.name === "members")) members.add(m.text);
    types.set(name, members);
  }
  return types;
}

/** Every file a resolved component (and its children) owns. */
function claimedFiles(component, into) {
  if (component.xml) into.add(component.xml);
  if (component.content) for (const f of component.walkContent()) into.add(f);
  for (const child of component.getChildren()) claimedFiles(child, into);
  return into;
}

function droppedReason(file, files) {
  if (
    !isMetaXml(file) &&
    !files.has(`${file}-meta.xml`) &&
    /\.(cls|trigger|page|component|resource|asset)$/.test(file)
  )
    return `is dropped by the conversion: ${basename(file)}-meta.xml is missing`;
  return "is not part of any metadata component, so the conversion drops it (missing or misnamed -meta.xml, or a file in the wrong folder?)";
}

/** Whether the converted output holds a file or folder for a component (e.g. classes/Greeter.cls). */
function inOutput(component, outputFiles) {
  const prefix = `${component.type.directoryName}/${component.fullName}`;
  const decoded = (f) => {
    try {
      return decodeURIComponent(f);
    } catch {
      return f;
    }
  };
  // Metadata API file names percent-encode some characters of a component's name.
  return outputFiles.some((file) =>
    [file, decoded(file)].some((f) => f.startsWith(prefix) && /^[./]/.test(f.slice(prefix.length)))
  );
}

/**
 * Compares the project's files and types with a conversion's package.xml and, when given, the
 * list of files the conversion wrote (relative to its output folder).
 * Pure apart from reading files; the sf run is separate so tests can share it.
 */
export function compareWithPackageXml(root, packageXmlText, outputFiles = null) {
  const problems = [];
  const packageTypes = readPackageXml(packageXmlText);
  const files = sourceFiles(root);
  const fileSet = new Set(files);
  const claimed = new Set();
  const resolver = new MetadataResolver();
  for (const dir of packageDirectories(root)) {
    if (!existsSync(dir)) continue;
    let components;
    try {
      components = resolver.getComponentsFromPath(dir);
    } catch (e) {
      problems.push(
        problem(root, e.message.match(/(\/\S+)/)?.[1] ?? dir, 0, "convert/unresolvable", e.message)
      );
      continue;
    }
    for (const c of components) {
      claimedFiles(c, claimed);
      const members = packageTypes.get(c.type.name);
      if (!members || !(members.has(c.fullName) || members.has("*")))
        problems.push(
          problem(
            root,
            c.xml ?? c.content,
            0,
            "convert/missing-from-package-xml",
            `${c.type.name} ${c.fullName} is not in the converted package.xml`
          )
        );
      else if (outputFiles && !inOutput(c, outputFiles))
        problems.push(
          problem(
            root,
            c.xml ?? c.content,
            0,
            "convert/missing-from-output",
            `${c.type.name} ${c.fullName} is listed but the conversion wrote no ${c.type.directoryName}/${c.fullName} file`
          )
        );
    }
  }
  for (const file of files) {
    if (!claimed.has(file))
      problems.push(problem(root, file, 0, "convert/dropped-file", droppedReason(file, fileSet)));
  }
  // Independent of the resolver: the type each -meta.xml declares must be in package.xml.
  for (const file of files.filter(isMetaXml)) {
    const type = rootElementName(readFileSync(file, "utf8"));
    if (!type || !claimed.has(file)) continue;
    const listed = packageTypes.has(type) || packageTypes.has(parentTypeName(type) ?? "");
    if (!listed)
      problems.push(
        problem(
          root,
          file,
          0,
          "convert/type-missing",
          `metadata type ${type} is not listed in the converted package.xml`
        )
      );
  }
  return problems;
}

/** Runs `sf project convert source` into a temp dir; returns { problems, packageXml, outputFiles }. */
export async function runConvert(root) {
  const out = mkdtempSync(join(tmpdir(), "validate-convert-"));
  try {
    const dirs = packageDirectories(root).map((d) => relative(root, d));
    const args = ["project", "convert", "source", "--json", "-d", join(out, "mdapi")];
    for (const d of dirs) args.push("-r", d);
    const sf = join(root, "node_modules/.bin/sf");
    const r = await runProcess(existsSync(sf) ? sf : "sf", args, { cwd: root, env: SF_ENV });
    const packageXml = join(out, "mdapi", "package.xml");
    if (r.code !== 0 || !existsSync(packageXml)) {
      let message = (r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ");
      try {
        message = JSON.parse(r.stdout).message ?? message;
      } catch {
        // Not JSON: keep the tail of the output.
      }
      const file = /(\/[^\s'"]+?):?(?:\s|$)/.exec(message)?.[1];
      return {
        problems: [
          problem(
            root,
            file && file.startsWith(root) ? file : "sfdx-project.json",
            0,
            "convert/failed",
            `sf project convert source failed: ${message}`
          )
        ],
        packageXml: null
      };
    }
    const mdapi = join(out, "mdapi");
    const outputFiles = readdirSync(mdapi, { recursive: true }).map((f) =>
      String(f).split(sep).join("/")
    );
    return { problems: [], packageXml: readFileSync(packageXml, "utf8"), outputFiles };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The whole check. */
export async function checkConvert(root) {
  const { problems, packageXml, outputFiles } = await runConvert(root);
  if (packageXml === null) return problems;
  return compareWithPackageXml(root, packageXml, outputFiles);
}
