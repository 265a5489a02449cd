/**
 * The workbench's stand-in for Visualforce's remoting library on the connector page:
 * `Visualforce.remoting.Manager.invokeAction(name, ...args, callback, options)` posts to the
 * workbench, which answers as SoftphoneVoiceController would, and calls back with
 * `(result, {status, type, message})` like the platform.
 */
interface RemotingOptions {
  timeout?: number;
}
type Callback = (
  result: unknown,
  event: { status: boolean; type: string; message?: string }
) => void;

function invokeAction(action: string, ...rest: unknown[]): void {
  let options: RemotingOptions = {};
  if (typeof rest[rest.length - 1] === "object" && typeof rest[rest.length - 2] === "function")
    options = rest.pop() as RemotingOptions;
  const callback = rest.pop() as Callback;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout ?? 30_000);
  fetch("/workbench-voice/apex", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, args: rest }),
    signal: controller.signal
  })
    .then(async (response) => {
      const body = (await response.json()) as { result?: unknown; message?: string };
      if (response.ok) callback(body.result, { status: true, type: "rpc" });
      else callback(null, { status: false, type: "exception", message: body.message });
    })
    .catch((error: unknown) =>
      callback(null, { status: false, type: "exception", message: String(error) })
    )
    .finally(() => clearTimeout(timer));
}

(window as unknown as { Visualforce: unknown }).Visualforce = {
  remoting: { Manager: { invokeAction } }
};
