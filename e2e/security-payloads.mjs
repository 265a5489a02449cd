/**
 * Hostile text for the security tests: markup, script, SVG, event handlers, URLs, RTL
 * overrides, control characters, unicode oddities and very long strings. Every payload that
 * could run code sets `__pwned` or carries a `data-pwn` attribute, so an injection is visible
 * whatever element it creates.
 */
const markup = [
  '<img src=x onerror="window.__pwned=1" data-pwn>',
  "<script data-pwn>window.__pwned=1</script>",
  '<svg data-pwn onload="window.__pwned=1"></svg>',
  "<svg><script data-pwn>window.__pwned=1</script></svg>",
  '"><img src=x onerror=window.__pwned=1 data-pwn>',
  "'><img src=x onerror=window.__pwned=1 data-pwn>",
  '<iframe data-pwn src="javascript:parent.__pwned=1"></iframe>',
  '<iframe data-pwn srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a data-pwn href="javascript:window.__pwned=1">click</a>',
  '<body data-pwn onload="window.__pwned=1">',
  '<div data-pwn style="background:url(javascript:window.__pwned=1)">x</div>',
  '<details data-pwn open ontoggle="window.__pwned=1">',
  "<math data-pwn><mtext><img src=x onerror=window.__pwned=1></mtext></math>",
  '<object data-pwn data="javascript:window.__pwned=1"></object>',
  '<embed data-pwn src="javascript:window.__pwned=1">',
  '<video data-pwn><source onerror="window.__pwned=1"></video>',
  '<audio data-pwn src=x onerror="window.__pwned=1">',
  '<input data-pwn autofocus onfocus="window.__pwned=1">',
  '<marquee data-pwn onstart="window.__pwned=1">',
  "<style data-pwn>*{display:none}</style>",
  '<link data-pwn rel=stylesheet href="data:text/css,*{display:none}">',
  '<meta data-pwn http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base data-pwn href="javascript:window.__pwned=1//">',
  '<form data-pwn action="javascript:window.__pwned=1"><button>go</button></form>',
  "<template data-pwn><img src=x onerror=window.__pwned=1></template>",
  "<!--<img src=x onerror=window.__pwned=1 data-pwn>-->",
  "<![CDATA[<img src=x onerror=window.__pwned=1 data-pwn>]]>",
  "<scr<script>ipt data-pwn>window.__pwned=1</scr</script>ipt>",
  "<IMG SRC=x ONERROR=window.__pwned=1 DATA-PWN>",
  "<img src=x onerror=&#119;indow.__pwned=1 data-pwn>",
  "&lt;img src=x onerror=window.__pwned=1 data-pwn&gt;",
  "&#60;script&#62;window.__pwned=1&#60;/script&#62;",
  '{{constructor.constructor("window.__pwned=1")()}}',
  "${window.__pwned=1}",
  "javascript:window.__pwned=1",
  "data:text/html,<script>window.__pwned=1</script>",
  "<b data-pwn>bold</b> <i>italic</i> <u>under</u>",
  "<p data-pwn>para</p></div></section></body></html>"
];

const text = [
  "\u202Egnp.exe\u202C Bob",
  "\u2066RTL\u2069 \u2067isolate\u2069 \u200Fmark\u200E",
  "Zalgo Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B",
  "Emoji 👩‍💻📞🏳️‍🌈 and astral 𝕏𝔂𝔷",
  "Null\u0000byte",
  "Bell\u0007 and escape\u001B[31mred",
  "Line\nbreak\r\nand\ttab",
  "\uFEFFBOM and \u200Bzero\u200Dwidth",
  "مرحبا بالعالم (Arabic)",
  "שלום עולם (Hebrew)",
  "日本語の名前",
  "Ünïcödé Çàllér",
  "' OR '1'='1",
  '" OR ""="',
  "Robert'); DROP TABLE Contact;--",
  "FIND {x} IN ALL FIELDS RETURNING User(Id)",
  "a\\b\\c\\\\ backslashes",
  "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"
];

const long = ["L".repeat(10_000), "<b data-pwn>".repeat(2_000), "\u202E".repeat(1_000) + "end"];

export const HOSTILE = [...markup, ...text, ...long];

/** Short enough for a caller ID name (≤ 80 characters, no control characters). */
export const acceptableName = (s) => s.length <= 80 && !/[\u0000-\u001f\u007f]/.test(s);

/**
 * Runs in every frame before its scripts: records elements and attributes carrying the payload
 * markers as soon as they appear, whatever view renders them.
 */
export function installInjectionWatch() {
  const hits = [];
  Object.defineProperty(window, "__injections", { value: hits });
  // Text inside title or aria-label attributes is literal and harmless; an injection shows
  // as a real data-pwn attribute, an event handler, or a script-capable URL.
  const dangerous = (a) =>
    a.name === "data-pwn" ||
    a.name === "srcdoc" ||
    (a.name.startsWith("on") && /__pwned/.test(a.value)) ||
    (["href", "src", "action", "formaction", "data", "xlink:href"].includes(a.name) &&
      /^\s*(javascript|data|vbscript):/i.test(a.value));
  const flag = (node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll("*")]) {
      const bad = [...el.attributes].filter(dangerous);
      if (bad.length)
        hits.push(
          `<${el.tagName.toLowerCase()} ${bad
            .map((a) => `${a.name}=${a.value}`)
            .join(" ")
            .slice(0, 120)}>`
        );
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) flag(n);
      if (r.type === "attributes" && r.target instanceof Element) flag(r.target);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}
