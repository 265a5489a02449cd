/**
 * The workbench server without a browser: the real Softphone.page rendered strictly, the
 * stand-in Open CTI scripts at Salesforce's paths, headers, and nothing served from outside
 * the allowed folders.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { renderPageSource, RenderPageError } from "../scripts/lib/render-page.mjs";
import { loadWorkbenchServer, root } from "../scripts/start.mjs";
import { startWorkbench } from "./lib/workbench.mjs";

let wb;
before(async () => {
  wb = await startWorkbench({ secure: false });
});
after(() => wb?.close());

/** Raw HTTP (fetch would normalise `..` in paths). */
function get(path, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: wb.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("listens on loopback only and prints an http://127.0.0.1 URL", () => {
  assert.match(wb.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("Lightning mode renders the real page with opencti_min.js and the committed bundle", async () => {
  const r = await get(
    `/apex/Softphone?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(wb.origin)}`
  );
  assert.equal(r.status, 200);
  assert.match(
    r.body,
    /<script src="\/support\/api\/66\.0\/lightning\/opencti_min\.js"><\/script>/
  );
  assert.doesNotMatch(r.body, /interaction\.js/);
  assert.match(r.body, /<script type="module" src="\/resource\/softphone\/main\.js"><\/script>/);
  assert.match(r.body, /<div id="softphone"><\/div>/);
  assert.match(r.body, /salesforce-lightning-design-system\.min\.css/);
  assert.doesNotMatch(r.body, /apex:|\{!/);
});

test("any other mode renders the page with interaction.js (Classic)", async () => {
  const r = await get(
    `/apex/Softphone?mode=Classic&sfdcIframeOrigin=${encodeURIComponent(wb.origin)}`
  );
  assert.equal(r.status, 200);
  assert.match(r.body, /<script src="\/support\/api\/66\.0\/interaction\.js"><\/script>/);
  assert.doesNotMatch(r.body, /opencti_min\.js/);
});

test("the stand-in Open CTI scripts, SLDS and the bundle are served at the paths the page uses", async () => {
  for (const path of [
    "/support/api/66.0/lightning/opencti_min.js",
    "/support/api/66.0/interaction.js",
    "/resource/softphone/main.js",
    "/workbench/shell.js"
  ]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers["content-type"], /^text\/javascript/, path);
  }
  const css = await get("/slds/styles/salesforce-lightning-design-system.min.css");
  assert.equal(css.status, 200);
  assert.match(css.headers["content-type"], /^text\/css/);
  const icons = await get("/slds/icons/utility-sprite/svg/symbols.svg");
  assert.equal(icons.status, 200);
});

test("the shell pages carry a strict Content-Security-Policy and no inline script", async () => {
  for (const path of [
    "/",
    "/lightning/page/home",
    "/classic",
    "/apex/Softphone?mode=Lightning&sfdcIframeOrigin=x"
  ]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    const csp = r.headers["content-security-policy"];
    assert.match(csp, /script-src 'self'(;|$)/, path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    assert.equal(r.headers["x-content-type-options"], "nosniff");
    for (const m of r.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const isData = /type="application\/json"/.test(m[1]);
      assert.ok(isData || m[2].trim() === "", `${path}: inline script ${m[0].slice(0, 80)}`);
    }
  }
});

test("nothing outside the resource and SLDS folders can be read", async () => {
  for (const path of [
    "/resource/softphone/../../../../../package.json",
    "/resource/softphone/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json",
    "/slds/..%2f..%2f..%2f..%2fpackage.json",
    "/slds/",
    "/resource/softphone/",
    "/scripts/start.mjs",
    "/.git/config"
  ]) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.doesNotMatch(r.body, /"devDependencies"|\[core\]/, path);
  }
});

test("only GET and HEAD are allowed", async () => {
  assert.equal((await get("/", "POST")).status, 405);
  assert.equal((await get("/apex/Softphone", "DELETE")).status, 405);
  const head = await get("/", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
});

test("settings from the command line reach the shell page as JSON that cannot break out of its element", async () => {
  const mod = await loadWorkbenchServer();
  const cli = mod.parseWorkbenchArgs(["--sip", "ws://127.0.0.1:5066/ws?x=</script><b>"]);
  const other = await mod.startWorkbenchServer({
    root,
    port: 0,
    settings: cli.settings,
    connectOrigins: cli.connectOrigins
  });
  try {
    const r = await new Promise((resolve, reject) => {
      request({ host: "127.0.0.1", port: other.port, path: "/" }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ headers: res.headers, body }));
      })
        .on("error", reject)
        .end();
    });
    const json = /<script type="application\/json" id="workbench-config">([^<]*)<\/script>/.exec(
      r.body
    );
    assert.ok(json, "config element present and not broken out of");
    const config = JSON.parse(json[1]);
    assert.equal(config.settings["/softphoneSettings/provider"], "sip");
    assert.equal(
      config.settings["/sipSettings/webSocketUrl"],
      "ws://127.0.0.1:5066/ws?x=</script><b>"
    );
    assert.match(
      r.headers["content-security-policy"],
      /connect-src 'self' ws:\/\/127\.0\.0\.1:5066/
    );
  } finally {
    await other.close();
  }
});

test("npm start options: --sip sets the SIP settings; bad options are refused with usage", async () => {
  const { parseWorkbenchArgs, CliError } = await loadWorkbenchServer();
  const ok = parseWorkbenchArgs(
    ["--sip", "wss://pbx.example.com:8089/ws", "--sip-domain", "example.com"],
    { PORT: "4000" }
  );
  assert.equal(ok.port, 4000);
  assert.deepEqual(ok.settings, {
    "/softphoneSettings/provider": "sip",
    "/sipSettings/webSocketUrl": "wss://pbx.example.com:8089/ws",
    "/sipSettings/sipDomain": "example.com",
    "/sipSettings/credentials": "prompt"
  });
  assert.deepEqual(ok.connectOrigins, ["wss://pbx.example.com:8089"]);
  assert.equal(
    parseWorkbenchArgs(["--sip=ws://127.0.0.1:5066"]).settings["/sipSettings/sipDomain"],
    "127.0.0.1"
  );
  assert.equal(parseWorkbenchArgs([]).port, undefined);
  for (const bad of [
    ["--sip"],
    ["--sip", "http://pbx"],
    ["--sip", "not a url"],
    ["--bogus"],
    ["--port", "99999"],
    ["--sip-domain", "x"],
    ["--sip", "ws://a", "--credentials", "plain"]
  ])
    assert.throws(() => parseWorkbenchArgs(bad), CliError, bad.join(" "));
  assert.throws(() => parseWorkbenchArgs([], { PORT: "abc" }), CliError);
});

test("render-page refuses any Visualforce it does not reproduce", () => {
  const params = new URLSearchParams("mode=Lightning");
  const page = (body, attrs = 'showHeader="false"') =>
    `<apex:page ${attrs}><head></head><body>${body}</body></apex:page>`;
  assert.match(
    renderPageSource(page("<apex:slds />"), params),
    /salesforce-lightning-design-system/
  );
  const bad = [
    page("<apex:form></apex:form>"),
    page("{!$User.Id}"),
    page('<apex:includeScript value="/x.js" loadOnReady="true" />'),
    page('<apex:includeScript value="{!$Resource.x}" />'),
    page('<apex:includeScript value="/x.js" rendered="{!$User.IsActive}" />'),
    page("", 'controller="Evil"'),
    page("", 'showHeader="true"'),
    page("", 'title="{!$User.Name}"'),
    page("<script src=\"{!URLFOR($Resource.softphone, '../x.js')}\"></script>"),
    "<html></html>",
    page("") + page("")
  ];
  for (const source of bad)
    assert.throws(() => renderPageSource(source, params), RenderPageError, source);
});

test("the stand-in library is served for any API version Salesforce serves", async () => {
  const lightning = await get("/support/api/66.0/lightning/opencti_min.js");
  for (const version of ["43.0", "57.0", "59.0", "62"]) {
    const r = await get(`/support/api/${version}/lightning/opencti_min.js`);
    assert.equal(r.status, 200, version);
    assert.equal(r.body, lightning.body, version);
    assert.equal((await get(`/support/api/${version}/interaction.js`)).status, 200, version);
  }
  assert.equal((await get("/support/api/x/lightning/opencti_min.js")).status, 404);
});

test("the e2e workbench is https on a force.com name; an adapter gets a Visualforce-like CSP", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const fetchFrom = (server, path) => server.get(path);
  const dir = mkdtempSync(join(root, ".tmp", "adapter-"));
  mkdirSync(join(dir, "lib"));
  writeFileSync(
    join(dir, "index.html"),
    '<script src="lib/opencti_min.js"></script><script>sforce.opencti.enableClickToDial()</script>'
  );
  writeFileSync(join(dir, "lib", "opencti_min.js"), "/* the adapter's own copy */");
  writeFileSync(join(root, ".tmp", "outside.txt"), "secret");
  const plain = await startWorkbench({ adapter: dir });
  const replacing = await startWorkbench({ adapter: dir, replaceBundledLibrary: true });
  try {
    assert.match(plain.url, /^https:\/\/workbench\.lightning\.force\.com:\d+\/$/);
    const page = await fetchFrom(plain, "/adapter/index.html");
    assert.equal(page.status, 200);
    assert.match(page.headers["content-security-policy"], /script-src 'self' 'unsafe-inline'/);
    const shellPage = await fetchFrom(plain, "/");
    assert.doesNotMatch(shellPage.headers["content-security-policy"], /unsafe-inline/);
    assert.match(shellPage.body, /"softphonePath":"\/adapter\/index.html"/);
    assert.equal(
      (await fetchFrom(plain, "/adapter/lib/opencti_min.js")).body,
      "/* the adapter's own copy */"
    );
    const standIn = await fetchFrom(replacing, "/adapter/lib/opencti_min.js");
    assert.match(standIn.body, /Failed to initialize Open CTI/);
    for (const path of [
      "/adapter/../outside.txt",
      "/adapter/%2e%2e/outside.txt",
      "/adapter/nope.html"
    ])
      assert.equal((await fetchFrom(plain, path)).status, 404, path);
  } finally {
    await plain.close();
    await replacing.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(root, ".tmp", "outside.txt"), { force: true });
  }
});

