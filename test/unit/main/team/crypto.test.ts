// The team's wire format must let another implementation (a phone app, a script) join from the
// documentation alone: these vectors were computed with Node's own hkdfSync and createCipheriv
// (an implementation independent of main/team), and are printed in docs/design.md#team.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../../../main/team/envelope';
import {
  base64url,
  inviteText,
  newInvite,
  parseInvite,
  teamKeys,
} from '../../../../main/team/keys';

const SECRET = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
const TOPIC = 'vg_x6iV5thYSz-pzL06xdVAnGgXkXxUFf2Djmq2Wc-P';
const HELLO =
  '{"v":1,"eid":"e1","m":"awa","n":"Awa","lc":1,"ts":"2021-10-04T15:42:00.000Z","type":"member.hello"}';
const ENVELOPE =
  'v1.BwcHBwcHBwcHBwcH.Ygu4u6NpqWX6fNAUw7kVdshv1WOU9rYO4fN2gZiNMXy_rsRlj1gkFba07d_rOcX2PSEPK8DTyVELZ1Hq1wrIn0jvx55M8tlClqyWCLL1WCptMaqQCJLbuJuO_f02hvVqEonp3M9QEaspBBO7JOHSD9G0rw';

describe('the team secret', () => {
  it('derives the topic and key of the documented vector', async () => {
    const keys = await teamKeys(SECRET);
    expect(keys.topic).toBe(TOPIC);
    expect(await seal(HELLO, keys, new Uint8Array(12).fill(7))).toBe(ENVELOPE);
  });

  it('travels in an invite as text, and only a well-formed invite is accepted', () => {
    const text = `vigie-team:1:${base64url(SECRET)}:https://ntfy.sh`;
    expect(text).toBe('vigie-team:1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8:https://ntfy.sh');
    const invite = parseInvite(`  ${text}/ `);
    expect(invite).toEqual({ secret: SECRET, server: 'https://ntfy.sh' });
    expect(inviteText(invite as { secret: Uint8Array; server: string })).toBe(text);
    expect(parseInvite('https://ntfy.sh/topic')).toEqual({ problem: 'not-an-invite' });
    expect(parseInvite('vigie-team:2:abc:https://ntfy.sh')).toEqual({ problem: 'unknown-version' });
    expect(parseInvite('vigie-team:1:AAEC:https://ntfy.sh')).toEqual({ problem: 'bad-secret' });
    expect(parseInvite(`vigie-team:1:${base64url(SECRET)}:ftp://relay.example`)).toEqual({
      problem: 'bad-server',
    });
    expect(parseInvite(`vigie-team:1:${base64url(SECRET)}:https://u:p@relay.example`)).toEqual({
      problem: 'bad-server',
    });
  });

  it('a new invite carries 32 fresh random bytes each time', () => {
    const a = newInvite('https://ntfy.example/');
    const b = newInvite('https://ntfy.example/');
    expect(a.secret).toHaveLength(32);
    expect(a.server).toBe('https://ntfy.example');
    expect(base64url(a.secret)).not.toBe(base64url(b.secret));
  });
});

