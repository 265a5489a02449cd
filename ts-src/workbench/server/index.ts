/** What scripts/start.mjs and the e2e helpers load from the bundled workbench server. */
export {
  startWorkbenchServer,
  type RunningWorkbench,
  type WorkbenchServerOptions
} from "./workbench-server";
export { parseWorkbenchArgs, CliError, type WorkbenchCliOptions } from "./settings-args";
export { resolveAdapter, AdapterError, type AdapterSource } from "./adapter";
