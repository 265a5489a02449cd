import { aorFor, displayNumber, targetUri, uriFromNameAddr } from "./uri";

describe("aorFor", () => {
  it("builds the agent's address of record", () => {
    expect(aorFor(" 1001 ", "pbx.example.com")).toBe("sip:1001@pbx.example.com");
    expect(aorFor("alice.smith", "example.com")).toBe("sip:alice.smith@example.com");
  });
  it.each(["", "  ", "a b", "alice@example.com", "sip:alice", "<x>"])("rejects %j", (bad) => {
    expect(() => aorFor(bad, "example.com")).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });
});

describe("targetUri", () => {
  const d = "pbx.example.com";
  it("strips phone formatting", () => {
    expect(targetUri("+1 (415) 555-0100", d)).toBe("sip:+14155550100@pbx.example.com");
    expect(targetUri("0049 30.1234", d)).toBe("sip:0049301234@pbx.example.com");
  });
  it("keeps feature codes and escapes #", () => {
    expect(targetUri("*72", d)).toBe("sip:*72@pbx.example.com");
    expect(targetUri("#100", d)).toBe("sip:%23100@pbx.example.com");
  });
  it("accepts user@host and sip:/sips: URIs", () => {
    expect(targetUri("bob@other.example.com", d)).toBe("sip:bob@other.example.com");
    expect(targetUri("sip:bob@other.example.com;transport=ws", d)).toBe(
      "sip:bob@other.example.com;transport=ws"
    );
    expect(targetUri("sips:bob@example.com", d)).toBe("sips:bob@example.com");
  });
  it.each(["", "   ", "not a <number>", "bob@", "sip:@x", 'a"b', "sip:bob@exa mple.com"])(
    "rejects %j",
    (bad) => {
      expect(() => targetUri(bad, d)).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
    }
  );
});

describe("displayNumber / uriFromNameAddr", () => {
  it("shows the unescaped user part, or the host", () => {
    expect(displayNumber("%23100", "x")).toBe("#100");
    expect(displayNumber("%E0%A4%A", "x")).toBe("%E0%A4%A");
    expect(displayNumber(undefined, "host.example.com")).toBe("host.example.com");
  });
  it("extracts the URI of a name-addr", () => {
    expect(uriFromNameAddr('"Alice" <sip:+14155550100@example.com;user=phone>')).toBe(
      "sip:+14155550100@example.com;user=phone"
    );
    expect(uriFromNameAddr("tel:+14155550100")).toBe("tel:+14155550100");
    expect(uriFromNameAddr("<javascript:alert(1)>")).toBeUndefined();
    expect(uriFromNameAddr(undefined)).toBeUndefined();
  });
});
