#!/usr/bin/env node
/**
 * `npm start`: builds the bundle, then serves the softphone page on 127.0.0.1.
 * (A first version: the full Salesforce-like workbench replaces the stand-in host.)
 */
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { renderPage } from "./lib/render-page.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });

const TYPES = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".png": "image/png" };
const statics = {
  "/resource/softphone/": join(root, "force-app/main/default/staticresources/softphone"),
  "/slds/": join(root, "node_modules/@salesforce-ux/design-system/assets")
};
const STANDIN = `window.sforce = { opencti: { notifyInitializationComplete: function () {} } };`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/") {
    res.writeHead(302, { location: `/apex/Softphone?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(`http://127.0.0.1:${port}`)}` });
    return res.end();
  }
  if (url.pathname === "/apex/Softphone") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(renderPage(join(root, "force-app/main/default/pages/Softphone.page"), url.searchParams));
  }
  if (url.pathname === "/support/api/66.0/lightning/opencti_min.js" || url.pathname === "/support/api/66.0/interaction.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    return res.end(STANDIN);
  }
  for (const [prefix, dir] of Object.entries(statics)) {
    if (!url.pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, url.pathname.slice(prefix.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    return res.end(readFileSync(file));
  }
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("Not found");
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, "127.0.0.1", () => console.log(`Softphone workbench: http://127.0.0.1:${port}/`));
