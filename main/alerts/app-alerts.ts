// Alerts in the app: the channels of the settings (their secrets from the SecretStore), one
// dispatcher fed the scheduler's changes and snapshots as `watch` does, the outbox in the data
// folder, and what the window and the tray are told about each channel. Plain Node: the app hands
// in the OS keychain as a SecretCipher.
import { randomBytes } from 'node:crypto';
import type {
  AppAlerts as AlertSettings,
  StoredChannelConfig,
} from '../../shared/alerts/app-settings';
import { storedChannelSchema } from '../../shared/alerts/app-settings';
import { ntfySubscribeLink, randomTopic } from '../../shared/alerts/phone';
import { channelSchema, type ChannelKind } from '../../shared/alerts/schema';
import { Refusal } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { firstProblem, zodErrorMap } from '../../shared/zod-words';
import type { Snapshot, VerdictChange } from '../../shared/types';
import type { HttpClient } from '../engine/net/http-client';
import {
  channelView,
  keepSecrets,
  splitSecrets,
  withSecrets,
  type StoredChannel,
} from './app-secrets';
import type { AlertChannel, Reason } from './channel';
import { dependsOnOf, makeChannel } from './channels';
import { ChannelStates, type ChannelState } from './channel-states';
import { AlertDispatcher, type AlertReport } from './dispatcher';
import { Outbox } from './outbox';
import { SecretStore, type SecretCipher } from './secret-store';
import { findPairedChat, pairingCode } from './telegram-pairing';
import { testMessage } from './words';

export type { ChannelState } from './channel-states';

/** A channel as the window sees it: settings, which secrets are set, its state. */
export type ChannelInfo = ReturnType<typeof channelView> & {
  readonly dependsOn: readonly string[];
  readonly state: ChannelState;
};

/** What a test send came to. */
export type TestResult = { readonly ok: true } | { readonly ok: false; readonly reason: Reason };

export interface AppAlertsDeps {
  /** The app's data folder: the outbox and the encrypted secrets live there. */
  readonly dir: string;
  readonly cipher: SecretCipher;
  readonly http: HttpClient;
  /** The computer's name, for "Vigie on <computer>". */
  readonly host: string;
  readonly alerts: () => AlertSettings;
  readonly saveAlerts: (alerts: AlertSettings) => void;
  /** The translator alerts are written in. */
  readonly translator: () => Translator;
  readonly now?: () => number;
  readonly random?: (size: number) => Uint8Array;
  /** A channel's state changed (the tray re-renders). */
  readonly changed?: () => void;
}

const SECRET_MISSING: Reason = { key: 'alerts.reasonSecretMissing' };

/** Settings → Alerts' fields, by the name the channel's settings give them. */
const FORM_LABELS: Readonly<Record<string, string>> = {
  id: 'alertSettings.id',
  chatId: 'alertSettings.chatId',
  host: 'alertSettings.host',
  port: 'alertSettings.port',
  user: 'alertSettings.user',
  from: 'alertSettings.from',
  to: 'alertSettings.to',
};

/** The label the form shows for a field ("Port"), so a refusal names what the person sees. */
function formLabel(kind: ChannelKind, path: readonly PropertyKey[], tr: Translator): string | null {
  const field = String(path[0]);
  if (field === 'url')
    return tr.t(kind === 'ntfy' ? 'alertSettings.ntfyUrl' : 'alertSettings.webhookUrl');
  const key = FORM_LABELS[field];
  return key ? tr.t(key) : null;
}

export class AppAlerts {
  readonly secrets: SecretStore;
  /** Each channel's state, kept in the data folder across restarts. */
  private readonly states: ChannelStates;
  private dispatcher: AlertDispatcher | null = null;
  private pending: VerdictChange[] = [];
  /** Reloads run one after the other (the outbox is closed before it is opened again). */
  private reloading: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly random: (size: number) => Uint8Array;

  constructor(private readonly deps: AppAlertsDeps) {
    this.secrets = new SecretStore(deps.dir, deps.cipher);
    this.states = new ChannelStates(deps.dir);
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? ((size) => randomBytes(size));
  }

