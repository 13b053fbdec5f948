// `watch`'s lines as an alert channel: each story line of the terminal (a confirmed change, the
// connectivity, the overall state) is written through `send()`, like an alert through ntfy.
//
// A local channel never goes through the outbox: a line is written when it happens, in its order
// among the others, never later, twice, or after a restart.
import type { AlertChannel, Outcome } from './channel';

const ACCEPTED: Outcome = { kind: 'accepted' };

/**
 * The terminal channel: writes the message's title, then its body when it has one, each through
 * `write` (which ends the line), at once, before the promise settles, so lines keep their order.
 */
export function terminalChannel(write: (line: string) => void): AlertChannel {
  return {
    id: 'terminal',
    kind: 'terminal',
    dependsOn: [],
    send(message) {
      try {
        write(message.title);
        if (message.body !== '') write(message.body);
      } catch {
        return Promise.resolve({
          kind: 'broken',
          reason: { key: 'localChannels.terminalRefused' },
        });
      }
      return Promise.resolve(ACCEPTED);
    },
    close: () => Promise.resolve(),
  };
}
