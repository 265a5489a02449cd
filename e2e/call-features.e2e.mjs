/**
 * Call flow with the demo phone in the workbench: consult transfer completed and cancelled, a
 * conference of three with one party leaving, voicemail drop, and a PBX feature code button.
 * Exactly one Task per customer call, noting what happened.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage, screenshot } from "./lib/browser.mjs";
import {
  assertAccessible,
  openPhonePanel,
  records,
  simulateIncoming,
  sp,
  waitForReady,
  waitForTasks,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();
const FEATURES = {
  wrapUpSeconds: "0",
  "/callFeatures/featureCodes": "Pause recording=*1,Park=*70",
  "/callFeatures/voicemailMessages": "Callback=/resource/VoicemailCallback/callback.mp3"
};

/** The workbench with a connected inbound call from a known contact. */
async function onCall(settings = FEATURES) {
  const { page } = await openPage(s.browser, withSettings(s.wb.url, settings));
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "+1 212 555 0141");
  await sp(page, "answer").click();
  await sp(page, "call-state").filter({ hasText: "Connected" }).waitFor();
  return page;
}

/** Consults extension 201 and waits until it answers. */
async function consult(page) {
  await sp(page, "consult-open").click();
  await sp(page, "consult-input").fill("201");
  await sp(page, "consult-call").click();
  await sp(page, "call-state").filter({ hasText: "On hold" }).waitFor();
  await sp(page, "second-leg-state").filter({ hasText: "Talking" }).waitFor({ timeout: 10000 });
}

/** No further Task appears. */
async function stillOneTask(page) {
  await page.waitForTimeout(1500);
  assert.equal((await records(page, "Task")).length, 1);
}

test("consult transfer: the caller waits on hold, the agent talks to 201, then completes", async () => {
  const page = await onCall();
  await consult(page);
  assert.match(await sp(page, "second-leg").innerText(), /consultation[\s\S]*201/i);
  await screenshot(page, "call-features-consult");
  await assertAccessible(page, "consultation");
  await sp(page, "consult-complete").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallType, "Inbound");
  assert.equal(task.CallDisposition, "Connected");
  assert.equal(task.Description, "Transferred to 201 after a consultation (attended transfer).");
  await sp(page, "second-leg").waitFor({ state: "detached" });
  await waitForReady(page);
  await stillOneTask(page);
});

test("consult cancelled: back to the caller, one Task noting the consultation", async () => {
  const page = await onCall();
  await consult(page);
  await sp(page, "consult-cancel").click();
  await sp(page, "second-leg").waitFor({ state: "detached" });
  await sp(page, "call-state").filter({ hasText: "Connected" }).waitFor();
  await sp(page, "hangup").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.Description, "Consulted 201.");
  await stillOneTask(page);
});

test("conference of three: the caller leaves, the agent keeps talking to 201", async () => {
  const page = await onCall();
  await consult(page);
  await sp(page, "consult-conference").click();
  await phoneConference(page);
  await sp(page, "call-state").filter({ hasText: "Connected" }).waitFor();
  await screenshot(page, "call-features-conference");
  await assertAccessible(page, "conference");
  await sp(page, "conference-drop-customer").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.Description, "Conference with 201 (3-way).");
  await sp(page, "second-leg").filter({ hasText: "Still on the line" }).waitFor();
  await sp(page, "second-leg-hangup").click();
  await sp(page, "second-leg").waitFor({ state: "detached" });
  await stillOneTask(page);
});

async function phoneConference(page) {
  await page
    .frameLocator('[data-id="softphone-frame"]')
    .locator('[data-id="second-leg"][data-conference="local"]')
    .waitFor();
}

test("conference of three: 201 leaves, the caller stays", async () => {
  const page = await onCall();
  await consult(page);
  await sp(page, "consult-conference").click();
  await phoneConference(page);
  await sp(page, "conference-drop-other").click();
  await sp(page, "second-leg").waitFor({ state: "detached" });
  await sp(page, "call-state").filter({ hasText: "Connected" }).waitFor();
  await sp(page, "hangup").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.Description, "Conference with 201 (3-way).");
  await stillOneTask(page);
});

test("voicemail drop: the message plays, the call ends by itself and logs Voicemail left", async () => {
  const { wrapUpSeconds: _, ...untilSaved } = FEATURES;
  const { page } = await openPage(s.browser, withSettings(s.wb.url, untilSaved));
  await openPhonePanel(page);
  await waitForReady(page);
  await sp(page, "dial-input").fill("(415) 555-0188");
  await sp(page, "dial").click();
  await sp(page, "call-state").filter({ hasText: "Connected" }).waitFor({ timeout: 10000 });
  await sp(page, "voicemail-drop-0").click();
  await sp(page, "voicemail-playing").filter({ hasText: "Callback" }).waitFor();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.CallDisposition, "Voicemail left");
  assert.equal(task.CallType, "Outbound");
  assert.equal(task.Description, "Voicemail dropped: Callback.");
  assert.equal(await sp(page, "wrap-up-view").count(), 0);
  await waitForReady(page);
  await stillOneTask(page);
});

test("a feature-code button sends its digits and the Task notes it", async () => {
  const page = await onCall();
  assert.equal(await sp(page, "feature-code-0").innerText(), "Pause recording");
  assert.equal(await sp(page, "feature-code-0").getAttribute("title"), "Sends *1");
  await sp(page, "feature-code-0").click();
  // The note is written only once the phone has taken the digits.
  await sp(page, "hangup").click();
  const [task] = await waitForTasks(page, 1);
  assert.equal(task.Description, "PBX action: Pause recording (*1).");
});
