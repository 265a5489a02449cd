/**
 * Entry point of the softphone bundle: the only place that picks a concrete host and phone.
 * This first version finds the host and shows it; the softphone issue wires core and phones.
 */
import { h, render } from "preact";
import "./ui/softphone.css";

type Found = "lightning" | "classic" | "none";

function detectHost(win: Window & { sforce?: { opencti?: unknown; interaction?: unknown } }): Found {
  const params = new URLSearchParams(win.location.search);
  if (params.get("mode") === "Lightning" && params.has("sfdcIframeOrigin") && win.sforce?.opencti) return "lightning";
  if (win.sforce?.interaction) return "classic";
  return "none";
}

const LABELS: Record<Found, string> = {
  lightning: "Lightning Experience (Open CTI)",
  classic: "Salesforce Classic (Open CTI)",
  none: "not inside Salesforce"
};

const mount = document.getElementById("softphone");
if (mount) {
  const found = detectHost(window);
  mount.dataset.host = found;
  render(
    h("div", { class: "slds-p-around_small" }, [
      h("h1", { class: "slds-text-heading_small" }, "Softphone"),
      h("p", { class: "slds-text-body_small", "data-id": "host" }, `Host: ${LABELS[found]}`)
    ]),
    mount
  );
}
