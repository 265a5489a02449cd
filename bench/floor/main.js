/**
 * The bench's floor: the least an Open CTI softphone must do to be "ready" in Lightning —
 * read the call center settings, enable click-to-dial, listen for it, then
 * notifyInitializationComplete. The bench serves it as the static resource of the same
 * Softphone.page, in the same workbench shell and stand-in library, so its start-up pays what
 * ours pays for the page, the library and the host round trips, and nothing else.
 */
const api = window.sforce && window.sforce.opencti;
const call = (method, args = {}) =>
  new Promise((resolve, reject) =>
    api[method]({
      ...args,
      callback: (response) =>
        response && response.success
          ? resolve(response.returnValue)
          : reject(new Error(`${method} failed`))
    })
  );

if (api) {
  await call("getCallCenterSettings");
  await call("enableClickToDial");
  api.onClickToDial({ listener: () => undefined });
  await call("notifyInitializationComplete");
}
