import { apexCrmOf, apexKey } from "../../host/apex-crm";
import { ENTRY_PREFIX } from "../after-call/outbox";
import { MemoryStorage } from "../storage";
import { boot } from "../testing/harness";
import { settle } from "../testing/fake-clock";
import { asAgent, HostFailure } from "../testing/recording-host";
import { IN_MEMORY_NOTICE } from "./call-logger";
import { ADA, host, methods } from "../testing/softphone-fixtures";

describe("after-call work", () => {
  it("logs at hang-up with wrapUpSeconds 0", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "0" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("saves by itself after N seconds", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "30" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    expect(t.store.getState().call?.wrapUpDeadline).toBe(t.clock.now() + 30_000);
    await t.clock.advance(29_999);
    expect(t.host.savedLogs).toHaveLength(0);
    await t.clock.advance(1);
    expect(t.host.savedLogs).toHaveLength(1);
    expect(t.store.getState().call).toBeNull();
  });

  it("does not save twice when the agent saves before the deadline", async () => {
    const t = await boot(host({ "/softphoneSettings/wrapUpSeconds": "30" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await t.clock.advance(60_000);
    expect(t.host.savedLogs).toHaveLength(1);
  });

  it("writes no Task when logging is off", async () => {
    const t = await boot(host({ "/softphoneSettings/logCalls": "false" }));
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().call).toBeNull();
    expect(t.host.callsTo("saveLog")).toHaveLength(0);
    expect(t.store.getState().recentCalls).toHaveLength(1);
  });
});

describe("Sales Engagement", () => {
  it("completes the work item after the Task is saved", async () => {
    const t = await boot(host());
    t.host.startWork({ workId: "0Z0000000000001", workTargetId: "00Q000000000001AAA" });
    t.host.clickToDialFrom({
      number: "4155550100",
      recordId: "00Q000000000001AAA",
      objectType: "Lead"
    });
    await t.clock.advance(1000);
    await t.store.actions.hangup();
    await t.store.actions.saveWrapUp();
    await settle();
    const taskId = t.host.savedLogs[0].recordId;
    expect(t.host.callsTo("completeWork")).toEqual([
      ["0Z0000000000001", { disposition: "Connected", taskId, wasConnected: true }]
    ]);
    expect(methods(t.host).indexOf("completeWork")).toBeGreaterThan(
      methods(t.host).indexOf("saveLog")
    );
  });

  it("completes work without a Task when logging is off", async () => {
    const t = await boot(host({ "/softphoneSettings/logCalls": "false" }));
    t.host.startWork({ workId: "0Z0000000000002" });
    await t.store.actions.dial("4155550100");
    await t.store.actions.hangup();
    await settle();
    expect(t.host.callsTo("completeWork")).toEqual([
      ["0Z0000000000002", { disposition: "No answer", wasConnected: false }]
    ]);
  });
});

describe("durability", () => {
  it("keeps a failed log, and saves it once after a reload", async () => {
    const storage = new MemoryStorage();
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("SERVER_ERROR", "UNABLE_TO_LOCK_ROW", "saveLog"));
    const t = await boot(h, { storage });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    await t.store.actions.hangup();
    await settle();
    expect(t.store.getState().outboxPending).toBe(1);
    expect(t.store.getState().errors.at(-1)).toMatchObject({
      source: "log",
      message: expect.stringContaining("UNABLE_TO_LOCK_ROW")
    });
    await t.store.dispose();
    expect(
      asAgent(storage)
        .keys()
        .filter((k) => k.startsWith(ENTRY_PREFIX))
    ).toHaveLength(1);

    const reloaded = await boot(h, { storage });
    expect(h.savedLogs).toHaveLength(1);
    expect(reloaded.store.getState().outboxPending).toBe(0);
    expect(reloaded.store.getState().recentCalls).toHaveLength(1);
    const again = await boot(h, { storage });
    await again.clock.advance(600_000);
    expect(h.savedLogs).toHaveLength(1);
  });

  it("logs a call the page was closed on, once, at the next start", async () => {
    const storage = new MemoryStorage();
    const h = host();
    const t = await boot(h, { storage });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.answer();
    t.store.actions.setNotes("Was mid-sentence");
    await t.clock.advance(4000);
    await t.store.dispose();
    expect(h.savedLogs).toHaveLength(0);

    const next = await boot(h, { storage, clock: t.clock });
    expect(h.savedLogs).toHaveLength(1);
    expect(h.savedLogs[0].fields).toMatchObject({
      CallType: "Inbound",
      WhoId: ADA.id,
      Description: expect.stringContaining("Was mid-sentence")
    });
    expect(next.store.getState().recentCalls[0].number).toBe("+14155550100");
    await boot(h, { storage, clock: t.clock });
    expect(h.savedLogs).toHaveLength(1);
  });

  it("asks findLoggedCall before resending", async () => {
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("TIMEOUT", "no callback", "saveLog"));
    const asked: string[] = [];
    const t = await boot(h, {
      deps: {
        crm: {
          ...apexCrmOf(h),
          findLoggedCall: async (id) => (asked.push(id), '{"taskId":"00T000000000123AAA"}')
        }
      }
    });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await t.clock.advance(2000);
    expect(asked).toHaveLength(1);
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(t.store.getState().outboxPending).toBe(0);
  });
});

