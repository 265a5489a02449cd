/**
 * Content-Security-Policies the workbench sends. The shell and our own Softphone.page get our
 * strict policy. A foreign adapter page (`--adapter`) gets one like Salesforce's default for
 * Visualforce pages instead — inline scripts and handlers allowed, since most Open CTI
 * adapters are written that way — unless the developer asks for the strict one
 * (`--strict-csp`, as an org that opts into strict CSP would).
 */

export type AdapterCsp = "visualforce" | "strict";

/** Ours: no inline script or style, connections only to the page and the PBX. */
export function strictPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src ${["'self'", ...connectOrigins].join(" ")}`,
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'"
  ].join("; ");
}

/**
 * For adapter pages. "visualforce": what a Visualforce page may do by default — inline
 * `<script>`, `onclick=` handlers and eval, scripts, styles and images from the page and from
 * https hosts, connections to https/wss servers; the page may only be framed by the shell.
 * "strict": scripts only from the page's own origin (no inline), connections only to the
 * trusted origins (`--trust`), as under an org's strict CSP and CSP Trusted Sites.
 */
export function adapterPolicy(mode: AdapterCsp, trustedOrigins: readonly string[]): string {
  const trusted = trustedOrigins.join(" ");
  if (mode === "strict")
    return [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "media-src 'self' blob: data:",
      `connect-src 'self'${trusted ? ` ${trusted}` : ""}`,
      "frame-ancestors 'self'",
      "base-uri 'self'",
      "object-src 'none'"
    ].join("; ");
  return [
    "default-src 'self' https: data: blob:",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' https:",
    "style-src 'self' 'unsafe-inline' https:",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data: https:",
    "media-src 'self' blob: data: https:",
    `connect-src 'self' https: wss:${trusted ? ` ${trusted}` : ""}`,
    "frame-ancestors 'self'",
    "object-src 'none'"
  ].join("; ");
}
