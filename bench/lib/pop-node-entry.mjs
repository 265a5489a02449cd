/**
 * Screen-pop latency of the softphone's own code, in Node: the real core store over the real
 * LightningHost on the fake Open CTI (ts-src/host/fake, answering on the next microtask, as
 * "instantly" as a callback API can) and a DemoPhone. Bundled by esbuild (bench/lib/pop-node.mjs).
 * Each call: the demo phone's incoming event (emitted synchronously inside simulateIncoming)
 * → the softphone's lookup → the fake container's screenPop, timed with performance.now().
 */
import { createSoftphone } from "../../ts-src/core/softphone";
import { createPhoneNumbers } from "../../ts-src/core/phone-numbers-lib";
import { MemoryStorage } from "../../ts-src/core/storage";
import { apexCrmOf } from "../../ts-src/host/apex-crm";
import { createFakeHost } from "../../ts-src/host/fake";
import { createDemoPhone } from "../../ts-src/phone/demo";

const SETTINGS = {
  "/reqGeneralInfo/reqInternalName": "OpenCtiSoftphone",
  "/softphoneSettings/provider": "demo",
  "/softphoneSettings/defaultCountry": "US",
  "/softphoneSettings/screenPop": "apex",
  "/softphoneSettings/noMatchPop": "newContact",
  "/softphoneSettings/logCalls": "true",
  "/softphoneSettings/wrapUpSeconds": "0"
};

/** Resolves once `predicate(state)` holds (checked now and on every state change). */
function until(store, what, predicate, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    let stop = () => undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const check = (state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      stop();
      resolve();
    };
    stop = store.subscribe(check);
    check(store.getState());
  });
}

function untilTrue(what, check, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const end = performance.now() + timeoutMs;
    const tick = () => {
      if (check()) resolve();
      else if (performance.now() > end) reject(new Error(`timed out waiting for ${what}`));
      else setImmediate(tick);
    };
    tick();
  });
}

/** `calls` inbound calls alternating between two known Contacts; returns each latency (ms). */
export async function measurePopLatencyInNode(calls) {
  const pops = [];
  let org;
  const fake = createFakeHost("lightning", {
    callCenterSettings: SETTINGS,
    onScreenPop: (pop) => {
      pops.push(performance.now());
      // Salesforce navigates to a popped record; the softphone hears of it as a page change.
      if (pop.type === "sobject" && typeof pop.params.recordId === "string")
        org.fireNavigationChange({ recordId: pop.params.recordId });
    }
  });
  org = fake.org;
  const numbers = ["(415) 555-0101", "+1 212 555 0141"];
  org.addContact({ FirstName: "Maria", LastName: "Garcia", Phone: numbers[0] });
  org.addContact({ FirstName: "James", LastName: "Chen", Phone: numbers[1] });
  const phone = createDemoPhone();
  const warnings = [];
  const store = createSoftphone({
    host: fake.host,
    crm: apexCrmOf(fake.host),
    createPhone: async () => phone,
    storage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
    logger: { warn: (message) => warnings.push(message) },
    microphone: async () => "granted",
    loadPhoneNumbers: async () => createPhoneNumbers()
  });
  await store.start();
  await until(store, "the agent ready", (s) => s.agent === "ready" && s.call === null);
  const latencies = [];
  try {
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await phone.simulateIncoming(numbers[i % numbers.length]);
      await untilTrue(`screen pop ${i + 1}`, () => pops.length > i);
      latencies.push(pops[i] - started);
      await store.actions.hangup();
      await until(
        store,
        `ready after call ${i + 1}`,
        (s) => s.agent === "ready" && s.call === null
      );
    }
  } finally {
    await store.dispose();
  }
  if (pops.length !== calls) throw new Error(`expected ${calls} screen pops, saw ${pops.length}`);
  return { latenciesMs: latencies, warnings };
}
