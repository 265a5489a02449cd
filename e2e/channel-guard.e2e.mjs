/**
 * Who may drive the phone: over the real Softphone__c channel in the workbench, a command the
 * call center does not list is refused with a notice, and a listed transfer to a number outside
 * the directory waits for the agent's Transfer or Cancel.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWorkbench } from "./lib/session.mjs";
import { openPage } from "./lib/browser.mjs";
import {
  openPhonePanel,
  simulateIncoming,
  sp,
  waitForReady,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();
const OUTSIDE = "+1 900 555 0199";

const publish = (page, type, payload) =>
  page.evaluate(
    ([type, payload]) =>
      window.workbench.backend.publish("Softphone__c", {
        source: "someComponent",
        type,
        ...(payload ? { payload } : {})
      }),
    [type, payload]
  );

test("answer from another component is refused by default", async () => {
  const { page } = await openPage(s.browser, s.wb.url);
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "(415) 555-0101");
  await sp(page, "incoming-view").waitFor();
  await publish(page, "answer");
  await sp(page, "notice").filter({ hasText: "does not allow" }).waitFor({ timeout: 10000 });
  assert.equal(await sp(page, "incoming-view").count(), 1, "the call still rings");
});

test("a transfer outside the directory waits for the agent: cancel keeps the call, confirm transfers", async () => {
  const url = withSettings(s.wb.url, {
    channelCommands: "requestState,dial,answer,hangup,hold,mute,transfer",
    wrapUpSeconds: ""
  });
  const { page } = await openPage(s.browser, url);
  await openPhonePanel(page);
  await waitForReady(page);
  await simulateIncoming(page, "(415) 555-0101");
  await publish(page, "answer");
  await sp(page, "active-call-view").waitFor({ timeout: 10000 });

  await publish(page, "transfer", { target: OUTSIDE });
  await sp(page, "confirm-transfer").filter({ hasText: OUTSIDE }).waitFor({ timeout: 10000 });
  await sp(page, "confirm-transfer-no").click();
  await sp(page, "confirm-transfer").waitFor({ state: "detached" });
  assert.equal(await sp(page, "active-call-view").count(), 1, "cancel keeps the call");

  await publish(page, "transfer", { target: OUTSIDE });
  await sp(page, "confirm-transfer-yes").click();
  await sp(page, "wrap-up-view").waitFor({ timeout: 10000 });
});