  /** Builds the channels and the dispatcher from the settings (again after each change). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      await this.dispatcher?.close();
      this.dispatcher = null;
      const channels: AlertChannel[] = [];
      for (const stored of this.deps.alerts().channels) {
        const channel = this.channelOf(stored);
        const broken = this.states.get(stored.id).broken;
        if (!channel) {
          if (broken?.key !== SECRET_MISSING.key)
            this.setState(stored.id, { broken: SECRET_MISSING });
        } else if (broken?.key === SECRET_MISSING.key) {
          // The keychain answers again: the channel can go out.
          this.setState(stored.id, { broken: null });
          channels.push(channel);
        } else if (broken) {
          // Broken before a restart: nothing goes through it until it is saved again or tested.
          await channel.close();
        } else channels.push(channel);
      }
      if (channels.length === 0) return;
      const alerts = this.deps.alerts();
      this.dispatcher = new AlertDispatcher({
        channels,
        outbox: new Outbox(this.deps.dir),
        tr: this.deps.translator(),
        host: this.deps.host,
        events: alerts.events,
        now: this.now,
        setTimer: (run, ms) => {
          const timer = setTimeout(run, ms);
          return () => clearTimeout(timer);
        },
        report: (report) => this.observe(report),
      });
    });
    return this.reloading;
  }

  /**
   * A confirmed change of the scheduler; it goes out with the snapshot that follows. The app
   * alerts on its critical services only (a config file's `services` has no counterpart here).
   */
  change(change: VerdictChange): void {
    if (change.current.critical) this.pending.push(change);
  }

  /** The scheduler's snapshot: the changes since the last one are sent. */
  snapshot(snapshot: Snapshot): void {
    if (snapshot.checkedAt === 0 || snapshot.overall === 'paused') return;
    const these = this.pending;
    this.pending = [];
    this.dispatcher?.changes(these, snapshot);
  }

  /** Every channel of the settings, for the window: never a secret, only whether it is set. */
  list(): ChannelInfo[] {
    return this.deps.alerts().channels.map((stored) => ({
      ...channelView(stored as StoredChannel, this.secrets),
      dependsOn: dependsOnOf(stored as Parameters<typeof dependsOnOf>[0]),
      state: this.states.get(stored.id),
    }));
  }

  /** The broken channels, for the tray. */
  broken(): { readonly channel: string; readonly reason: Reason }[] {
    const out: { channel: string; reason: Reason }[] = [];
    for (const stored of this.deps.alerts().channels) {
      const reason = this.states.get(stored.id).broken;
      if (reason) out.push({ channel: stored.id, reason });
    }
    return out;
  }

  /**
   * Saves a channel as the person entered it: its secrets to the secret store (an empty one keeps
   * the secret already set), the rest to the settings; `replaces` names the channel it edits.
   */
  async save(input: Record<string, unknown>, replaces?: string): Promise<ChannelInfo[]> {
    const kind = input.kind as ChannelKind;
    const id = String(input.id);
    // A field the person filled in wrong is named in the window's language: "port : valeur trop
    // grande (maximum : 65535)", never zod's English.
    const tr = this.deps.translator();
    const checked = storedChannelSchema.safeParse(splitSecrets({ ...input, id, kind }).stored, {
      error: zodErrorMap(tr),
    });
    if (!checked.success)
      throw new Error(firstProblem(checked.error.issues, tr, (path) => formLabel(kind, path, tr)));
    const parsed = checked.data;
    const channels = this.deps.alerts().channels;
    if (channels.some((c) => c.id === id && c.id !== replaces))
      throw new Refusal('refusals.channelTaken', { id }, `a channel named "${id}" already exists`);
    const index = channels.findIndex((c) => c.id === (replaces ?? id));
    const next =
      index < 0 ? [...channels, parsed] : channels.map((c, i) => (i === index ? parsed : c));
    if (replaces !== undefined && replaces !== id) this.moveSecrets(replaces, id, kind);
    keepSecrets({ ...input, id, kind }, this.secrets);
    this.deps.saveAlerts({ ...this.deps.alerts(), channels: next });
    // Saved again: it is given another chance.
    this.states.forget(replaces === undefined ? [id] : [id, replaces], this.ids());
    await this.reload();
    this.deps.changed?.();
    return this.list();
  }

