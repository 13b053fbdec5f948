// Certificates generated at test time: a lab CA, a good leaf and one that is about to expire.
import selfsigned from 'selfsigned';
import { DAY } from '../../shared/durations';

export interface LabCerts {
  readonly ca: string;
  readonly good: { readonly key: string; readonly cert: string };
  readonly expiring: { readonly key: string; readonly cert: string };
}

const NAMES = ['*.lab.test', 'lab.test', 'localhost'];

async function leaf(
  ca: { key: string; cert: string },
  days: number,
  names: readonly string[] = NAMES,
) {
  const notBeforeDate = new Date(Date.now() - DAY);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'lab.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(Date.now() + days * DAY),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

let cached: Promise<LabCerts> | undefined;

/** Generates (once per test file) the lab's CA and two server certificates. */
export function labCerts(): Promise<LabCerts> {
  cached ??= generateCerts(NAMES);
  return cached;
}

/** A CA and server certificates valid for `names` (the benchmark mirrors real host names). */
export function generateCerts(names: readonly string[]): Promise<LabCerts> {
  return (async () => {
    const ca = await selfsigned.generate([{ name: 'commonName', value: 'Vigie Lab CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - DAY),
      notAfterDate: new Date(Date.now() + 30 * DAY),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        },
      ],
    });
    const signer = { key: ca.private, cert: ca.cert };
    return {
      ca: ca.cert,
      good: await leaf(signer, 365, names),
      expiring: await leaf(signer, 5, names),
    };
  })();
}
