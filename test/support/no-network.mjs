// Preloaded (node --import) into a CLI run that must not touch the network: any attempt
// to resolve a name or open a socket is written to stderr and fails.
import dns from 'node:dns';
import net from 'node:net';

const refuse = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network use refused: ${what}`);
};
net.Socket.prototype.connect = function connect() {
  refuse('socket connect');
};
dns.lookup = () => refuse('dns.lookup');
dns.promises.lookup = async () => refuse('dns.promises.lookup');
globalThis.fetch = async (input) => refuse(`fetch ${String(input)}`);
