// Notices when this machine's network interfaces change (Wi-Fi to mobile data, a cable, a VPN),
// so that the engine gives the new network a grace period before judging anything.
import { networkInterfaces } from 'node:os';
import { SECOND } from '../../shared/durations';

const NETWORK_POLL_MS = 10 * SECOND;

/** Calls `changed` after each change of interfaces or addresses (polled; there is no OS event). */
export function watchNetwork(changed: () => void): () => void {
  let last = networkSignature();
  const timer = setInterval(() => {
    const now = networkSignature();
    if (now !== last) changed();
    last = now;
  }, NETWORK_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function networkSignature(): string {
  return JSON.stringify(
    Object.entries(networkInterfaces()).map(([name, addresses]) => [
      name,
      addresses?.map((a) => a.address),
    ]),
  );
}
