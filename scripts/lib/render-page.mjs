/**
 * Renders force-app/.../Softphone.page as the org would, for the local workbench: the same
 * page, translated construct by construct. Anything it does not know (a Visualforce tag, an
 * attribute, a merge field) is an error, so the workbench can never drift from the real page
 * silently.
 */
import { readFileSync } from "node:fs";

export const SLDS_HREF = "/slds/styles/salesforce-lightning-design-system.min.css";

/** apex:page attributes and the values this renderer reproduces. */
const PAGE_ATTRIBUTES = {
  showHeader: ["false"],
  sidebar: ["false"],
  standardStylesheets: ["false"],
  applyHtmlTag: ["true"],
  applyBodyTag: ["false"],
  docType: ["html-5.0"],
  title: null
};
const INCLUDE_SCRIPT_ATTRIBUTES = new Set(["value", "rendered"]);

export class RenderPageError extends Error {
  constructor(message) {
    super(`render-page: ${message}`);
    this.name = "RenderPageError";
  }
}

const escapeHtml = (s) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );

function evalRendered(expr, params) {
  const m = /^\{!\s*\$CurrentPage\.parameters\.(\w+)\s*(==|!=)\s*'([^']*)'\s*\}$/.exec(expr);
  if (!m) throw new RenderPageError(`unsupported rendered expression ${expr}`);
  const value = params.get(m[1]) ?? "";
  return m[2] === "==" ? value === m[3] : value !== m[3];
}

function attrs(tag) {
  const body = tag.replace(/^<[\w:]+/, "").replace(/\/?>$/, "");
  const out = {};
  const rest = body.replace(/([\w:]+)="([^"]*)"/g, (_, name, value) => {
    if (name in out) throw new RenderPageError(`duplicate attribute ${name} in ${tag}`);
    out[name] = value;
    return "";
  });
  if (rest.trim()) throw new RenderPageError(`unparsable attributes in ${tag}`);
  return out;
}

function renderPageTag(tag) {
  const a = attrs(tag);
  for (const [name, value] of Object.entries(a)) {
    if (!(name in PAGE_ATTRIBUTES))
      throw new RenderPageError(`unsupported apex:page attribute ${name}`);
    const allowed = PAGE_ATTRIBUTES[name];
    if (allowed && !allowed.includes(value))
      throw new RenderPageError(
        `apex:page ${name}="${value}" is not supported (only ${allowed.join(", ")})`
      );
  }
  return '<!DOCTYPE html>\n<html lang="en">';
}

/**
 * Renders page source text.
 * @param {string} source the .page file's text
 * @param {URLSearchParams} params the request's query parameters
 * @returns {string} HTML
 */
export function renderPageSource(source, params) {
  const pageTags = source.match(/<apex:page\b[^>]*>/g) ?? [];
  if (pageTags.length !== 1 || !source.includes("</apex:page>"))
    throw new RenderPageError("the page must have exactly one <apex:page> element");
  const title = attrs(pageTags[0]).title;
  let html = source.replace(/<apex:page\b[^>]*>/, renderPageTag).replace("</apex:page>", "</html>");
  if (title !== undefined) {
    if (/\{!/.test(title)) throw new RenderPageError(`unsupported merge field in title ${title}`);
    if (!html.includes("</head>")) throw new RenderPageError("a page with a title needs a <head>");
    html = html.replace("</head>", `    <title>${escapeHtml(title)}</title>\n    </head>`);
  }
  html = html.replace(/<apex:slds\s*\/>/g, `<link rel="stylesheet" href="${SLDS_HREF}" />`);
  html = html.replace(/<apex:includeScript\b[^>]*\/>/g, (tag) => {
    const a = attrs(tag);
    for (const name of Object.keys(a))
      if (!INCLUDE_SCRIPT_ATTRIBUTES.has(name))
        throw new RenderPageError(`unsupported apex:includeScript attribute ${name}`);
    if (!a.value || /\{!/.test(a.value))
      throw new RenderPageError(`apex:includeScript needs a literal value: ${tag}`);
    if (a.rendered !== undefined && !evalRendered(a.rendered, params)) return "";
    return `<script src="${escapeHtml(a.value)}"></script>`;
  });
  html = html.replace(/\{!URLFOR\(\$Resource\.(\w+),\s*'([\w./-]+)'\)\}/g, (_, res, file) => {
    if (file.split("/").includes(".."))
      throw new RenderPageError(`resource path escapes the resource: ${file}`);
    return `/resource/${res}/${file}`;
  });
  const leftover = /<\/?apex:[^>]*>|\{![^}]*\}/.exec(html);
  if (leftover) throw new RenderPageError(`unsupported Visualforce construct ${leftover[0]}`);
  return html;
}

/**
 * @param {string} pagePath path to the .page file
 * @param {URLSearchParams} params the request's query parameters
 * @returns {string} HTML
 */
export function renderPage(pagePath, params) {
  return renderPageSource(readFileSync(pagePath, "utf8"), params);
}
