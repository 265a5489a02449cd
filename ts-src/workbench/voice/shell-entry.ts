/**
 * The Voice workbench shell: plays Salesforce's side of Partner Telephony. It loads the real
 * connector page in a frame from the Visualforce host name, sends SETUP_CONNECTOR with a
 * MessagePort (the base accepts it because this page is served from a Salesforce-like https
 * host name), offers the agent controls Omni-Channel would, logs every message the connector
 * sends, and lists the VoiceCall records the emulated Apex wrote.
 */
interface ShellConfig {
  connectorUrl: string;
  connectorOrigin: string;
  connectorConfig: Record<string, unknown>;
}

interface WireCall {
  callId: string;
  state?: string;
  phoneNumber?: string;
  callType?: string;
  [key: string]: unknown;
}

const config = JSON.parse(
  document.getElementById("voice-config")?.textContent ?? "{}"
) as ShellConfig;

const $ = <T extends HTMLElement>(id: string) =>
  document.querySelector(`[data-testid="${id}"]`) as T;

let port: MessagePort | null = null;
let call: WireCall | null = null;
let phase: "idle" | "ringing" | "dialing" | "connected" | "held" | "wrapup" = "idle";
let muted = false;

function log(direction: "→" | "←", type: string, payload?: unknown): void {
  const line = document.createElement("li");
  line.className = "slds-item";
  line.dataset.type = type;
  const text = payload === undefined ? "" : ` ${JSON.stringify(payload)}`;
  line.textContent = `${new Date().toISOString().slice(11, 23)} ${direction} ${type}${text.slice(0, 400)}`;
  $("voice-log").prepend(line);
}

function send(type: string, data: Record<string, unknown> = {}): void {
  if (!port) return;
  log("→", type, Object.keys(data).length ? data : undefined);
  port.postMessage({ type, ...data });
}

function render(): void {
  $("voice-call-state").textContent =
    phase === "idle" ? "No call" : `${phase}: ${call?.phoneNumber ?? ""} (${call?.callType ?? ""})`;
  const enable = (id: string, on: boolean) => (($(id) as HTMLButtonElement).disabled = !on);
  enable("voice-accept", phase === "ringing" && call?.callType === "Inbound");
  enable("voice-decline", phase === "ringing" && call?.callType === "Inbound");
  enable("voice-end", ["ringing", "dialing", "connected", "held"].includes(phase));
  enable("voice-hold", phase === "connected" || phase === "held");
  $("voice-hold").textContent = phase === "held" ? "Resume" : "Hold";
  enable("voice-mute", phase === "connected" || phase === "held");
  $("voice-mute").textContent = muted ? "Unmute" : "Mute";
  enable("voice-digits-send", phase === "connected");
  enable("voice-transfer-send", phase === "connected" || phase === "held");
  enable("voice-dial-send", phase === "idle");
  enable("voice-wrap-up", phase === "wrapup");
}

function onMessage(event: MessageEvent): void {
  const message = event.data as { type: string; payload?: Record<string, unknown> };
  if (message.type === "LOG") return;
  if (message.type !== "TELEPHONY_EVENT_DISPATCHED") {
    log("←", message.type, message.payload);
    if (message.type === "CONNECTOR_READY") {
      $("voice-ready").textContent = "Connector ready";
      send("AGENT_AVAILABLE", { isAvailable: true });
    }
    return;
  }
  const type = String(message.payload?.telephonyEventType);
  const payload = message.payload?.telephonyEventPayload as Record<string, unknown> | unknown[];
  log("←", type, payload);
  const first = (Array.isArray(payload) ? payload[0] : payload) as WireCall | undefined;
  switch (type) {
    case "CALL_STARTED":
      call = first ?? null;
      phase = call?.callType === "Outbound" ? "dialing" : "ringing";
      muted = false;
      break;
    case "CALL_CONNECTED":
      if (first) call = { ...call, ...first };
      phase = "connected";
      break;
    case "HOLD_TOGGLE":
      phase = (payload as { isCustomerOnHold?: boolean }).isCustomerOnHold ? "held" : "connected";
      break;
    case "MUTE_TOGGLE":
      muted = (payload as { isMuted?: boolean }).isMuted === true;
      break;
    case "HANGUP":
      phase = "idle";
      break;
    case "AFTER_CALL_WORK_STARTED":
      phase = "wrapup";
      break;
    case "WRAP_UP_ENDED":
      phase = "idle";
      call = null;
      break;
    case "SHOW_LOGIN":
      $("voice-ready").textContent = "The connector asks the agent to sign in (see its frame)";
      break;
    default:
      break;
  }
  render();
}

function setUp(frame: HTMLIFrameElement): void {
  const channel = new MessageChannel();
  port = channel.port2;
  port.onmessage = onMessage;
  log("→", "SETUP_CONNECTOR", config.connectorConfig);
  frame.contentWindow?.postMessage(
    { type: "SETUP_CONNECTOR", connectorConfig: config.connectorConfig },
    config.connectorOrigin,
    [channel.port1]
  );
}

async function refreshRecords(): Promise<void> {
  try {
    const response = await fetch("/workbench-voice/voice-calls");
    const rows = (await response.json()) as Record<string, unknown>[];
    const body = $("voice-records");
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement("tr");
        for (const key of ["voiceCallId", "callType", "from", "to", "disposition", "endTime"]) {
          const td = document.createElement("td");
          td.textContent = String(row[key] ?? "");
          tr.append(td);
        }
        return tr;
      })
    );
  } catch {
    // The next poll tries again.
  }
}

function value(id: string): string {
  return ($(id) as HTMLInputElement).value.trim();
}

function wire(): void {
  const frame = $("voice-connector-frame") as HTMLIFrameElement;
  frame.addEventListener("load", () => setUp(frame), { once: true });
  frame.src = config.connectorUrl;
  const on = (id: string, run: () => void) => $(id).addEventListener("click", run);
  on("voice-simulate", () =>
    send("MESSAGE", { message: { simulate: "inbound", number: value("voice-simulate-number") } })
  );
  on("voice-accept", () => send("ACCEPT_CALL", { call }));
  on("voice-decline", () => send("DECLINE_CALL", { call }));
  on("voice-end", () => send("END_CALL", { call }));
  on("voice-hold", () => send(phase === "held" ? "RESUME" : "HOLD", { call }));
  on("voice-mute", () => send(muted ? "UNMUTE" : "MUTE", { call }));
  on("voice-dial-send", () => send("DIAL", { contact: { phoneNumber: value("voice-dial") } }));
  on("voice-digits-send", () => send("SEND_DIGITS", { digits: value("voice-digits") }));
  on("voice-transfer-send", () =>
    send("ADD_PARTICIPANT", {
      contact: { phoneNumber: value("voice-transfer") },
      call,
      isBlindTransfer: true
    })
  );
  on("voice-logout", () => send("LOGOUT"));
  on("voice-wrap-up", () => {
    // Salesforce closes after-call work itself and tells the connector.
    send("WRAP_UP_CALL", { call });
    phase = "idle";
    call = null;
    render();
  });
  $("voice-status").addEventListener("change", (event) =>
    send("SET_AGENT_STATUS", {
      agentStatus: (event.target as HTMLSelectElement).value,
      statusInfo: { statusId: (event.target as HTMLSelectElement).value }
    })
  );
  render();
  setInterval(() => void refreshRecords(), 1000);
}

wire();
