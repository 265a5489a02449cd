/**
 * Renders force-app/.../Softphone.page as the org would, for the local workbench: the same
 * page, translated construct by construct. An unknown Visualforce construct is an error, so
 * the workbench can never drift from the real page silently.
 */
import { readFileSync } from "node:fs";

const SLDS_HREF = "/slds/styles/salesforce-lightning-design-system.min.css";

function evalRendered(expr, params) {
  const m = /^\{!\s*\$CurrentPage\.parameters\.(\w+)\s*(==|!=)\s*'([^']*)'\s*\}$/.exec(expr);
  if (!m) throw new Error(`render-page: unsupported rendered expression ${expr}`);
  const value = params.get(m[1]) ?? "";
  return m[2] === "==" ? value === m[3] : value !== m[3];
}

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/**
 * @param {string} pagePath path to the .page file
 * @param {URLSearchParams} params the request's query parameters
 * @returns {string} HTML
 */
export function renderPage(pagePath, params) {
  let html = readFileSync(pagePath, "utf8");
  html = html.replace(/<apex:page\b[^>]*>/, "<!DOCTYPE html>\n<html lang=\"en\">").replace("</apex:page>", "</html>");
  html = html.replace(/<apex:slds\s*\/>/g, `<link rel="stylesheet" href="${SLDS_HREF}" />`);
  html = html.replace(/<apex:includeScript\b[^>]*\/>/g, (tag) => {
    const a = attrs(tag);
    if (a.rendered !== undefined && !evalRendered(a.rendered, params)) return "";
    return `<script src="${a.value}"></script>`;
  });
  html = html.replace(/\{!URLFOR\(\$Resource\.(\w+),\s*'([^']+)'\)\}/g, (_, res, file) => `/resource/${res}/${file}`);
  const leftover = /<apex:[^>]*>|\{![^}]*\}/.exec(html);
  if (leftover) throw new Error(`render-page: unsupported Visualforce construct ${leftover[0]}`);
  return html;
}
