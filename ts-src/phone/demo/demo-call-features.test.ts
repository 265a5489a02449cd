/** The DemoPhone's simulated attended transfer, conference and voicemail drop. */
import type { PhoneEvent } from "../phone";
import { FakeClock, settle } from "../../core/testing/fake-clock";
import { DemoPhone } from "./demo-phone";

async function twoCalls() {
  const clock = new FakeClock();
  let n = 0;
  const phone = new DemoPhone({
    scheduler: clock,
    answerDelayMs: 100,
    messageMs: 500,
    newId: () => `call-${++n}`
  });
  const events: PhoneEvent[] = [];
  phone.on((e) => events.push(e));
  await phone.register();
  const a = await phone.dial("1001");
  const b = await phone.dial("1002");
  await clock.advance(100);
  return { phone, clock, events, a, b };
}

const ends = (events: PhoneEvent[]) =>
  events.flatMap((e) => (e.type === "callEnded" ? [[e.call.id, e.reason]] : []));

describe("DemoPhone call features", () => {
  it("attended transfer ends both calls as transferred", async () => {
    const { phone, events, a, b } = await twoCalls();
    await phone.hold(a, true);
    await phone.attendedTransfer(a, b);
    expect(ends(events)).toEqual([
      [a, "transferred"],
      [b, "transferred"]
    ]);
    await expect(phone.attendedTransfer(a, a)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("conference resumes held calls; one leaving ends the conference for the other", async () => {
    const { phone, a, b } = await twoCalls();
    await phone.hold(a, true);
    await phone.conference([a, b]);
    expect(phone.listCalls().map((c) => c.state)).toEqual(["connected", "connected"]);
    expect(phone.conferencedCalls()).toEqual([a, b]);
    await phone.hangup(b);
    expect(phone.conferencedCalls()).toEqual([]);
    await expect(phone.conference([a])).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("plays a message for messageMs, and rejects when the call ends first", async () => {
    const { phone, clock, a, b } = await twoCalls();
    let played = false;
    const playing = phone.playMessage(a, "/resource/Vm/a.mp3").then(() => (played = true));
    await settle();
    expect(phone.playingMessage(a)).toBe("/resource/Vm/a.mp3");
    await expect(phone.playMessage(a, "/resource/Vm/a.mp3")).rejects.toMatchObject({
      code: "INVALID_STATE"
    });
    await clock.advance(499);
    expect(played).toBe(false);
    await clock.advance(1);
    await playing;
    expect(played).toBe(true);
    const cut = phone.playMessage(b, "/resource/Vm/a.mp3");
    await phone.hangup(b);
    await expect(cut).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