describe('the envelope', () => {
  it('opens what it sealed, with a fresh IV each time', async () => {
    const keys = await teamKeys(SECRET);
    const sealed = await Promise.all(Array.from({ length: 200 }, () => seal(HELLO, keys)));
    const ivs = new Set(sealed.map((s) => s.split('.')[1]));
    expect(ivs.size).toBe(200);
    expect(await open(sealed[0]!, keys)).toEqual({ plaintext: HELLO });
    expect(await open(ENVELOPE, keys)).toEqual({ plaintext: HELLO });
  });

  it('drops a tampered envelope, another team’s, and anything not v1', async () => {
    const keys = await teamKeys(SECRET);
    const other = await teamKeys(new Uint8Array(32).fill(9));
    const [, iv, body] = ENVELOPE.split('.');
    const flipped = body!.slice(0, 10) + (body![10] === 'A' ? 'B' : 'A') + body!.slice(11);
    expect(await open(`v1.${iv}.${flipped}`, keys)).toEqual({ dropped: 'bad-tag' });
    expect(await open(ENVELOPE, other)).toEqual({ dropped: 'bad-tag' });
    // The same key on another topic: the topic is bound in, so a replay there fails too.
    expect(await open(ENVELOPE, { ...keys, topic: 'vg_elsewhere' })).toEqual({
      dropped: 'bad-tag',
    });
    expect(await open(HELLO, keys)).toEqual({ dropped: 'not-v1' });
    expect(await open('v1.abc', keys)).toEqual({ dropped: 'malformed' });
    expect(await open('v1.!!!.???', keys)).toEqual({ dropped: 'malformed' });
  });

  it('refuses a plaintext over 2,800 bytes (a longer digest is split)', async () => {
    const keys = await teamKeys(SECRET);
    await expect(seal('x'.repeat(2801), keys)).rejects.toThrow(/at most 2800/);
    await expect(seal('x'.repeat(2800), keys)).resolves.toMatch(/^v1\./);
    // Counted in bytes, as the relay does: 1,400 two-byte letters fill it, one more does not.
    await expect(seal('é'.repeat(1400), keys)).resolves.toMatch(/^v1\./);
    await expect(seal('é'.repeat(1401), keys)).rejects.toThrow(/2802 bytes/);
  });

  it('refuses an IV that is not 12 bytes', async () => {
    const keys = await teamKeys(SECRET);
    await expect(seal(HELLO, keys, new Uint8Array(16).fill(7))).rejects.toThrow(/12 bytes/);
    await expect(seal(HELLO, keys, new Uint8Array(11).fill(7))).rejects.toThrow(/12 bytes/);
  });

  it('drops without decrypting an envelope of the wrong shape or size', async () => {
    const keys = await teamKeys(SECRET);
    const [, iv, body] = ENVELOPE.split('.');
    const bytes = (n: number) => base64url(new Uint8Array(n).fill(1));
    expect(await open(`${ENVELOPE}.more`, keys)).toEqual({ dropped: 'malformed' });
    expect(await open(`v1..${body}`, keys)).toEqual({ dropped: 'malformed' });
    expect(await open(`v1.${bytes(16)}.${body}`, keys)).toEqual({ dropped: 'malformed' });
    expect(await open(`v1.${bytes(11)}.${body}`, keys)).toEqual({ dropped: 'malformed' });
    expect(await open(`v1.${iv}.`, keys)).toEqual({ dropped: 'malformed' });
    expect(await open(`v1.${iv}.${bytes(15)}`, keys)).toEqual({ dropped: 'malformed' });
    // A bare tag (an empty message) is the right shape: it fails on its tag, not on its size.
    expect(await open(`v1.${iv}.${bytes(16)}`, keys)).toEqual({ dropped: 'bad-tag' });
    expect(await open(`V1.${iv}.${body}`, keys)).toEqual({ dropped: 'not-v1' });
    expect(await open(`v1${iv}.${body}`, keys)).toEqual({ dropped: 'not-v1' });
  });

  it('drops a sealed message over 2,800 bytes, and one that is not UTF-8 text', async () => {
    const keys = await teamKeys(SECRET);
    const iv = new Uint8Array(12).fill(7);
    // Sealed the way another implementation would, past the checks `seal` makes.
    const sealRaw = async (plain: Uint8Array) => {
      const sealed = await webcrypto.subtle.encrypt(
        {
          name: 'AES-GCM',
          iv,
          additionalData: new TextEncoder().encode(`vigie/v1|${TOPIC}`),
          tagLength: 128,
        },
        keys.key,
        plain,
      );
      return `v1.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
    };
    expect(await open(await sealRaw(new Uint8Array(2801).fill(0x41)), keys)).toEqual({
      dropped: 'too-large',
    });
    expect(await open(await sealRaw(new Uint8Array(2800).fill(0x41)), keys)).toEqual({
      plaintext: 'A'.repeat(2800),
    });
    expect(await open(await sealRaw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), keys)).toEqual({
      dropped: 'not-json',
    });
    expect(await open(await sealRaw(new Uint8Array(0)), keys)).toEqual({ plaintext: '' });
  });
});