describe("call log lookup before a resend", () => {
  async function timedOut(lookup?: (p: Record<string, string>) => unknown) {
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("TIMEOUT", "no callback", "saveLog"));
    if (lookup) h.apex.set("SoftphoneCallLog.findByCallObject", lookup);
    const t = await boot(h);
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await t.clock.advance(2000);
    return { h, t };
  }

  it("asks SoftphoneCallLog.findByCallObject and does not resend a Task that exists", async () => {
    const asked: string[] = [];
    const { h, t } = await timedOut((p) => {
      asked.push(p.callObject);
      return '{"taskId":"00T000000000777AAA"}';
    });
    expect(asked).toEqual([t.store.getState().recentCalls[0].id]);
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(t.store.getState().outboxPending).toBe(0);
  });

  it("resends when the lookup finds nothing", async () => {
    const none = await timedOut(() => '{"taskId":null}');
    expect(none.h.callsTo("saveLog")).toHaveLength(2);
    expect(none.t.store.getState().outboxPending).toBe(0);
  });

  it("never resends while the lookup cannot answer (unknown), and asks again", async () => {
    let answers = 0;
    const missing = await timedOut(() => {
      answers++;
      return answers < 3 ? '{"error":"SERVER_ERROR"}' : '{"taskId":"00T000000000777AAA"}';
    });
    expect(missing.h.callsTo("saveLog")).toHaveLength(1);
    expect(missing.t.store.getState().outboxPending).toBe(1);
    await missing.t.clock.advance(20_000);
    expect(answers).toBe(3);
    expect(missing.h.callsTo("saveLog")).toHaveLength(1);
    expect(missing.t.store.getState().outboxPending).toBe(0);
  });
});

