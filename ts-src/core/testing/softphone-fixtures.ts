/** Records and a recording host the softphone's wing tests share. */
import { apexKey } from "../../host/apex-crm";
import { DEMO_SETTINGS } from "./harness";
import { RecordingHost } from "./recording-host";

export const ADA = {
  id: "003000000000001AAA",
  name: "Ada Lovelace",
  objectType: "Contact",
  phone: "+14155550100"
};
export const ADA2 = { id: "003000000000002AAA", name: "Ada Byron", objectType: "Contact" };
export const CASE = "500000000000001AAA";

/** A host with the demo settings (plus `settings`), a caller lookup and a directory. */
export function host(
  settings: Record<string, string> = {},
  matches: unknown[] = [ADA]
): RecordingHost {
  const h = new RecordingHost();
  h.settings = { ...DEMO_SETTINGS, ...settings };
  h.apex.set(apexKey("findCaller"), () => JSON.stringify({ matches }));
  h.apex.set(apexKey("searchDirectory"), (p) =>
    JSON.stringify({ entries: [{ name: `Desk ${p.term}`, number: "2001", kind: "directory" }] })
  );
  // As SoftphoneCallLog.findByCallObject answers: the Task already saved for the call, if any.
  h.apex.set(apexKey("findLoggedCall"), (p) =>
    JSON.stringify({
      taskId: h.savedLogs.find((log) => log.fields.CallObject === p.callObject)?.recordId ?? null
    })
  );
  return h;
}

/** The host methods called, in order. */
export const methods = (h: RecordingHost) => h.calls.map((c) => c.method);
