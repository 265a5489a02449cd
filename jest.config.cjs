/** Unit, component and integration tests for ts-src (TypeScript, jsdom where a test asks for it). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/ts-src"],
  // scripts/, data/ and bench/ tests are node:test files run by the "scripts" suite.
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          jsxImportSource: "preact",
          allowJs: true,
          esModuleInterop: true,
          module: "commonjs",
          target: "ES2022",
          isolatedModules: true
        },
        diagnostics: false
      }
    ]
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(preact|@testing-library/preact|libphonenumber-js|sip\\.js)/)"
  ],
  moduleNameMapper: {
    "^preact$": "<rootDir>/node_modules/preact/dist/preact.js",
    "^preact/hooks$": "<rootDir>/node_modules/preact/hooks/dist/hooks.js",
    "^preact/jsx-runtime$": "<rootDir>/node_modules/preact/jsx-runtime/dist/jsxRuntime.js",
    "^preact/test-utils$": "<rootDir>/node_modules/preact/test-utils/dist/testUtils.js",
    "^@testing-library/preact$": "<rootDir>/node_modules/@testing-library/preact/dist/cjs/index.js"
  },
  collectCoverageFrom: ["ts-src/core/**/*.ts", "!ts-src/**/*.test.ts"],
  coverageReporters: ["text-summary", "json-summary"]
};
