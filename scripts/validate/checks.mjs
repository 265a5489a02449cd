/**
 * The offline deploy checks behind `npm run validate`, run over one SFDX project root.
 * Independent checks run concurrently; each reports Problems (file, line, rule, message).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkConvert } from "./convert-check.mjs";
import { loadJsforceModel, loadWsdlModelFromFile, overlayModel } from "./metadata-model.mjs";
import { checkMetadataFiles } from "./metadata-structure.mjs";
import { checkMetadataXsd } from "./metadata-xsd.mjs";
import {
  apexFiles,
  visualforceFiles,
  checkApexLs,
  checkPmd,
  checkSuppressions
} from "./apex-check.mjs";
import { checkPrettier, checkEslint } from "./style-check.mjs";
import { checkJsonSchemas } from "./json-schema-check.mjs";
import { sourceFiles, isMetaXml, expectedTypeOf } from "./project.mjs";
import { problem } from "./report.mjs";

export const CHECK_NAMES = [
  "convert",
  "metadata-schema",
  "metadata-xsd",
  "apex-ls",
  "pmd",
  "prettier",
  "eslint",
  "json-schema"
];

/**
 * @param {{ root: string, wsdl?: string|null, only?: Set<string>|null,
 *           ruleset?: string, cacheDir?: string }} options
 * @returns {Promise<import("./report.mjs").CheckResult[]>} in CHECK_NAMES order
 */
export async function runChecks({ root, wsdl = null, only = null, ruleset, cacheDir }) {
  const rulesetFile = ruleset ?? join(root, "config/pmd-ruleset.xml");
  const xsdCache = cacheDir ?? join(root, ".tmp/metadata-xsd");
  const metaFiles = () => sourceFiles(root).filter(isMetaXml);
  const noApexNote = "no Apex classes in the package directories: nothing to check";

  const checks = {
    convert: async () => ({ problems: await checkConvert(root) }),
    "metadata-schema": async () => {
      let model = loadJsforceModel();
      if (wsdl && existsSync(wsdl))
        model = overlayModel(model, loadWsdlModelFromFile(wsdl, xsdCache));
      const files = metaFiles();
      return {
        problems: checkMetadataFiles(root, files, model, expectedTypeOf),
        note: `${files.length} files, ${model.source}`
      };
    },
    "metadata-xsd": async () => {
      if (!wsdl) return null;
      if (!existsSync(wsdl))
        return {
          problems: [
            problem(root, wsdl, 0, "metadata-xsd/no-wsdl", `the WSDL ${wsdl} does not exist`)
          ]
        };
      const files = metaFiles();
      return {
        problems: await checkMetadataXsd(root, files, wsdl, xsdCache),
        note: `${files.length} files, xmllint`
      };
    },
    "apex-ls": async () => {
      if (apexFiles(root).length === 0) return { problems: [], note: noApexNote };
      return { problems: await checkApexLs(root) };
    },
    pmd: async () => {
      const files = apexFiles(root);
      const pages = visualforceFiles(root);
      if (files.length + pages.length === 0) return { problems: [], note: noApexNote };
      if (!existsSync(rulesetFile))
        return {
          problems: [problem(root, rulesetFile, 0, "pmd/no-ruleset", "the PMD ruleset is missing")]
        };
      const problems = [
        ...(await checkPmd(root, files, rulesetFile, pages)),
        ...checkSuppressions(root, files)
      ];
      return { problems, note: `${files.length} Apex, ${pages.length} Visualforce files` };
    },
    prettier: async () => ({ problems: await checkPrettier(root) }),
    eslint: async () => ({ problems: await checkEslint(root) }),
    "json-schema": async () => ({ problems: checkJsonSchemas(root) })
  };

  const selected = CHECK_NAMES.filter((name) => !only || only.has(name));
  const results = await Promise.all(
    selected.map(async (name) => {
      const started = Date.now();
      let result;
      try {
        result = await checks[name]();
      } catch (e) {
        // A check that cannot run fails; its message says why (the stack only helps when debugging).
        const message =
          e instanceof Error ? (process.env.DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
        result = { problems: [problem(root, ".", 0, `${name}/could-not-run`, message)] };
      }
      if (result === null) return null;
      return { name, ...result, seconds: (Date.now() - started) / 1000 };
    })
  );
  return results.filter(Boolean);
}
