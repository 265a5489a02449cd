export { DemoPhone, createDemoPhone } from "./demo-phone";
export type { DemoOutcome, DemoPhoneOptions, DemoScheduler } from "./demo-phone";
