/**
 * Page hardening: Softphone.page has no inline script or event handler, the workbench serves
 * it (and the shell) with a strict Content-Security-Policy — `script-src 'self'`, no inline
 * script, no eval — and the softphone works under it: a whole call with its log, and not one
 * CSP violation reported in any frame.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../scripts/start.mjs";
import { useWorkbench } from "./lib/session.mjs";
import {
  openPhonePanel,
  records,
  simulateIncoming,
  sp,
  waitForReady,
  withSettings
} from "./lib/softphone.mjs";

const s = useWorkbench();
const PAGE = join(root, "force-app/main/default/pages/Softphone.page");

/** CSP header → { directive: [sources] }. */
function parseCsp(header) {
  const out = {};
  for (const part of String(header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

/** What a strict policy must hold: scripts from the page's own origin only. */
function assertStrict(csp, where) {
  const script = csp["script-src"] ?? csp["default-src"];
  assert.ok(script, `${where}: a script-src (or default-src) directive`);
  assert.deepEqual(script, ["'self'"], `${where}: script-src 'self' and nothing else`);
  for (const [name, sources] of Object.entries(csp)) {
    for (const bad of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
      "*",
      "data:",
      "http:",
      "https:"
    ]) {
      if (name.startsWith("script") || name === "default-src" || name === "object-src")
        assert.ok(!sources.includes(bad), `${where}: ${name} must not allow ${bad}`);
    }
  }
  assert.deepEqual(csp["object-src"], ["'none'"], `${where}: object-src 'none'`);
  assert.ok(csp["base-uri"], `${where}: base-uri restricted`);
  assert.ok(csp["frame-ancestors"], `${where}: frame-ancestors restricted`);
}

/** Inline script, event handler attributes and javascript: URLs in HTML text. */
function inlineCode(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    const isData = /type\s*=\s*["']application\/json["']/i.test(attrs);
    if (!/\bsrc\s*=/.test(attrs) && !isData && m[2].trim())
      found.push(`inline <script>: ${m[2].trim().slice(0, 60)}`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi))
    found.push(`event handler ${m[1]}`);
  if (/javascript:/i.test(html)) found.push("javascript: URL");
  return found;
}

test("Softphone.page has no inline script, event handler or javascript: URL", () => {
  const page = readFileSync(PAGE, "utf8");
  assert.deepEqual(inlineCode(page), []);
  assert.match(
    page,
    /<script type="module" src="\{!URLFOR\(\$Resource\.softphone, 'main\.js'\)\}">/
  );
});

test("the built bundle uses no eval or Function constructor", () => {
  const dir = join(root, "force-app/main/default/staticresources/softphone");
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js"));
  assert.ok(files.length > 0, "the bundle is built");
  for (const f of files) {
    const code = readFileSync(join(dir, f), "utf8");
    assert.doesNotMatch(code, /\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]/, f);
  }
});

test("the softphone page and the shell are served with a strict CSP and no inline code", async () => {
  const origin = s.wb.origin;
  for (const path of [
    `/apex/Softphone?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}`,
    "/apex/Softphone",
    "/",
    "/classic"
  ]) {
    const res = await s.wb.get(path);
    assert.equal(res.status, 200, path);
    const csp = parseCsp(res.headers["content-security-policy"]);
    assertStrict(csp, path);
    assert.equal(res.headers["x-content-type-options"], "nosniff", path);
    assert.deepEqual(inlineCode(res.body), [], `${path}: no inline code`);
  }
});

test("the softphone works under the CSP: a full call is logged and no violation is reported", async () => {
  const context = await s.browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(withSettings(s.wb.url, { wrapUpSeconds: "0", noMatchPop: "none" }));
  await openPhonePanel(page);
  await waitForReady(page);
  const before = (await records(page, "Task")).length;
  await simulateIncoming(page, "+1 415 555 0133");
  await sp(page, "answer").click();
  await sp(page, "active-call-view").waitFor();
  await sp(page, "hangup").click();
  await page.waitForFunction((n) => window.workbench.backend.records("Task").length > n, before, {
    timeout: 15000
  });
  const violations = [];
  for (const frame of page.frames()) {
    const v = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    violations.push(...v.map((x) => `${frame.url().slice(0, 50)}: ${x}`));
  }
  assert.deepEqual(violations, [], "CSP violations");
  assert.deepEqual(errors, [], "page errors or CSP refusals");
  await context.close();
});
