// The one IPC contract between the window and the main process: namespaced channels, the zod
// schema of each request, the type of each reply, and the single event channel main pushes on.
// Only plain data crosses: times as epoch milliseconds, errors as { code, message }.
import { z } from 'zod';
import { zodEn } from './i18n/zod-strings';
import type { Readiness, RunView } from './checklist-types';
import type { Category, ServiceConfig } from './config-schema';
import type {
  DayCell,
  DayState,
  Incident,
  LatencyPoint,
  Resolution,
  Uptime,
} from './history-types';
import { ownServiceFormSchema } from './own-service';
import {
  messageTemplateSchema,
  playbookSchema,
  profileSchema,
  stepIdSchema,
  type MessageTemplate,
  type Playbook,
  type Profile,
} from './playbook-schema';
import { settingsSchema, type Settings } from './settings-schema';
import type { AlertChannelView, AlertTestResult } from './alerts/app-settings';
import { channelId } from './alerts/common';
import { httpUrl } from './http-url';
import type { Translator } from './i18n';
import { firstProblem, zodErrorMap } from './zod-words';
import type { ServiceStatus, Snapshot, VerdictChange } from './types';

/**
 * A change to some settings: each field as in the schema but optional and without its default, so
 * that the fields a request does not name are left as they are (zod's partial() would fill in
 * defaults and reset them).
 */
