/** Checks a call-feature intent forwarded by another tab before the leader runs it. */
import { isRecord } from "../ids";
import type { CallFeatureIntent } from "../model";

const SHORT_TEXT = /^[^\u0000-\u001f\u007f]{1,80}$/;
const shortText = (v: unknown): boolean => typeof v === "string" && SHORT_TEXT.test(v);
const optionalText = (v: unknown): boolean => v === undefined || shortText(v);

/** An intent forwarded by another tab: exact keys, short texts (the leader checks the rest). */
export function isCallFeatureIntent(value: unknown): value is CallFeatureIntent {
  if (!isRecord(value) || typeof value.type !== "string") return false;
  const keys = Object.keys(value);
  const only = (...allowed: string[]) => keys.every((k) => k === "type" || allowed.includes(k));
  switch (value.type) {
    case "consult":
      return only("target", "name") && shortText(value.target) && optionalText(value.name);
    case "completeTransfer":
    case "swapLegs":
    case "cancelConsult":
    case "conference":
      return only();
    case "dropParty":
      return only("party") && (value.party === "customer" || value.party === "other");
    case "dropVoicemail":
      return only("message") && shortText(value.message);
    case "featureCode":
      return only("name") && shortText(value.name);
    case "supervisor":
      return (
        only("name", "number", "entryName") &&
        shortText(value.name) &&
        shortText(value.number) &&
        optionalText(value.entryName)
      );
    default:
      return false;
  }
}
