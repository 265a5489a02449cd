/**
 * A loopback TCP relay for the SIP fault tests: cut() drops the network under a WebSocket,
 * block() keeps it down (new connections are dropped at once, like a network that is gone),
 * restore() brings it back.
 */
import { createServer, connect } from "node:net";

/** A TCP relay on 127.0.0.1 to `port`. */
export async function startRelay(port) {
  const sockets = new Set();
  /** Date.now() of every connection the relay passed on (the WebSocket came back). */
  const accepted = [];
  let blocked = false;
  const relay = createServer((client) => {
    if (blocked) {
      client.destroy();
      return;
    }
    accepted.push(Date.now());
    const upstream = connect(port, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  await new Promise((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const cut = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    url: `ws://127.0.0.1:${relay.address().port}`,
    accepted,
    open: () => sockets.size / 2,
    cut,
    /** Cuts every connection and refuses new ones until restore(). */
    block() {
      blocked = true;
      cut();
    },
    restore() {
      blocked = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      })
  };
}
