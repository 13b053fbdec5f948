// The one IPC contract between the window and the main process: namespaced channels, the zod
// schema of each request, the type of each reply, and the single event channel main pushes on.
// Only plain data crosses: times as epoch milliseconds, errors as { code, message }.
import { z } from 'zod';
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
const runId = z.string().regex(/^run-\d+-[a-z0-9~][a-z0-9-]{0,62}$/);

/** Request schemas, by channel. */
export const requests = {
  'snapshot:get': z.undefined(),
  'engine:checkNow': z.undefined(),
  'engine:pause': z.strictObject({ until: time.nullable() }),
  'engine:resume': z.undefined(),
  'history:uptime': z.strictObject({ serviceId }),
  'history:days': z.strictObject({ serviceId, days: z.number().int().min(1).max(90) }),
  /**
   * The daily states of many services in one call (the overview: one small request, not one per
   * row; the counts of each day come with the service view).
   */
  'history:daysMany': z.strictObject({
    serviceIds: z.array(serviceId).max(500),
    days: z.number().int().min(1).max(90),
  }),
  'history:latency': z
    .strictObject({ serviceId, from: time, to: time })
    .refine((r) => r.from < r.to, 'from must be before to'),
  'history:incidents': z.strictObject({ serviceId: serviceId.optional(), since: time.optional() }),
  /** Exports incidents (all, or one service's) through a save dialog in main. */
  'history:export': z.strictObject({
    format: z.enum(['csv', 'json']),
    serviceId: serviceId.optional(),
  }),
  'catalog:get': z.undefined(),
  /** Checks a user's own service once, before it is saved. */
  'services:try': ownServiceFormSchema,
  'app:info': z.undefined(),
  'settings:get': z.undefined(),
  'settings:set': settingsPatch(),
  'checklist:get': z.undefined(),
  'checklist:tick': z.strictObject({
    runId,
    key: stepIdSchema,
    done: z.boolean(),
    note: z.string().max(500).optional(),
  }),
  'checklist:note': z.strictObject({ runId, text: z.string().trim().min(1).max(2000) }),
  /** Exports a run's report through a save dialog in main. */
  'checklist:report': z.strictObject({ runId, format: z.enum(['md', 'html']) }),
  'checklist:ready': z.strictObject({ stepId: stepIdSchema, ready: z.boolean() }),
  'checklist:profile': profileSchema,
  'messages:save': z.strictObject({ template: messageTemplateSchema }),
  'messages:restore': z.strictObject({ id: stepIdSchema }),
  'playbooks:get': z.undefined(),
  'playbooks:save': z.strictObject({ playbook: playbookSchema }),
  'playbooks:restore': z.strictObject({ id: stepIdSchema }),
  'playbooks:assign': z.strictObject({ serviceId, playbookId: stepIdSchema.nullable() }),
  'clipboard:write': z.strictObject({ text: z.string().min(1).max(10_000) }),
  'shell:openExternal': z.strictObject({
    url: z.string().refine((u) => {
      try {
        return new URL(u).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'only https links open outside Vigie'),
  }),
} as const;

export type Channel = keyof typeof requests;
export type RequestOf<C extends Channel> = z.infer<(typeof requests)[C]>;

/** Reply types, by channel. */
export interface Replies {
  'snapshot:get': Snapshot;
  'engine:checkNow': Snapshot;
  'engine:pause': Snapshot;
  'engine:resume': Snapshot;
  'history:uptime': Uptime[];
  'history:days': DayCell[];
  'history:daysMany': Record<string, DayState[]>;
  'history:latency': { resolution: Resolution; points: LatencyPoint[] };
  'history:incidents': Incident[];
  'history:export': { readonly path: string | null };
  'catalog:get': CatalogEntry[];
  'services:try': { readonly service: ServiceConfig; readonly status: ServiceStatus };
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'checklist:get': ChecklistState;
  'checklist:tick': ChecklistState;
  'checklist:note': ChecklistState;
  'checklist:report': { readonly path: string | null };
  'checklist:ready': ChecklistState;
  'checklist:profile': ChecklistState;
  'messages:save': ChecklistState;
  'messages:restore': ChecklistState;
  'playbooks:get': PlaybooksState;
  'playbooks:save': PlaybooksState;
  'playbooks:restore': PlaybooksState;
  'playbooks:assign': PlaybooksState;
  'clipboard:write': null;
  'shell:openExternal': null;
}

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
  /** Show this run (the notification of an outage was clicked). */
  | { readonly type: 'focusRun'; readonly runId: string };

/** The typed API the preload exposes as `window.vigie`. */
export interface VigieApi {
  snapshot(): Promise<IpcResult<Snapshot>>;
  checkNow(): Promise<IpcResult<Snapshot>>;
  pause(until: number | null): Promise<IpcResult<Snapshot>>;
  resume(): Promise<IpcResult<Snapshot>>;
  uptime(serviceId: string): Promise<IpcResult<Uptime[]>>;
  days(serviceId: string, days: number): Promise<IpcResult<DayCell[]>>;
  daysMany(
    serviceIds: readonly string[],
    days: number,
  ): Promise<IpcResult<Record<string, DayState[]>>>;
  latency(
    serviceId: string,
    from: number,
    to: number,
  ): Promise<IpcResult<Replies['history:latency']>>;
  incidents(filter: { serviceId?: string; since?: number }): Promise<IpcResult<Incident[]>>;
  exportIncidents(
    format: 'csv' | 'json',
    serviceId?: string,
  ): Promise<IpcResult<Replies['history:export']>>;
  catalog(): Promise<IpcResult<CatalogEntry[]>>;
  tryService(form: RequestOf<'services:try'>): Promise<IpcResult<Replies['services:try']>>;
  info(): Promise<IpcResult<AppInfo>>;
  settings(): Promise<IpcResult<Settings>>;
  updateSettings(patch: RequestOf<'settings:set'>): Promise<IpcResult<Settings>>;
  openExternal(url: string): Promise<IpcResult<null>>;
  checklist(): Promise<IpcResult<ChecklistState>>;
  tick(
    runId: string,
    key: string,
    done: boolean,
    note?: string,
  ): Promise<IpcResult<ChecklistState>>;
  addNote(runId: string, text: string): Promise<IpcResult<ChecklistState>>;
  exportReport(runId: string, format: 'md' | 'html'): Promise<IpcResult<{ path: string | null }>>;
  setReady(stepId: string, ready: boolean): Promise<IpcResult<ChecklistState>>;
  setProfile(profile: Profile): Promise<IpcResult<ChecklistState>>;
  saveMessage(template: MessageTemplate): Promise<IpcResult<ChecklistState>>;
  restoreMessage(id: string): Promise<IpcResult<ChecklistState>>;
  playbooks(): Promise<IpcResult<PlaybooksState>>;
  savePlaybook(playbook: Playbook): Promise<IpcResult<PlaybooksState>>;
  restorePlaybook(id: string): Promise<IpcResult<PlaybooksState>>;
  assignPlaybook(serviceId: string, playbookId: string | null): Promise<IpcResult<PlaybooksState>>;
  copy(text: string): Promise<IpcResult<null>>;
  /** Subscribes to main's events; returns the unsubscribe function. */
  onEvent(listener: (event: VigieEvent) => void): () => void;
}
