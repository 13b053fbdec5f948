// The team's wire format must let another implementation (a phone app, a script) join from the
// documentation alone: these vectors were computed with Node's own hkdfSync and createCipheriv
// (an implementation independent of main/team), and are printed in docs/design.md#team.
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
  });
});
