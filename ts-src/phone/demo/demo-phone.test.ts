import { PhoneError, type PhoneEvent } from "../phone";
import { DemoPhone, type DemoPhoneOptions } from "./demo-phone";

class ManualScheduler {
  now = 0;
  private timers: Array<{ id: number; at: number; run: () => void }> = [];
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ id, at: this.now + ms, run });
    return id;
  }
  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.run();
    }
    this.now = end;
  }
  get count(): number {
    return this.timers.length;
  }
}

async function started(options: DemoPhoneOptions = {}) {
  const scheduler = new ManualScheduler();
  let n = 0;
  const phone = new DemoPhone({ scheduler, newId: () => `call-${++n}`, ...options });
  const events: PhoneEvent[] = [];
  phone.on((e) => events.push(e));
  await phone.register();
  return { phone, scheduler, events };
}

const summary = (events: PhoneEvent[]) =>
  events.map((e) =>
    e.type === "registration"
      ? `registration:${e.state}`
      : e.type === "callEnded"
        ? `ended:${e.reason}`
        : "call" in e
          ? `${e.type}:${e.call.state}`
          : e.type
  );

describe("DemoPhone", () => {
  it("registers once and unregisters", async () => {
    const { phone, events } = await started();
    await phone.register();
    await phone.unregister();
    expect(summary(events)).toEqual([
      "registration:registering",
      "registration:registered",
      "registration:unregistered"
    ]);
    await expect(phone.dial("123")).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("rings an outbound call, then connects after the configured delay", async () => {
    const { phone, scheduler, events } = await started({ answerDelayMs: 1000 });
    events.length = 0;
    const id = await phone.dial("+14155550100");
    expect(id).toBe("call-1");
    scheduler.advance(999);
    expect(summary(events)).toEqual(["callUpdated:dialing"]);
    scheduler.advance(1);
    expect(summary(events)).toEqual(["callUpdated:dialing", "callUpdated:connected"]);
    expect(events[0]).toMatchObject({
      call: { direction: "outbound", remoteNumber: "+14155550100", muted: false }
    });
  });

  it("simulates busy and unanswered callees", async () => {
    const { phone, scheduler, events } = await started({
      outcomeFor: (t) => (t === "1" ? "busy" : "noAnswer"),
      answerDelayMs: 10,
      noAnswerTimeoutMs: 50
    });
    events.length = 0;
    await phone.dial("1");
    await phone.dial("2");
    scheduler.advance(10);
    expect(summary(events)).toEqual([
      "callUpdated:dialing",
      "callUpdated:dialing",
      "ended:rejected"
    ]);
    scheduler.advance(40);
    expect(summary(events).pop()).toBe("ended:rejected");
  });

  it("treats numbers ending in 0000 as busy by default", async () => {
    const { phone, scheduler, events } = await started();
    await phone.dial("+14155550000");
    scheduler.advance(5000);
    expect(summary(events).pop()).toBe("ended:rejected");
  });

  it("rings, answers, holds, mutes, sends digits and hangs up an inbound call", async () => {
    const { phone, events } = await started();
    events.length = 0;
    const id = await phone.simulateIncoming(" +14155550100 ", " Ada ");
    expect(events[0]).toMatchObject({
      type: "incoming",
      call: { id, state: "ringing", remoteName: "Ada", remoteNumber: "+14155550100" }
    });
    await phone.answer(id);
    await phone.hold(id, true);
    await phone.mute(id, true);
    await phone.mute(id, true);
    await phone.hold(id, false);
    await phone.sendDigits(id, "12#");
    await phone.sendDigits(id, "*");
    expect(phone.sentDigits(id)).toBe("12#*");
    await phone.hangup(id);
    expect(summary(events)).toEqual([
      "incoming:ringing",
      "callUpdated:connected",
      "callUpdated:held",
      "callUpdated:held",
      "callUpdated:connected",
      "ended:local"
    ]);
    await expect(phone.hangup(id)).rejects.toBeInstanceOf(PhoneError);
  });

  it("turns an unanswered caller into a missed call", async () => {
    const { phone, scheduler, events } = await started({ callerGiveUpMs: 100 });
    await phone.simulateIncoming("201");
    scheduler.advance(100);
    expect(summary(events).pop()).toBe("ended:missed");
    expect(scheduler.count).toBe(0);
  });

  it("declines, and ends a ringing call on hangup as declined", async () => {
    const { phone, events } = await started();
    const a = await phone.simulateIncoming("201");
    await phone.decline(a);
    const b = await phone.simulateIncoming("202");
    await phone.hangup(b);
    expect(summary(events).filter((s) => s.startsWith("ended"))).toEqual([
      "ended:declined",
      "ended:declined"
    ]);
  });

  it("transfers a connected call and lets the remote side hang up", async () => {
    const { phone, events } = await started();
    const a = await phone.simulateIncoming("201");
    await phone.answer(a);
    await expect(phone.transfer(a, " ")).rejects.toMatchObject({ code: "CALL_FAILED" });
    await phone.transfer(a, "2001");
    const b = await phone.simulateIncoming("202");
    await phone.simulateRemoteHangup(b);
    const c = await phone.simulateIncoming("203");
    await phone.answer(c);
    await phone.simulateRemoteHangup(c);
    expect(summary(events).filter((s) => s.startsWith("ended"))).toEqual([
      "ended:transferred",
      "ended:missed",
      "ended:remote"
    ]);
  });

  it("refuses operations in the wrong state with typed errors", async () => {
    const { phone } = await started();
    const id = await phone.simulateIncoming("201");
    await expect(phone.hold(id, true)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.sendDigits(id, "1")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.mute(id, true)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.transfer(id, "1")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await phone.answer(id);
    await expect(phone.answer(id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.decline(id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.sendDigits(id, "<x>")).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(phone.answer("nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(phone.dial("")).rejects.toMatchObject({ code: "CALL_FAILED" });
    await expect(phone.dial("1\n2")).rejects.toMatchObject({ code: "CALL_FAILED" });
    await expect(phone.simulateIncoming(" ")).rejects.toMatchObject({ code: "CALL_FAILED" });
  });

  it("keeps working when a listener throws, and ends calls on dispose", async () => {
    const { phone, events } = await started();
    phone.on(() => {
      throw new Error("bad listener");
    });
    await phone.simulateIncoming("201");
    expect(summary(events).pop()).toBe("incoming:ringing");
    await phone.dispose();
    expect(summary(events).slice(-2)).toEqual(["ended:local", "registration:unregistered"]);
  });

  it("uses real timers and unique ids by default", async () => {
    jest.useFakeTimers();
    try {
      const phone = new DemoPhone({ answerDelayMs: 5 });
      const states: string[] = [];
      phone.on((e) => e.type === "callUpdated" && states.push(e.call.state));
      await phone.register();
      const a = await phone.dial("201");
      const b = await phone.dial("202");
      expect(a).not.toBe(b);
      jest.advanceTimersByTime(5);
      expect(states).toEqual(["dialing", "dialing", "connected", "connected"]);
      await phone.dispose();
    } finally {
      jest.useRealTimers();
    }
  });
});
