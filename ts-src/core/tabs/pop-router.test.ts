import { FakeClock, settle } from "../testing/fake-clock";
import { TabBus } from "./bus";
import { AttentionTable, PopResponder } from "./pop-router";
import { FakeBroadcastHub } from "./testing/fakes";

describe("AttentionTable", () => {
  it("prefers a focused visible tab, then the visible one looked at last, else none", () => {
    const table = new AttentionTable();
    expect(table.agentTab()).toBeNull();
    table.set("a", { visible: false, focused: false, since: 9 });
    expect(table.agentTab()).toBeNull();
    table.set("b", { visible: true, focused: false, since: 1 });
    table.set("c", { visible: true, focused: false, since: 2 });
    expect(table.agentTab()).toBe("c");
    table.set("b", { visible: true, focused: true, since: 1 });
    expect(table.agentTab()).toBe("b");
    table.forget("b");
    expect(table.agentTab()).toBe("c");
  });
});

describe("PopResponder", () => {
  it("pops once per request and never after the deadline (the leader pops then)", async () => {
    const hub = new FakeBroadcastHub();
    const clock = new FakeClock();
    const warn = jest.fn();
    const leader = new TabBus("leader", hub.channel("leader"), { warn });
    const follower = new TabBus("follower", hub.channel("follower"), { warn });
    const pops: unknown[] = [];
    const responder = new PopResponder(follower, clock, async (request) => {
      pops.push(request);
      return { "003000000000001AAA": { Id: "003000000000001AAA" } };
    });
    follower.on((message) => responder.receive(message));
    const replies: unknown[] = [];
    leader.on((message) => replies.push(message.type));
    const request = { op: "showPanel" } as const;
    leader.send({ type: "pop", id: "p1", request, deadline: clock.now() + 100 }, "follower");
    leader.send({ type: "pop", id: "p1", request, deadline: clock.now() + 100 }, "follower");
    leader.send({ type: "pop", id: "p2", request, deadline: clock.now() - 1 }, "follower");
    await settle(10);
    expect(pops).toEqual([request]);
    expect(replies).toEqual(["popAck", "popDone"]);
    expect(warn).not.toHaveBeenCalled();
  });
});