function settingsPatch() {
  const shape = Object.fromEntries(
    Object.entries(settingsSchema.shape).map(([key, field]) => {
      const inner =
        field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  );
  // The shape is the schema's own fields made optional: the cast states that type.
  return z.strictObject(shape) as unknown as z.ZodType<Partial<Settings>>;
}

const serviceId = z.string().regex(/^[a-z0-9~][a-z0-9-]{0,62}$/);
const time = z.number().finite().nonnegative();
/** A run of this computer, or the one shown for a team incident (`team-<service>@<event id>`). */
const runId = z
  .string()
  .regex(/^(run-\d+-[a-z0-9~][a-z0-9-]{0,62}|team-[a-z0-9~][a-z0-9-]{0,62}@[\w.~-]{1,100})$/);

/**
 * One call of the window's API: its channel, the schema its request is parsed against in main, how
 * the method's arguments make that request, and (as a type only) its reply.
 */
export interface Call<
  C extends string = string,
  S extends z.ZodType = z.ZodType,
  A extends readonly unknown[] = never,
  R = unknown,
> {
  readonly channel: C;
  readonly request: S;
  readonly pack: (...args: A) => z.input<S>;
  /** Never set: carries the reply's type. */
  readonly reply?: R;
}

/** Declares a call replying with R: `call<Snapshot>()('snapshot:get', schema, pack)`. */
const call =
  <R>() =>
  <C extends string, S extends z.ZodType, A extends readonly unknown[]>(
    channel: C,
    request: S,
    pack: (...args: A) => z.input<S>,
  ): Call<C, S, A, R> => ({ channel, request, pack });

const none = () => undefined;

/**
 * The window's API, declared once: the preload, the end-to-end bridge, the request schemas and
 * the handlers' types are all made from this table. A new call is one entry here and its handler.
 */
export const api = {
  snapshot: call<Snapshot>()('snapshot:get', z.undefined(), none),
  checkNow: call<Snapshot>()('engine:checkNow', z.undefined(), none),
  pause: call<Snapshot>()(
    'engine:pause',
    z.strictObject({ until: time.nullable() }),
    (until: number | null) => ({ until }),
  ),
  resume: call<Snapshot>()('engine:resume', z.undefined(), none),
  uptime: call<Uptime[]>()(
    'history:uptime',
    z.strictObject({ serviceId }),
    (serviceId: string) => ({
      serviceId,
    }),
  ),
  days: call<DayCell[]>()(
    'history:days',
    z.strictObject({ serviceId, days: z.number().int().min(1).max(90) }),
    (serviceId: string, days: number) => ({ serviceId, days }),
  ),
  /**
   * The daily states of many services in one call (the overview: one small request, not one per
   * row; the counts of each day come with the service view).
   */
  daysMany: call<Record<string, DayState[]>>()(
    'history:daysMany',
    z.strictObject({
      serviceIds: z.array(serviceId).max(500),
      days: z.number().int().min(1).max(90),
    }),
    (serviceIds: readonly string[], days: number) => ({ serviceIds: [...serviceIds], days }),
  ),
  latency: call<{ resolution: Resolution; points: LatencyPoint[] }>()(
    'history:latency',
    z
      .strictObject({ serviceId, from: time, to: time })
      // English on purpose: the window computes both ends itself, no person types them.
      .refine((r) => r.from < r.to, 'from must be before to'),
    (serviceId: string, from: number, to: number) => ({ serviceId, from, to }),
  ),
  incidents: call<Incident[]>()(
    'history:incidents',
    z.strictObject({ serviceId: serviceId.optional(), since: time.optional() }),
    (filter: { serviceId?: string; since?: number }) => filter,
  ),
  /** Exports incidents (all, or one service's) through a save dialog in main. */
  exportIncidents: call<{ readonly path: string | null }>()(
    'history:export',
    z.strictObject({ format: z.enum(['csv', 'json']), serviceId: serviceId.optional() }),
    (format: 'csv' | 'json', serviceId?: string) =>
      serviceId ? { format, serviceId } : { format },
  ),
  catalog: call<CatalogEntry[]>()('catalog:get', z.undefined(), none),
  /** Checks a user's own service once, before it is saved. */
  tryService: call<{ readonly service: ServiceConfig; readonly status: ServiceStatus }>()(
    'services:try',
    ownServiceFormSchema,
    (form: z.input<typeof ownServiceFormSchema>) => form,
  ),
  info: call<AppInfo>()('app:info', z.undefined(), none),
  settings: call<Settings>()('settings:get', z.undefined(), none),
  updateSettings: call<Settings>()(
    'settings:set',
    settingsPatch(),
    (patch: Partial<Settings>) => patch,
  ),
  openExternal: call<null>()(
    'shell:openExternal',
    z.strictObject({
      url: z.string().refine((u) => {
        try {
          return new URL(u).protocol === 'https:';
        } catch {
          return false;
        }
      }, zodEn.httpsLink),
    }),
    (url: string) => ({ url }),
  ),
  checklist: call<ChecklistState>()('checklist:get', z.undefined(), none),
  tick: call<ChecklistState>()(
    'checklist:tick',
    z.strictObject({
      runId,
      key: stepIdSchema,
      done: z.boolean(),
      note: z.string().max(500).optional(),
    }),
    (runId: string, key: string, done: boolean, note?: string) =>
      note === undefined ? { runId, key, done } : { runId, key, done, note },
  ),
  addNote: call<ChecklistState>()(
    'checklist:note',
    z.strictObject({ runId, text: z.string().trim().min(1).max(2000) }),
    (runId: string, text: string) => ({ runId, text }),
  ),
  /** Exports a run's report through a save dialog in main. */
  exportReport: call<{ readonly path: string | null }>()(
    'checklist:report',
    z.strictObject({ runId, format: z.enum(['md', 'html']) }),
    (runId: string, format: 'md' | 'html') => ({ runId, format }),
  ),
  setReady: call<ChecklistState>()(
    'checklist:ready',
    z.strictObject({ stepId: stepIdSchema, ready: z.boolean() }),
    (stepId: string, ready: boolean) => ({ stepId, ready }),
  ),
  setProfile: call<ChecklistState>()(
    'checklist:profile',
    profileSchema,
    (profile: Profile) => profile,
  ),
  saveMessage: call<ChecklistState>()(
    'messages:save',
    z.strictObject({ template: messageTemplateSchema }),
    (template: MessageTemplate) => ({ template }),
  ),
  restoreMessage: call<ChecklistState>()(
    'messages:restore',
    z.strictObject({ id: stepIdSchema }),
    (id: string) => ({ id }),
  ),
  playbooks: call<PlaybooksState>()('playbooks:get', z.undefined(), none),
  savePlaybook: call<PlaybooksState>()(
    'playbooks:save',
    z.strictObject({ playbook: playbookSchema }),
    (playbook: Playbook) => ({ playbook }),
  ),
  restorePlaybook: call<PlaybooksState>()(
    'playbooks:restore',
    z.strictObject({ id: stepIdSchema }),
    (id: string) => ({ id }),
  ),
  assignPlaybook: call<PlaybooksState>()(
    'playbooks:assign',
    z.strictObject({ serviceId, playbookId: stepIdSchema.nullable() }),
    (serviceId: string, playbookId: string | null) => ({ serviceId, playbookId }),
  ),
  /** The alert channels: settings, which secrets are set (never a secret), state. */
  alertChannels: call<AlertChannelView[]>()('alerts:list', z.undefined(), none),
  /**
   * Saves a channel as entered (its secrets go to the encrypted store; an empty secret keeps the
   * one set); `replaces` names the channel being edited. Replies with every channel.
   */
  saveAlertChannel: call<AlertChannelView[]>()(
    'alerts:save',
    z.strictObject({
      channel: z.looseObject({
        id: channelId,
        kind: z.enum(['ntfy', 'telegram', 'email', 'webhook']),
      }),
      replaces: channelId.optional(),
    }),
    (
      channel: Record<string, unknown> & {
        id: string;
        kind: 'ntfy' | 'telegram' | 'email' | 'webhook';
      },
      replaces?: string,
    ) => ({ channel, ...(replaces === undefined ? {} : { replaces }) }),
  ),
  removeAlertChannel: call<AlertChannelView[]>()(
    'alerts:remove',
    z.strictObject({ id: channelId }),
    (id: string) => ({ id }),
  ),
  /** Sends a test message through a saved channel; the result with its reason in words. */
  testAlertChannel: call<AlertTestResult>()(
    'alerts:test',
    z.strictObject({ id: channelId }),
    (id: string) => ({ id }),
  ),
  /** A new random ntfy topic on a server, and its `ntfy://` link (for the QR code). */
  newNtfyTopic: call<{ readonly url: string; readonly link: string }>()(
    'alerts:newTopic',
    z.strictObject({ server: httpUrl }),
    (server: string) => ({ server }),
  ),
  /** A Telegram pairing code: the person sends `/start <code>` to the bot. */
  telegramPairingCode: call<{ readonly code: string }>()('alerts:pairingCode', z.undefined(), none),
  /**
   * The chat that sent `/start <code>` to the bot (null: not yet), with the token typed in the
   * form or, when it is empty, the one kept for the channel `channelId`.
   */
  checkTelegramPairing: call<{ readonly chatId: string | null }>()(
    'alerts:checkPairing',
    z.strictObject({
      code: z.string().regex(/^[A-Z2-9]{12}$/),
      token: z.string().min(1).max(4096).optional(),
      channelId: channelId.optional(),
      apiUrl: httpUrl.optional(),
    }),
    (pairing: { code: string; token?: string; channelId?: string; apiUrl?: string }) => pairing,
  ),
  /** Opens the folder of Vigie's log files in the system's file manager. */
  openLogs: call<null>()('logs:open', z.undefined(), none),
  /**
   * Puts what support needs on the clipboard: version, system, settings (no secret), the last
   * log lines; replies with how many lines went.
   */
  copyDiagnostics: call<{ readonly lines: number }>()('logs:copyDiagnostics', z.undefined(), none),
  /** Settings → Team: the team of this computer (never its secret), or null without one. */
  team: call<TeamView | null>()('team:get', z.undefined(), none),
  /** Makes a team on a relay (an ntfy server), under this member's display name. */
  createTeam: call<TeamView>()(
    'team:create',
    z.strictObject({ server: z.string().max(2000), name: z.string().max(200) }),
    (server: string, name: string) => ({ server, name }),
  ),
  /** Joins the team of an invite (`vigie-team:1:<secret>:<server URL>`). */
  joinTeam: call<TeamView>()(
    'team:join',
    z.strictObject({ invite: z.string().max(4000), name: z.string().max(200) }),
    (invite: string, name: string) => ({ invite, name }),
  ),
  renameTeamMember: call<TeamView>()(
    'team:rename',
    z.strictObject({ name: z.string().max(200) }),
    (name: string) => ({ name }),
  ),
  /** The invite, which holds the team's secret: only when the person asks to show it. */
  teamInvite: call<{ readonly invite: string }>()('team:invite', z.undefined(), none),
  /**
   * A new team secret (someone is removed), or, given a teammate's new invite, that one; what was
   * shared before stays on this computer.
   */
  newTeamSecret: call<TeamView>()(
    'team:rekey',
    z.strictObject({ invite: z.string().max(4000).optional() }),
    (invite?: string) => (invite === undefined ? {} : { invite }),
  ),
  leaveTeam: call<null>()('team:leave', z.undefined(), none),
  /**
   * The invite link opened last (a `vigie-team:` link clicked in another app), once: Settings →
   * Team fills its form with it; null when none is waiting.
   */
  takeTeamLink: call<TeamLink | null>()('team:takeLink', z.undefined(), none),
  copy: call<null>()(
    'clipboard:write',
    z.strictObject({ text: z.string().min(1).max(10_000) }),
    (text: string) => ({ text }),
  ),
} as const;

type Api = typeof api;
type AnyCall = Api[keyof Api];
type CallOn<C extends Channel> = Extract<AnyCall, { readonly channel: C }>;
type ReplyOf<K> = K extends Call<string, z.ZodType, never, infer R> ? R : never;

export type Channel = AnyCall['channel'];
export type RequestOf<C extends Channel> = z.output<CallOn<C>['request']>;

/** Reply types, by channel. */
export type Replies = { [C in Channel]: ReplyOf<CallOn<C>> };

/** Request schemas, by channel (what main parses every payload against). */
export const requests = Object.fromEntries(
  Object.values(api).map((c) => [c.channel, c.request]),
) as { [C in Channel]: CallOn<C>['request'] };

/** A service the user may watch, with the choices in effect (catalog defaults or settings). */
export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly provider?: string;
  /** Other names people search by (a former name, a French or Arabic spelling). */
  readonly aliases: readonly string[];
  readonly category: Category;
  /** The provider publishes a status Vigie reads (else: direct checks only). */
  readonly official: boolean;
  /** Estimated bytes a month of watching it at the current interval. */
  readonly monthBytes: number;
  readonly enabled: boolean;
  readonly critical: boolean;
  readonly muted: boolean;
  /** Added by the user (and removable), not from the catalog. */
  readonly custom: boolean;
}

/** The checklist view's data: runs newest first, readiness, the messages and who they speak for. */
export interface ChecklistState {
  readonly runs: readonly RunView[];
  readonly readiness: Readiness;
  readonly profile: Profile;
  readonly messages: readonly MessageTemplate[];
  /** Messages whose text the user changed. */
  readonly editedMessages: readonly string[];
  /** The playbooks file could not be read (the shipped playbooks are in use), in words. */
  readonly problem: string | null;
}

/** The playbooks, which are edited copies of shipped ones, and which playbook each service follows. */
export interface PlaybooksState {
  readonly playbooks: readonly Playbook[];
  readonly edited: readonly string[];
  readonly shipped: readonly string[];
  readonly services: readonly {
    readonly id: string;
    readonly name: string;
    readonly critical: boolean;
    readonly playbookId: string;
  }[];
}

/** This computer's team as the window shows it: the relay, this member, the members seen. */
export interface TeamView {
  readonly server: string;
  /** This member's id (to tell "you" in the list). */
  readonly member: string;
  readonly name: string;
  /** Each member seen, with the display time (ISO) of their latest event. */
  readonly members: readonly {
    readonly id: string;
    readonly name: string;
    readonly lastSeen: string;
  }[];
}

/** An invite link opened from another app, for Settings → Team to fill in (never joined by itself). */
export interface TeamLink {
  /** The invite, as the link carried it. */
  readonly invite: string;
  /** The relay it is for, to be seen before joining (null when the link is not an invite). */
  readonly server: string | null;
  /** Why it cannot be joined, in the same words as for a pasted invite; null when it can. */
  readonly problem: string | null;
}

/** Facts about this installation the settings show. */
export interface AppInfo {
  /** Where settings and history live; null when history could not be opened. */
  readonly dataDir: string | null;
  /** Bytes Vigie's checks used on the network today (local day). */
  readonly bytesToday: number;
  /**
   * What a month of checks costs at the interval set now (30 days of cycles at the average
   * size of today's); null before any cycle.
   */
  readonly bytesPerMonth: number | null;
  readonly version: string;
  /** Why history is not being saved now, or null while it is. */
  readonly historyProblem: HistoryProblemCode | null;
}

/** Why history is not being saved: a full disk, a folder Vigie may not write, another Vigie. */
export type HistoryProblemCode = 'DISK_FULL' | 'WRITE_FAILED' | 'LOCKED';

/** An error that crossed IPC. */
export interface IpcError {
  readonly code: 'BAD_REQUEST' | 'UNTRUSTED_SENDER' | 'FAILED';
  readonly message: string;
}

/** What every invoke resolves to. */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** The event channel main pushes state on. */
export const EVENT_CHANNEL = 'vigie:event';

/** What main pushes. */
export type VigieEvent =
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  | { readonly type: 'change'; readonly change: VerdictChange }
  | { readonly type: 'settings'; readonly settings: Settings }
  | { readonly type: 'focusService'; readonly serviceId: string }
  /** History stopped (or started again) being saved. */
  | { readonly type: 'history'; readonly problem: HistoryProblemCode | null }
  /** The runs changed (a run started, joined or ended). */
  | { readonly type: 'checklist' }
  /** The team changed (made, joined, left, a teammate seen). */
  | { readonly type: 'team' }
  /** An invite link was opened: take it (`takeTeamLink`) and show it in Settings → Team. */
  | { readonly type: 'teamLink' }
  /** Show this run (the notification of an outage was clicked). */
  | { readonly type: 'focusRun'; readonly runId: string };

/** The typed API the preload exposes as `window.vigie`. */
export type VigieApi = {
  readonly [K in keyof Api]: (
    ...args: Parameters<Api[K]['pack']>
  ) => Promise<IpcResult<ReplyOf<Api[K]>>>;
} & {
  /** Subscribes to main's events; returns the unsubscribe function. */
  onEvent(listener: (event: VigieEvent) => void): () => void;
};

/** What the preload and the end-to-end bridge are built from: each method's channel, and the event channel. */
export interface BridgeTable {
  readonly calls: Readonly<Record<string, Channel>>;
  readonly event: typeof EVENT_CHANNEL;
}

/** The bridge's table, from the contract. */
export function bridgeTable(): BridgeTable {
  return {
    calls: Object.fromEntries(Object.entries(api).map(([name, c]) => [name, c.channel])),
    event: EVENT_CHANNEL,
  };
}

const byChannel = new Map<string, AnyCall>(Object.values(api).map((c) => [c.channel, c]));

/**
 * What main makes of a call that arrived: the method's arguments (as the window passed them) packed
 * into its request and parsed against its schema. Anything else is a bad request, never a crash.
 */
export function parseCall(
  channel: string,
  args: unknown,
  tr?: Translator,
):
  | { readonly ok: true; readonly request: unknown }
  | { readonly ok: false; readonly error: IpcError } {
  const bad = (message: string) =>
    ({ ok: false, error: { code: 'BAD_REQUEST', message } }) as const;
  const c = byChannel.get(channel);
  // An unknown channel, arguments that are not a list, or that cannot be packed: only a page that
  // is not ours (or a bug) sends these; our window calls through the bridge built from this table.
  // They stay in English, for the developer who reads them.
  if (!c) return bad(`unknown channel ${channel}`);
  if (!Array.isArray(args) || args.length > 8) return bad(`${channel}: arguments must be a list`);
  let packed: unknown;
  try {
    // The window may pass anything: packing is plain object building, and the schema judges it.
    packed = (c.pack as (...a: unknown[]) => unknown)(...(args as unknown[]));
  } catch {
    return bad(`${channel}: unexpected arguments`);
  }
  // With the window's translator, a value the person typed and a schema refused is said in their
  // language ("quietHours.start : une heure est attendue…"), never in zod's English.
  const parsed = c.request.safeParse(packed, tr ? { error: zodErrorMap(tr) } : undefined);
  if (parsed.success) return { ok: true, request: parsed.data };
  if (tr) return bad(firstProblem(parsed.error.issues, tr));
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return bad(`${channel}: ${where}${issue?.message ?? 'invalid request'}`);
}