  /** Removes a channel and forgets its secrets. */
  async remove(id: string): Promise<ChannelInfo[]> {
    const alerts = this.deps.alerts();
    this.deps.saveAlerts({ ...alerts, channels: alerts.channels.filter((c) => c.id !== id) });
    this.secrets.remove(id);
    this.states.forget([id], this.ids());
    await this.reload();
    this.deps.changed?.();
    return this.list();
  }

  /** Sends one test message through a saved channel; its result, and it counts as a delivery. */
  async test(id: string): Promise<TestResult> {
    const stored = this.deps.alerts().channels.find((c) => c.id === id);
    if (!stored) throw new Refusal('refusals.channelGone', { id }, `no channel "${id}"`);
    const channel = this.channelOf(stored);
    if (!channel) return { ok: false, reason: SECRET_MISSING };
    try {
      const outcome = await channel.send(
        testMessage(id, this.now(), this.deps.host, this.deps.translator()),
      );
      if (outcome.kind === 'accepted') {
        const wasBroken = this.states.get(id).broken !== null;
        this.setState(id, { lastDelivery: this.now(), broken: null });
        // A broken channel that takes a test is fixed: alerts go through it again.
        if (wasBroken) await this.reload();
        return { ok: true };
      }
      return { ok: false, reason: outcome.reason };
    } finally {
      await channel.close();
    }
  }

  /** A new random ntfy topic on a server, and the link the ntfy app opens (the QR code). */
  newTopic(server: string): { readonly url: string; readonly link: string } {
    const url = `${server.replace(/\/+$/, '')}/${randomTopic(this.random(16))}`;
    return { url, link: ntfySubscribeLink(url) };
  }

  /** A Telegram pairing code: the person sends `/start <code>` to the bot. */
  pairingCode(): string {
    return pairingCode(this.random(12));
  }

  /**
   * The chat that sent `/start <code>` to the bot; null when none did yet. The token is the one
   * typed in the form, or the one kept for the channel being edited.
   */
  async pairedChat(
    code: string,
    token: { readonly value: string } | { readonly channel: string },
    apiUrl = 'https://api.telegram.org',
  ): Promise<string | null> {
    const secret = 'value' in token ? token.value : this.secrets.get(token.channel, 'token');
    if (secret === null || secret === '') return null;
    return findPairedChat(this.deps.http, apiUrl, secret, code);
  }

  async close(): Promise<void> {
    await this.reloading;
    await this.dispatcher?.close();
    this.dispatcher = null;
  }

  private channelOf(stored: StoredChannelConfig): AlertChannel | null {
    const full = channelSchema.safeParse(withSecrets(stored as StoredChannel, this.secrets));
    if (!full.success) return null;
    try {
      return makeChannel(full.data, { http: this.deps.http, env: {}, now: this.now });
    } catch {
      return null;
    }
  }

  private moveSecrets(from: string, to: string, kind: ChannelKind): void {
    const old = withSecrets({ id: from, kind }, this.secrets);
    keepSecrets({ ...old, id: to, kind }, this.secrets);
    this.secrets.remove(from);
  }

  private setState(id: string, patch: Partial<ChannelState>): void {
    this.states.set(id, patch, this.ids());
  }

  /** The ids of the channels in the settings (only their states are kept). */
  private ids(): string[] {
    return this.deps.alerts().channels.map((c) => c.id);
  }

  private observe(report: AlertReport): void {
    switch (report.kind) {
      case 'delivered':
        this.setState(report.channel, { lastDelivery: report.at, broken: null, skipped: [] });
        break;
      case 'broken':
        this.setState(report.channel, { broken: report.reason });
        break;
      case 'skipped':
        this.setState(report.channel, { skipped: report.services });
        break;
      default:
        return;
    }
    this.deps.changed?.();
  }
}
