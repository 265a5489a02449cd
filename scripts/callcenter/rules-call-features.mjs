/**
 * This softphone's callFeatures section: the PBX conference URI, PBX feature codes, supervisor
 * codes and voicemail drop messages. Kept in step with ts-src/core/call-features-settings.ts:
 * what is accepted here, the softphone accepts at runtime.
 */
import { clip, findItem } from "./vocabulary.mjs";

const MAX_ENTRIES = 12;
const NAME = /^[^=,\u0000-\u001f]{1,40}$/;
const DTMF = /^[0-9*#A-D]{1,32}$/;
const SIP_URI = /^sips?:[^\s,<>"{}]{1,250}$/i;
const RESOURCE_PATH = /^\/resource\/(?:\d+\/)?[A-Za-z][A-Za-z0-9_]*(?:\/[A-Za-z0-9_.-]+)*$/;

/** `Name=value,...` → the reason it is not a valid list, or null. */
function listProblem(text, valueOk) {
  const seen = new Set();
  const parts = text.split(",");
  if (parts.length > MAX_ENTRIES) return `has ${parts.length} entries; at most ${MAX_ENTRIES}`;
  for (const part of parts) {
    const at = part.indexOf("=");
    if (at < 0) return `entry "${clip(part.trim(), 40)}" is not Name=value`;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!NAME.test(name)) return `entry "${clip(part.trim(), 40)}" needs a name of 1–40 characters`;
    if (seen.has(name.toLowerCase())) return `names "${clip(name, 40)}" twice`;
    seen.add(name.toLowerCase());
    const why = valueOk(value);
    if (why) return `entry "${clip(name, 40)}": ${why}`;
  }
  return null;
}

const featureValue = (v) =>
  DTMF.test(v) || SIP_URI.test(v)
    ? null
    : "the value must be DTMF digits (0-9 * # A-D) or a sip: URI";
const supervisorValue = (v) => {
  if (v.split("{ext}").length !== 2) return "the value must hold {ext} exactly once";
  const sample = v.replace("{ext}", "1");
  return DTMF.test(sample) || SIP_URI.test(sample)
    ? null
    : "the value must be digits or a sip: URI around {ext}, like *81{ext}";
};
const messageValue = (v) =>
  RESOURCE_PATH.test(v) && !v.includes("..")
    ? null
    : "the value must be a static resource path like /resource/VoicemailCallback/callback.mp3";

/**
 * @param {import("./model.mjs").Center} center
 * @param {(line: number, rule: string, message: string) => void} report
 */
export function checkCallFeatures(center, report) {
  const get = (name) => findItem(center, "callFeatures", name);
  const conference = get("conferenceUri");
  const room = conference?.value.trim() ?? "";
  if (room !== "" && !SIP_URI.test(room) && !/^[0-9*#]{1,32}$/.test(room))
    report(
      conference.valueLine,
      "conference-uri",
      `conferenceUri "${clip(room)}" must be empty (conferences mixed in the browser), a sip: URI or the number of the PBX conference room.`
    );
  const lists = [
    ["featureCodes", "feature-codes", featureValue, "Pause recording=*1,Park=*70"],
    ["supervisorCodes", "supervisor-codes", supervisorValue, "Listen=*81{ext},Barge=*83{ext}"],
    [
      "voicemailMessages",
      "voicemail-messages",
      messageValue,
      "Callback=/resource/VoicemailCallback/callback.mp3"
    ]
  ];
  for (const [name, rule, valueOk, example] of lists) {
    const item = get(name);
    const text = item?.value.trim() ?? "";
    if (text === "") continue;
    const why = listProblem(text, valueOk);
    if (why)
      report(
        item.valueLine,
        rule,
        `${name} ${why}; use comma-separated Name=value pairs such as ${example}.`
      );
  }
}
