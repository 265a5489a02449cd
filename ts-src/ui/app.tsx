/** The softphone panel: picks the view for the current state and frames it. */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { SoftphoneState, SoftphoneStore } from "../core/model";
import { ConsultPanel } from "./parts/consult-panel";
import { ConfirmTransfer } from "./parts/confirm-transfer";
import { Header } from "./parts/header";
import { LiveRegion } from "./parts/live-region";
import { NoticeBar } from "./parts/notice-bar";
import { WaitingCallBanner } from "./parts/waiting-call-banner";
import { hotkeyFor, pressHotkey } from "./hotkeys";
import { safeActions } from "./safe-actions";
import { useStoreState } from "./use-store";
import { ActiveCallView } from "./views/active-call";
import { CallEndedView } from "./views/call-ended";
import { DevicesView } from "./views/devices";
import { DiagnosticsView } from "./views/diagnostics";
import { IncomingView } from "./views/incoming";
import { ReadyView } from "./views/ready";
import { SetupMessage } from "./views/setup-message";
import { SignIn } from "./views/sign-in";
import { WrapUpView } from "./views/wrap-up";

export type ViewName =
  | "setup"
  | "diagnostics"
  | "devices"
  | "sign-in"
  | "incoming"
  | "call"
  | "wrap-up"
  | "ended"
  | "ready";

/** Which view the state calls for; an open diagnostics view wins over everything but a ringing call. */
export function viewFor(
  state: SoftphoneState,
  diagnosticsOpen: boolean,
  devicesOpen = false
): ViewName {
  const call = state.call;
  const ringing = call?.state === "ringing" && call.direction === "inbound";
  if (diagnosticsOpen && !ringing) return "diagnostics";
  if (devicesOpen && !ringing && state.setupProblems.length === 0) return "devices";
  if (state.setupProblems.length > 0) return "setup";
  if (call) {
    if (ringing) return "incoming";
    if (call.state === "wrapup") return "wrap-up";
    if (call.state === "ended") return "ended";
    return "call";
  }
  if (state.needsSignIn) return "sign-in";
  return "ready";
}

export function App({ store }: { store: SoftphoneStore }) {
  const state = useStoreState(store);
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  const actions = useMemo(() => safeActions(store.actions, setActionError), [store]);
  const view = viewFor(state, diagnosticsOpen, devicesOpen);

  // Focus moves with the view, but never on the panel's first render (it would steal focus).
  const firstView = useRef<ViewName | null>(view);
  const autoFocus = firstView.current !== view;
  useEffect(() => {
    if (firstView.current !== view) firstView.current = null;
  }, [view]);

  // A ringing call closes diagnostics so the agent lands on Answer.
  useEffect(() => {
    if (view === "incoming" && diagnosticsOpen) setDiagnosticsOpen(false);
    if (view === "incoming" && devicesOpen) setDevicesOpen(false);
  }, [view, diagnosticsOpen, devicesOpen]);

  const call = state.call;
  const notice = state.notice ?? actionError;
  const dismissNotice = () => {
    if (state.notice) actions.dismissNotice();
    else setActionError(undefined);
  };

  return (
    <div
      class="sp-root"
      onKeyDown={(e) => {
        // Escape anywhere in the panel (e.g. still on the header button) closes diagnostics.
        if (e.key === "Escape" && view === "diagnostics") setDiagnosticsOpen(false);
        if (e.key === "Escape" && view === "devices") setDevicesOpen(false);
        const hotkey = hotkeyFor(e);
        if (hotkey && pressHotkey(e.currentTarget, hotkey)) e.preventDefault();
      }}
    >
      <Header
        state={state}
        diagnosticsOpen={view === "diagnostics"}
        onToggleDiagnostics={() => setDiagnosticsOpen(view !== "diagnostics")}
        devicesOpen={view === "devices"}
        onToggleDevices={
          state.phoneKind
            ? () => {
                setDiagnosticsOpen(false);
                setDevicesOpen(view !== "devices");
              }
            : undefined
        }
      />
      {notice && <NoticeBar message={notice} onDismiss={dismissNotice} />}
      {state.pendingTransfer && (
        <ConfirmTransfer
          target={state.pendingTransfer.target}
          onConfirm={() => void actions.confirmTransfer?.()}
          onCancel={() => actions.cancelTransfer?.()}
        />
      )}
      {state.waitingCall && view !== "diagnostics" && view !== "devices" && (
        <WaitingCallBanner
          call={state.waitingCall}
          onAnswer={() => void actions.answer()}
          onDecline={() => void actions.decline()}
        />
      )}
      {state.secondLeg && view !== "diagnostics" && (
        <ConsultPanel state={state} run={(intent) => void actions.callFeature(intent)} />
      )}
      <main class="sp-body">
        {view === "setup" && <SetupMessage problems={state.setupProblems} />}
        {view === "diagnostics" && (
          <DiagnosticsView state={state} onClose={() => setDiagnosticsOpen(false)} />
        )}
        {view === "devices" && (
          <DevicesView state={state} actions={actions} onClose={() => setDevicesOpen(false)} />
        )}
        {view === "sign-in" && (
          <SignIn
            error={state.signInError}
            onSignIn={(c) => actions.signIn(c)}
            autoFocus={autoFocus}
          />
        )}
        {view === "incoming" && call && (
          <IncomingView key={call.id} call={call} actions={actions} />
        )}
        {view === "call" && call && (
          <ActiveCallView
            key={call.id}
            state={state}
            call={call}
            actions={actions}
            autoFocus={autoFocus}
          />
        )}
        {view === "wrap-up" && call && (
          <WrapUpView
            key={call.id}
            state={state}
            call={call}
            actions={actions}
            autoFocus={autoFocus}
          />
        )}
        {view === "ended" && call && <CallEndedView call={call} />}
        {view === "ready" && <ReadyView state={state} actions={actions} autoFocus={autoFocus} />}
      </main>
      <LiveRegion state={state} />
    </div>
  );
}
