export { DemoPhone, createDemoPhone } from "./demo-phone";
export type { DemoOutcome, DemoPhoneOptions, DemoScheduler } from "./demo-phone";
export { DEMO_DEVICES, SimulatedMediaDevices } from "./simulated-devices";
export type { SimulatedDevice } from "./simulated-devices";