describe("shared PCs", () => {
  const A = { orgId: "00D000000000001", userId: "005000000000001" };
  const B = { orgId: "00D000000000001", userId: "005000000000002" };

  async function aLeavesAPendingLog() {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.identity = A;
    h.saveLogOutcomes.push(new HostFailure("SERVER_ERROR", "down", "saveLog"));
    const a = await boot(h, { storage, session });
    await a.store.actions.simulateIncomingCall("+14155550100");
    await a.store.actions.answer();
    t_notes(a.store.actions.setNotes);
    await a.store.actions.hangup();
    await settle();
    expect(a.store.getState().outboxPending).toBe(1);
    await a.store.actions.setReady(false);
    await a.store.dispose();
    return { storage, session, h, clock: a.clock };
  }
  const t_notes = (setNotes: (notes: string) => void) => setNotes("Private to A");

  it("B never sees, sends or shows A's pending log and recent calls; A's log is sent when A returns", async () => {
    const { storage, session, h, clock } = await aLeavesAPendingLog();
    expect(storage.keys().every((key) => key.startsWith("softphone@00D000000000001/"))).toBe(true);

    h.identity = B;
    const b = await boot(h, { storage, session, clock });
    await clock.advance(600_000);
    expect(b.store.getState()).toMatchObject({
      outboxPending: 0,
      recentCalls: [],
      notReady: false
    });
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(h.savedLogs).toHaveLength(0);
    await b.store.dispose();

    h.identity = A;
    const back = await boot(h, { storage, session, clock });
    await settle();
    expect(h.savedLogs).toHaveLength(1);
    expect(h.savedLogs[0].fields.Description).toContain("Private to A");
    expect(back.store.getState().recentCalls).toHaveLength(1);
    expect(back.store.getState().notReady).toBe(true);
  });

  it("reads and writes nothing before Salesforce says who is signed in", async () => {
    const storage = new MemoryStorage();
    storage.setItem(`${ENTRY_PREFIX}legacy`, "{}");
    const h = host();
    let answer: (value: string) => void = () => undefined;
    h.apex.set(apexKey("whoAmI"), () => new Promise<string>((r) => (answer = r)));
    const booting = boot(h, { storage });
    await settle();
    expect(h.callsTo("getCallCenterSettings")).toHaveLength(1);
    expect(storage.keys()).toEqual([`${ENTRY_PREFIX}legacy`]);
    answer(JSON.stringify(A));
    const t = await booting;
    await t.store.actions.setReady(false);
    expect(asAgent(t.session, A).getItem("softphone.notReady")).toBe("1");
    // An old unscoped entry has no provable owner: it is left as it was, never sent.
    expect(storage.getItem(`${ENTRY_PREFIX}legacy`)).toBe("{}");
    expect(h.callsTo("saveLog")).toHaveLength(0);
  });

  it("keeps everything in this tab when Salesforce cannot tell who is signed in", async () => {
    const storage = new MemoryStorage();
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.apex.set(apexKey("whoAmI"), () => '{"error":"NO_ACCESS"}');
    const t = await boot(h, { storage });
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await settle();
    expect(h.savedLogs).toHaveLength(1);
    expect(storage.keys()).toEqual([]);
    expect(t.store.getState().storageDurable).toBe(false);
    expect(
      t.store
        .getState()
        .errors.map((e) => e.message)
        .join(" ")
    ).toMatch(/Could not tell who is signed in/);
  });

  it("drops A's log after retentionDays with a notice in diagnostics", async () => {
    const { storage, session, h, clock } = await aLeavesAPendingLog();
    await clock.advance(8 * 86_400_000);
    h.identity = A;
    const back = await boot(h, { storage, session, clock });
    await settle();
    expect(h.savedLogs).toHaveLength(0);
    expect(back.store.getState().outboxPending).toBe(0);
    expect(back.store.getState().recentCalls).toEqual([]);
    expect(
      back.store
        .getState()
        .errors.map((e) => e.message)
        .join(" ")
    ).toMatch(/dropped unsent: older than 7 days/);
  });
});

describe("full or blocked storage", () => {
  it("keeps the log in memory, sends it at once and tells the agent until it is saved", async () => {
    let full = false;
    class FullStorage extends MemoryStorage {
      override setItem(key: string, value: string): void {
        if (full) throw new Error("QuotaExceededError");
        super.setItem(key, value);
      }
    }
    const storage = new FullStorage();
    const h = host({ "/softphoneSettings/wrapUpSeconds": "0" });
    h.saveLogOutcomes.push(new HostFailure("SERVER_ERROR", "down", "saveLog"));
    const t = await boot(h, { storage });
    full = true;
    await t.store.actions.simulateIncomingCall("+14155550100");
    await t.store.actions.decline();
    await settle();
    expect(h.callsTo("saveLog")).toHaveLength(1);
    expect(t.store.getState()).toMatchObject({
      outboxPending: 1,
      storageDurable: false,
      notice: IN_MEMORY_NOTICE
    });
    expect(IN_MEMORY_NOTICE).toBe(
      "Call log kept in this tab only — don't close it until it is saved"
    );
    await t.clock.advance(2000);
    expect(h.savedLogs).toHaveLength(1);
    expect(t.store.getState().outboxPending).toBe(0);
    expect(t.store.getState().notice).toBeUndefined();
    expect(t.store.getState().storageDurable).toBe(false);
  });
});
