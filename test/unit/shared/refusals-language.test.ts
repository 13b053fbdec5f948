// What the window is told when main refuses a call, in French and Arabic: a settings value or an
// alert channel field the schema refuses, a name already taken, a part of Vigie not available
// here. Never zod's English, never a lower layer's English sentence.
import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../../main/app/ipc';
import { createHandlers, type HandlerDeps } from '../../../main/shell/handlers';
import { parseConfig } from '../../../shared/config-schema';
import { Refusal } from '../../../shared/errors';
import { createTranslator, type Language } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { parseCall, type IpcResult } from '../../../shared/ipc';

/** Every word of 4+ letters in a catalogue. */
function words(value: unknown): string[] {
  if (typeof value === 'string') return value.match(/\p{L}{4,}/gu) ?? [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(words);
  return [];
}
const FRENCH = new Set(words(fr).map((w) => w.toLowerCase()));
const ENGLISH_ONLY = new Set(
  words(en)
    .map((w) => w.toLowerCase())
    .filter((w) => !FRENCH.has(w)),
);

/** English words in a French message; Latin words outside isolates in an Arabic one. */
function foreign(text: string, language: 'fr' | 'ar'): string[] {
  const said = text.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ' ');
  const latin = (said.match(/\p{Script=Latin}[\p{Script=Latin}'’-]{3,}/gu) ?? []).filter(
    (w) => w !== 'Vigie',
  );
  return language === 'ar' ? latin : latin.filter((w) => ENGLISH_ONLY.has(w.toLowerCase()));
}

const refused = (result: ReturnType<typeof parseCall>) => (result.ok ? '' : result.error.message);

/** Requests the window can send with what a person typed, each refused by its schema. */
const BAD_REQUESTS: readonly [string, unknown[]][] = [
  ['settings:set', [{ intervalSeconds: 1 }]],
  ['settings:set', [{ quietHours: { enabled: true, from: '25:00', to: '07:00' } }]],
  ['settings:set', [{ country: 'Côte' }]],
  ['alerts:save', [{ id: 'Team One', kind: 'ntfy' }]],
  ['alerts:newTopic', ['ftp://ntfy.example']],
  ['shell:openExternal', ['http://plain.example/']],
  ['checklist:note', ['run-1-whatsapp', '   ']],
];

describe('a request the schema refuses', () => {
  it('names the field and the problem in French', () => {
    const tr = createTranslator('fr');
    expect(refused(parseCall('settings:set', [{ intervalSeconds: 1 }], tr))).toBe(
      'intervalSeconds\u00a0: valeur trop petite (minimum\u00a0: 30)',
    );
    expect(
      refused(
        parseCall(
          'settings:set',
          [{ quietHours: { enabled: true, from: '25:00', to: '07:00' } }],
          tr,
        ),
      ),
    ).toBe('quietHours.from\u00a0: une heure est attendue, par exemple «\u00a022:00\u00a0»');
  });

  it('names the field left to right inside Arabic', () => {
    const tr = createTranslator('ar');
    expect(refused(parseCall('settings:set', [{ intervalSeconds: 1 }], tr))).toBe(
      '\u2066intervalSeconds\u2069: القيمة أصغر من اللازم (الحد الأدنى: 30)',
    );
  });

  it.each(['fr', 'ar'] as const)('%s: no English in any of them', (language) => {
    const tr = createTranslator(language);
    for (const [channel, args] of BAD_REQUESTS) {
      const message = refused(parseCall(channel, args, tr));
      expect(message, channel).not.toBe('');
      expect(foreign(message, language), `${channel}: ${message}`).toEqual([]);
    }
  });

  it('stays in English without a translator (the command line and the tests)', () => {
    expect(refused(parseCall('shell:openExternal', ['http://plain.example/']))).toContain(
      'only https links',
    );
  });
});

/** The IPC layer over handlers, called as our own page does, in a language. */
function ipc(handlers: Partial<HandlerDeps>, language: Language) {
  const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const tr = createTranslator(language);
  registerIpc(
    {
      handle: (channel, listener) =>
        registered.set(channel, listener as (event: unknown, payload: unknown) => Promise<unknown>),
      removeHandler: () => undefined,
    },
    createHandlers({ translator: () => tr, checklist: null, ...handlers } as HandlerDeps),
    () => true,
    () => tr,
  );
  return async (channel: string, ...args: unknown[]) =>
    (await registered.get(channel)!({}, args)) as IpcResult<unknown>;
}

describe('a refusal main can make', () => {
  it.each([
    ['fr', 'Vigie ne garde pas de journaux sur cet ordinateur.'],
    ['ar', 'لا يحتفظ Vigie بسجلات تشغيل على هذا الحاسوب.'],
  ] as const)('%s: is said in the window’s language', async (language, noLogs) => {
    const call = ipc({}, language);
    expect(await call('logs:open')).toEqual({
      ok: false,
      error: { code: 'FAILED', message: noLogs },
    });
    for (const channel of ['alerts:list', 'checklist:get', 'team:invite']) {
      const reply = await call(channel);
      expect(reply.ok, channel).toBe(false);
      if (!reply.ok) expect(foreign(reply.error.message, language), channel).toEqual([]);
    }
  });

  it('names a folder left to right inside Arabic (logs that could not be opened, an export)', () => {
    const tr = createTranslator('ar');
    const dir = '/home/awa/.config/Vigie/logs';
    expect(tr.t('refusals.logsNotOpened', { dir })).toBe(
      `تعذّر فتح مجلد سجلات التشغيل؛ افتحه بنفسك: \u2066${dir}\u2069`,
    );
    expect(tr.t('refusals.exportFull', { dir })).toContain(`\u2066${dir}\u2069`);
  });

  it('keeps its English for the logs', () => {
    const refusal = new Refusal(
      'refusals.channelTaken',
      { id: 'phone' },
      'a channel named "phone" already exists',
    );
    expect(refusal.message).toBe('a channel named "phone" already exists');
    expect(createTranslator('fr').t(refusal.key, refusal.values)).toBe(
      'Un canal s’appelle déjà «\u00a0phone\u00a0»\u00a0: choisissez un autre nom.',
    );
  });
});

describe('the alert channels of a config file', () => {
  const channels = [
    { id: 'phone', kind: 'ntfy', url: 'https://ntfy.sh/vigie-abc', token: { env: '1BAD' } },
    { id: 'mail', kind: 'email', host: 'smtp.shop.example', from: 'nope', to: ['a@b'] },
    { id: 'bot', kind: 'telegram', chatId: 'abc', token: { env: 'TOKEN' } },
    { id: 'hook', kind: 'webhook', url: { env: 'HOOK' }, dependsOn: ['Not An Id'] },
  ];

  it.each(['fr', 'ar'] as const)(
    '%s: each field the schema words itself is said in the language',
    (language) => {
      const parsed = parseConfig({ services: [], alerts: { channels } }, language);
      const problems = parsed.ok ? [] : parsed.problems.filter((p) => p.path.startsWith('alerts'));
      expect(problems.map((p) => p.path)).toEqual([
        'alerts.channels[0].token.env',
        'alerts.channels[1].from',
        'alerts.channels[2].chatId',
        'alerts.channels[3].dependsOn[0]',
      ]);
      for (const { message } of problems) expect(foreign(message, language), message).toEqual([]);
    },
  );

  it('asks for a chat id with an example, in French typography', () => {
    const parsed = parseConfig({ services: [], alerts: { channels } }, 'fr');
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toContain(
      'un identifiant de conversation est attendu, par exemple «\u00a0123456789\u00a0»',
    );
  });
});
