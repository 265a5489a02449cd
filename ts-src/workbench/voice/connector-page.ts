/**
 * Renders force-app/.../SoftphoneConnector.page as Salesforce would, for the Voice workbench:
 * the constructs that page uses and nothing else (anything unknown is an error, so the
 * workbench cannot drift from the real page). Visualforce adds its remoting library to a
 * page whose controller has remote actions; the workbench adds its stand-in instead.
 */
export const REMOTING_PATH = "/workbench-voice/remoting.js";
export const SLDS_HREF = "/slds/styles/salesforce-lightning-design-system.min.css";

export function renderConnectorPage(source: string): string {
  let html = source.trim();
  const page = /^<apex:page\b[^>]*>([\s\S]*)<\/apex:page>$/.exec(html);
  if (!page) throw new Error("SoftphoneConnector.page: no <apex:page> around the page");
  html = page[1];
  html = html.replace(/<apex:slds\s*\/>/g, `<link rel="stylesheet" href="${SLDS_HREF}" />`);
  html = html.replace(
    /\{!\$RemoteAction\.(\w+)\.(\w+)\}/g,
    (_, controller: string, method: string) => `${controller}.${method}`
  );
  html = html.replace(
    /\{!URLFOR\(\$Resource\.(\w+),\s*'([\w./-]+)'\)\}/g,
    (_, resource: string, file: string) => `/resource/${resource}/${file}`
  );
  const unknown = /<apex:[\w]+|\{!/.exec(html);
  if (unknown) throw new Error(`SoftphoneConnector.page: unsupported construct ${unknown[0]}`);
  html = html.replace("</head>", `    <script src="${REMOTING_PATH}"></script>\n    </head>`);
  return `<!DOCTYPE html>\n<html lang="en">\n${html}\n</html>\n`;
}
