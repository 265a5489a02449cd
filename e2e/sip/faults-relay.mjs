/** A loopback TCP relay for the SIP fault tests: cut() drops the network under a WebSocket. */
import { createServer, connect } from "node:net";

/** A TCP relay on 127.0.0.1 to `port`; cut() drops every open connection at once. */
export async function startRelay(port) {
  const sockets = new Set();
  const relay = createServer((client) => {
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
  return {
    url: `ws://127.0.0.1:${relay.address().port}`,
    open: () => sockets.size / 2,
    cut() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      })
  };
}
