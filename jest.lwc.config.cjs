/** LWC tests through sfdx-lwc-jest (Salesforce's Jest preset for Lightning web components). */
const { jestConfig } = require("@salesforce/sfdx-lwc-jest/config");
module.exports = {
  ...jestConfig,
  roots: ["<rootDir>/force-app"],
  modulePathIgnorePatterns: ["<rootDir>/.localdevserver"],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), "<rootDir>/jest-sa11y-setup.js"]
};
