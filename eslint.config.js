// ESLint for the whole repository (npm run lint, and check 4 of npm run validate).
// Style is prettier's job: no formatting rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import lwcConfig from "@salesforce/eslint-config-lwc";

const TS = ["ts-src/**/*.{ts,tsx,mts,cts}"];
const LWC = ["force-app/**/lwc/**/*.js"];
const NODE = [
  "scripts/**/*.{js,mjs,cjs}",
  "e2e/**/*.{js,mjs,cjs}",
  "bench/**/*.{js,mjs,cjs}",
  "*.{js,mjs,cjs}"
];

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));
const unusedVars = [
  "error",
  { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }
];

export default [
  {
    ignores: [
      "**/node_modules/**",
      "force-app/main/default/staticresources/**",
      "coverage/**",
      ".tmp/**",
      "test-output/**",
      ".sf/**",
      ".sfdx/**",
      ".localdevserver/**",
      "scripts/validate/fixtures/**"
    ]
  },

  // TypeScript: the softphone, its tests and the workbench.
  ...scoped([js.configs.recommended, ...tseslint.configs.recommended], TS),
  {
    files: TS,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": unusedVars,
      // Sanitising caller-supplied text means matching control characters on purpose.
      "no-control-regex": "off",
      "no-console": ["error", { allow: ["warn", "error", "info"] }]
    }
  },

  // Lightning web components: Salesforce's recommended LWC rules.
  ...scoped(lwcConfig.configs.recommended, LWC),

  // Node scripts, browser tests and benchmarks (page callbacks run in the browser).
  {
    ...js.configs.recommended,
    files: NODE
  },
  {
    files: NODE,
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser }
    },
    rules: {
      "no-unused-vars": unusedVars,
      // Security tests build and look for control characters on purpose.
      "no-control-regex": "off"
    }
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" }
  }
];
