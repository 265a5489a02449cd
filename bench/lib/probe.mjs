/**
 * A page init script for the softphone frame (installed with Playwright's addInitScript, so
 * it runs before any page script and leaves the bundle and the workbench untouched). It
 * catches the Open CTI object the workbench's opencti_min.js stand-in defines and records, on
 * the frame's own performance clock, when the softphone calls notifyInitializationComplete
 * and screenPop, when a simulateIncoming message reaches the softphone's channel listener, and
 * how long each runApex call (the caller lookup) takes to come back through the workbench.
 */
export function installOpenCtiProbe() {
  if (!location.pathname.startsWith("/apex/Softphone")) return;
  const probe = {
    recording: true,
    initComplete: [],
    screenPops: [],
    incoming: [],
    apexRoundTrips: []
  };
  const record = (list, entry) => {
    if (probe.recording) list.push(entry);
  };
  const wrapListener = (listener) =>
    function (message) {
      if (message && message.type === "simulateIncoming") record(probe.incoming, performance.now());
      return listener.apply(this, arguments);
    };
  const instrument = (api) => {
    const notify = api.notifyInitializationComplete;
    api.notifyInitializationComplete = function () {
      record(probe.initComplete, performance.now());
      return notify.apply(this, arguments);
    };
    const screenPop = api.screenPop;
    api.screenPop = function () {
      record(probe.screenPops, performance.now());
      return screenPop.apply(this, arguments);
    };
    const runApex = api.runApex;
    api.runApex = function (args) {
      if (!args || typeof args.callback !== "function") return runApex.call(this, args);
      const sent = performance.now();
      const callback = args.callback;
      return runApex.call(this, {
        ...args,
        callback(response) {
          record(probe.apexRoundTrips, { sent, answered: performance.now() });
          return callback.call(this, response);
        }
      });
    };
    const subscribe = api.subscribe;
    api.subscribe = function (args) {
      const wrapped =
        args && typeof args.listener === "function"
          ? { ...args, listener: wrapListener(args.listener) }
          : args;
      return subscribe.call(this, wrapped);
    };
    return api;
  };
  let opencti;
  const sforce = {};
  Object.defineProperty(sforce, "opencti", {
    configurable: true,
    enumerable: true,
    get: () => opencti,
    set: (api) => {
      opencti = api && typeof api === "object" ? instrument(api) : api;
    }
  });
  window.sforce = sforce;
  Object.defineProperty(window, "__benchProbe", { value: probe });
}
