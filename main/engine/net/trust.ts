// One TLS secure context per set of extra CAs: building one parses every root certificate, which
// is far too slow to do for each connection.
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

const contexts = new Map<string, SecureContext>();

/** The system roots plus `extraCa`, built once; undefined when there is nothing extra to trust. */
export function secureContextFor(
  extraCa: readonly string[] | undefined,
): SecureContext | undefined {
  if (!extraCa || extraCa.length === 0) return undefined;
  const key = extraCa.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...extraCa] });
    contexts.set(key, context);
  }
  return context;
}
