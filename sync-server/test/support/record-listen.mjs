// `node --import ./record-listen.mjs …`: writes a marker line on stderr each time the process
// starts listening on a port (the HTTP server, the Stripe emulator), so a test can tell that a
// refused start never listened at all, not only that nothing was listening after it exited.
import net from 'node:net';

export const LISTEN_MARKER = '[record-listen] listen called';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function recordedListen(...args) {
  process.stderr.write(`${LISTEN_MARKER}\n`);
  return listen.apply(this, args);
};
