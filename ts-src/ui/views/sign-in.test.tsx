/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen } from "@testing-library/preact";
import { renderApp } from "../test-support/render-app";

const signInState = {
  needsSignIn: true,
  phoneKind: "sip" as const,
  agent: "offline" as const,
  registration: "unregistered" as const
};

describe("SignIn", () => {
  it("has labelled fields and signs in with the typed credentials", async () => {
    const app = renderApp(signInState);
    expect(screen.getByLabelText("SIP username")).toBe(app.get("sign-in-username"));
    expect(screen.getByLabelText("Password")).toBe(app.get("sign-in-password"));
    expect(app.get("sign-in-password")).toHaveAttribute("type", "password");
    expect(app.get("sign-in")).toBeDisabled();
    fireEvent.input(app.get("sign-in-username"), { target: { value: " agent007 " } });
    fireEvent.input(app.get("sign-in-password"), { target: { value: "s3cret pass" } });
    await act(async () => {
      fireEvent.click(app.get("sign-in"));
    });
    expect(app.store.callsTo("signIn")).toEqual([
      [{ username: "agent007", password: "s3cret pass" }]
    ]);
  });

  it("clears the password after an attempt and keeps it out of storage", async () => {
    localStorage.clear();
    sessionStorage.clear();
    const app = renderApp(signInState);
    fireEvent.input(app.get("sign-in-username"), { target: { value: "agent007" } });
    fireEvent.input(app.get("sign-in-password"), { target: { value: "hunter2-secret" } });
    await act(async () => {
      fireEvent.submit(app.get("sign-in").closest("form")!);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(app.get("sign-in-password")).toHaveValue("");
    expect(app.get("sign-in-username")).toHaveValue("agent007");
    const stored = [localStorage, sessionStorage].flatMap((s) =>
      Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i)!) ?? "")
    );
    expect(stored.join()).not.toContain("hunter2-secret");
    expect(app.container.innerHTML).not.toContain("hunter2-secret");
  });

  it("shows the sign-in error", () => {
    const app = renderApp({ ...signInState, signInError: "Wrong username or password (401)." });
    expect(app.get("sign-in-error")).toHaveTextContent("Wrong username or password (401).");
    expect(app.get("sign-in-error")).toHaveAttribute("role", "alert");
  });

  it("does not submit without both fields", () => {
    const app = renderApp(signInState);
    fireEvent.input(app.get("sign-in-username"), { target: { value: "agent007" } });
    fireEvent.submit(app.get("sign-in").closest("form")!);
    expect(app.store.callsTo("signIn")).toEqual([]);
  });

  it("gives way to the ready view once signed in", () => {
    const app = renderApp(signInState);
    act(() =>
      app.store.setState({ needsSignIn: false, agent: "ready", registration: "registered" })
    );
    expect(app.byId("sign-in-view")).toBeNull();
    expect(app.get("ready-view")).toBeInTheDocument();
  });
});
