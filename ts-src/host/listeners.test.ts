import * as host from ".";
import { ListenerHub } from "./listeners";

describe("ListenerHub", () => {
  it("registers with the API on first use only and fans out", () => {
    let dispatch: ((value: number) => void) | undefined;
    const register = jest.fn((d: (value: number) => void) => (dispatch = d));
    const hub = new ListenerHub<number>("onThing", register);
    expect(register).not.toHaveBeenCalled();
    const a = jest.fn();
    const stopA = hub.add(a);
    hub.add(a);
    expect(register).toHaveBeenCalledTimes(1);
    dispatch?.(1);
    expect(a).toHaveBeenCalledTimes(2);
    stopA();
    stopA();
    dispatch?.(2);
    expect(a).toHaveBeenCalledTimes(3);
    expect(hub.size).toBe(1);
  });

  it("rolls back when the API refuses the registration, so a later add retries", () => {
    const register = jest
      .fn<void, [(value: string) => void]>()
      .mockImplementationOnce(() => {
        throw new Error("sforce not ready");
      })
      .mockImplementation(() => undefined);
    const hub = new ListenerHub<string>("onThing", register);
    expect(() => hub.add(() => undefined)).toThrow("sforce not ready");
    expect(hub.size).toBe(0);
    hub.add(() => undefined);
    expect(register).toHaveBeenCalledTimes(2);
    expect(() => hub.add("nope" as never)).toThrow(TypeError);
  });
});

describe("host entry point", () => {
  it("exports the hosts, the error type and detection", () => {
    expect(typeof host.detectHost).toBe("function");
    expect(typeof host.LightningHost).toBe("function");
    expect(typeof host.ClassicHost).toBe("function");
    expect(new host.OpenCtiError("m", "TIMEOUT", "d").code).toBe("TIMEOUT");
    expect(host.lightning.SCREENPOP_TYPE.NEW_RECORD_MODAL).toBe("newRecord");
    expect(host.classic.DIRECTORY_PAGE_SIZE.max).toBe(10000);
  });
});
