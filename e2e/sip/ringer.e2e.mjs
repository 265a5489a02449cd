/**
 * The ringer (platform/ringer.ts) on real incoming SIP calls in Chromium: it rings in a loop on
 * the agent's ringer output, stops on answer, and when the browser blocks autoplay it shows a
 * browser notification instead and says so (the `ringer` event and Ringer.status()).
 * Headless Chromium plays audio whatever --autoplay-policy says, so the blocked case makes
 * play() reject the way Chromium does (NotAllowedError); the notification itself is real.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Kamailio } from "./lib/kamailio.mjs";
import { launchBrowser, pollPage, sleep } from "./lib/browser.mjs";
import { startHarnessServer } from "./lib/harness-server.mjs";
import { SoftphoneParty, AgentParty } from "./lib/parties.mjs";

let server, pbx;

before(async () => {
  server = await startHarnessServer();
  pbx = await new Kamailio({ auth: true }).start();
});

after(async () => {
  await server?.close();
  await pbx?.dispose();
});

const ringerElements = async (phone) =>
  (await phone.page.evaluate(() => window.harness.audioElements())).filter(
    (a) => a.role === "ringer"
  );

test("incoming call rings on the chosen ringer output, in a loop, until answered", async () => {
  const browser = await launchBrowser();
  try {
    const phone = await SoftphoneParty.open(browser, server.origin, pbx, "ring1", {
      ringer: true
    });
    const devices = await phone.call("listDevices");
    const out2 = devices.outputs.find((d) => d.label === "Fake Audio Output 2");
    await phone.call("selectDevice", "ringer", out2.id);
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller71");
    const callId = await caller.run("call", "ring1");
    const rang = await phone.waitEvent({ type: "ringer" });
    assert.equal(rang.callId, callId);
    assert.equal(rang.outcome, "audio");
    const [element] = await ringerElements(phone);
    assert.deepEqual(
      { playing: element.playing, loop: element.loop, sinkId: element.sinkId },
      { playing: true, loop: true, sinkId: out2.id },
      "a looping ring on the ringer output"
    );
    // One cycle is 6 s; it keeps going by itself (no timers needed in a background tab).
    await sleep(1500);
    assert.ok((await ringerElements(phone))[0].currentTime > 1, "still ringing");
    const status = await phone.page.evaluate(() => window.harness.ringerStatus());
    assert.deepEqual(
      { lastOutcome: status.lastOutcome, output: status.output },
      { lastOutcome: "audio", output: "chosen" }
    );
    await phone.call("answer", callId);
    await pollPage(
      phone.page,
      () => !window.harness.audioElements().some((a) => a.role === "ringer"),
      null,
      { what: "the ring stopped on answer" }
    );
    await phone.call("hangup", callId);
    await caller.close();
    await phone.close();
  } finally {
    await browser.close();
  }
});

test("autoplay blocked → a browser notification instead, and the ringer says so", async () => {
  const browser = await launchBrowser();
  try {
    const phone = await SoftphoneParty.open(browser, server.origin, pbx, "ring2", {
      ringer: true
    });
    await phone.context.grantPermissions(["microphone", "notifications"], {
      origin: server.origin
    });
    await phone.page.evaluate(() => {
      HTMLMediaElement.prototype.play = () =>
        Promise.reject(
          new DOMException(
            "play() failed because the user didn't interact with the document first.",
            "NotAllowedError"
          )
        );
      const Native = window.Notification;
      window.shownNotifications = [];
      window.Notification = class extends Native {
        constructor(title, options) {
          super(title, options);
          window.shownNotifications.push({ title, body: options?.body, tag: options?.tag });
        }
      };
    });
    const caller = await AgentParty.open(browser, server.origin, pbx, "caller72");
    const callId = await caller.run("call", "ring2");
    const rang = await phone.waitEvent({ type: "ringer" });
    assert.equal(rang.callId, callId);
    assert.equal(rang.outcome, "notification", JSON.stringify(rang));
    assert.match(rang.detail, /blocked the ring sound .* notification was shown instead/);
    assert.deepEqual(await phone.page.evaluate(() => window.shownNotifications), [
      { title: "Incoming call", body: "Agent caller72", tag: `softphone-call-${callId}` }
    ]);
    const status = await phone.page.evaluate(() => window.harness.ringerStatus());
    assert.equal(status.lastOutcome, "notification");
    assert.equal(status.notifications, "granted");
    await caller.run("hangup");
    await phone.waitEvent({ type: "callEnded", callId });
    assert.deepEqual(await ringerElements(phone), [], "nothing left ringing");
    await caller.close();
    await phone.close();
  } finally {
    await browser.close();
  }
});