test("npm start adapter options: --adapter, --classic, --strict-csp, --replace-bundled-opencti, --trust", async () => {
  const { parseWorkbenchArgs, resolveAdapter, CliError, AdapterError } =
    await loadWorkbenchServer();
  const cli = parseWorkbenchArgs([
    "--adapter",
    "examples/open-cti-adapter",
    "--classic",
    "--strict-csp",
    "--replace-bundled-opencti",
    "--trust",
    "wss://cti.example.com:8443/path"
  ]);
  assert.equal(cli.adapter, "examples/open-cti-adapter");
  assert.equal(cli.view, "classic");
  assert.equal(cli.adapterCsp, "strict");
  assert.equal(cli.replaceBundledLibrary, true);
  assert.deepEqual(cli.connectOrigins, ["wss://cti.example.com:8443"]);
  for (const bad of [
    ["--strict-csp"],
    ["--trust", "nope"],
    ["--trust", "ftp://x"],
    ["--classic=1"]
  ])
    assert.throws(() => parseWorkbenchArgs(bad), CliError, bad.join(" "));
  const folder = resolveAdapter("examples/open-cti-adapter", root);
  assert.equal(folder.kind, "folder");
  assert.equal(folder.entry, "index.html");
  const url = resolveAdapter("http://localhost:8080/cti/page.html?x=1", root);
  assert.equal(url.kind, "url");
  assert.equal(url.base.href, "http://localhost:8080/cti/");
  assert.equal(url.entry, "page.html?x=1");
  for (const bad of ["no/such/folder", "package.json", "scripts"])
    assert.throws(() => resolveAdapter(bad, root), AdapterError, bad);
});

test("a URL adapter is fetched through the workbench, so its library paths reach the stand-in", async () => {
  const { createServer } = await import("node:http");
  const upstream = createServer((req, res) => {
    if (req.url === "/cti/page.html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>remote adapter</p>");
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${upstream.address().port}/cti/page.html`;
  const wb2 = await startWorkbench({ adapter: base, secure: false });
  try {
    const get2 = (path) =>
      new Promise((resolve, reject) => {
        request({ host: "127.0.0.1", port: wb2.port, path }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
        })
          .on("error", reject)
          .end();
      });
    const page = await get2("/adapter/page.html");
    assert.equal(page.status, 200);
    assert.equal(page.body, "<p>remote adapter</p>");
    assert.match(page.headers["content-security-policy"], /'unsafe-inline'/);
    assert.equal((await get2("/adapter/missing.html")).status, 404);
    assert.equal((await get2("/support/api/59.0/lightning/opencti_min.js")).status, 200);
  } finally {
    await wb2.close();
    await new Promise((resolve) => upstream.close(resolve));
  }
});
