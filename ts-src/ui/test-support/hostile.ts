/** Strings an attacker could put in a caller ID, a record name or an error message. */
export const HOSTILE_STRINGS: readonly string[] = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "\u202Egnp.exe\u202C Bob \u2066RTL\u2069",
  "&lt;b&gt;entity&lt;/b&gt; & <b>bold</b>",
  "x".repeat(5000)
];

/** The elements an injection would create; none may appear in the rendered panel. */
export const INJECTED_SELECTOR = "img, script, svg[onload], b, iframe, [onerror], [onload]";
