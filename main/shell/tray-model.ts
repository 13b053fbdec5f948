// What the tray shows for a snapshot, computed as plain data (a pure model); the Electron adapter
// applies it and skips what did not change.
import { forSystem, type Translator } from '../../shared/i18n';
import type { HistoryProblemCode } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { story, type StoryIcon } from '../../shared/story';
import type { Snapshot } from '../../shared/types';

export { worstService } from '../../shared/severity';

/** The icon for each overall state, and "checking" before the first check (build/icons/tray-<key>). */
export type IconKey = StoryIcon;

/** What a menu item does when clicked. */
export type TrayAction =
  | { readonly type: 'checkNow' }
  | { readonly type: 'open'; readonly serviceId?: string }
  | { readonly type: 'openRun'; readonly runId: string }
  | { readonly type: 'pause'; readonly until: number }
  | { readonly type: 'resume' }
  | { readonly type: 'launchAtLogin'; readonly enabled: boolean }
  | { readonly type: 'installUpdate' }
  | { readonly type: 'quit' };

/** One menu item, as data. */
export interface TrayMenuItem {
  readonly label?: string;
  readonly enabled?: boolean;
  readonly checked?: boolean;
  readonly separator?: boolean;
  readonly action?: TrayAction;
  readonly submenu?: readonly TrayMenuItem[];
}

export interface TrayModel {
  readonly icon: IconKey;
  readonly tooltip: string;
  readonly menu: readonly TrayMenuItem[];
}

export interface TrayContext {
  readonly settings: Settings;
  readonly tr: Translator;
  readonly now: number;
  /** A check is running (the "Check now" item shows progress). */
  readonly checking: boolean;
  /** The checklist run under way, if any: the menu offers it first. */
  readonly activeRun?: { readonly id: string; readonly services: readonly string[] } | null;
  /** Why history is not being saved, if it is not: said in the menu and the tooltip. */
  readonly historyProblem?: HistoryProblemCode | null;
  /** A new version downloaded and verified, waiting for a restart. */
  readonly updateReady?: string | null;
  /** Alert channels that are broken, each with why (`alerts.reason*` keys): one line each. */
  readonly brokenChannels?: readonly {
    readonly channel: string;
    readonly reason: {
      readonly key: string;
      readonly values?: Readonly<Record<string, string | number>>;
    };
  }[];
}

/** When "until tomorrow" ends: tomorrow at 08:00, local time. */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}

/** Computes the icon, the tooltip and the menu. */
export function trayModel(snapshot: Snapshot, ctx: TrayContext): TrayModel {
  const { t } = ctx.tr;
  const paused = snapshot.overall === 'paused';
  const told = story(snapshot, ctx.tr, ctx.now);
  const headline = told.headline;
  const critical = snapshot.services
    .filter((s) => s.critical)
    .map((s): TrayMenuItem => ({
      label: t('menu.serviceLine', { service: s.name, state: t(`state.${s.state}`) }),
      action: { type: 'open', serviceId: s.id },
    }));
  const hour = 60 * 60 * 1000;
  const run = ctx.activeRun;
  const menu: TrayMenuItem[] = [
    { label: headline, enabled: false },
    ...(ctx.historyProblem
      ? [{ label: `⚠ ${t(`historyNotSaved.${ctx.historyProblem}`)}`, enabled: false }]
      : []),
    ...(ctx.brokenChannels ?? []).map((b): TrayMenuItem => ({
      label: `⚠ ${t('alerts.trayBroken', { channel: b.channel, reason: t(b.reason.key, b.reason.values) })}`,
      action: { type: 'open' },
    })),
    ...critical,
    { separator: true },
    ...(run
      ? [
          {
            label: t('menu.openChecklist', { services: ctx.tr.list(run.services) }),
            action: { type: 'openRun', runId: run.id } as const,
          },
        ]
      : []),
    ctx.checking
      ? { label: t('menu.checking'), enabled: false }
      : { label: t('menu.checkNow'), action: { type: 'checkNow' } },
    { label: t('menu.open'), action: { type: 'open' } },
    paused
      ? { label: t('menu.resume'), action: { type: 'resume' } }
      : {
          label: t('menu.pause'),
          submenu: [
            { label: t('menu.pauseHour'), action: { type: 'pause', until: ctx.now + hour } },
            {
              label: t('menu.pauseTomorrow'),
              action: { type: 'pause', until: tomorrowMorning(ctx.now) },
            },
          ],
        },
    { separator: true },
    ...(ctx.updateReady
      ? [
          {
            label: t('menu.restartToUpdate', { version: ctx.updateReady }),
            action: { type: 'installUpdate' } as const,
          },
        ]
      : []),
    {
      label: t('menu.launchAtLogin'),
      checked: ctx.settings.launchAtLogin,
      action: { type: 'launchAtLogin', enabled: !ctx.settings.launchAtLogin },
    },
    { label: t('menu.quit'), action: { type: 'quit' } },
  ];
  const storyLine = t('tooltip.story', { sentence: told.sentence });
  const tooltip = ctx.historyProblem
    ? t('tooltip.withProblem', { story: storyLine, problem: t('tooltip.historyNotSaved') })
    : storyLine;
  const system = (text: string) => forSystem(text, ctx.tr.language);
  return {
    icon: told.icon,
    tooltip: system(tooltip),
    menu: menu.map((item) => systemItem(item, system)),
  };
}

/** A menu item (and its submenu) with its label set for the system's layout. */
function systemItem(item: TrayMenuItem, system: (text: string) => string): TrayMenuItem {
  return {
    ...item,
    ...(item.label === undefined ? {} : { label: system(item.label) }),
    ...(item.submenu ? { submenu: item.submenu.map((i) => systemItem(i, system)) } : {}),
  };
}

/** What the tray shows before the first check. */
export function emptySnapshot(): Snapshot {
  return {
    checkedAt: 0,
    overall: 'ok',
    connectivity: { state: 'online', detail: '', references: [] },
    services: [],
    bytes: 0,
  };
}

/**
 * Windows keeps 127 characters of a tray tooltip (NOTIFYICONDATA's szTip holds 128 with its
 * terminating null) and cuts the rest wherever it falls: a longer one is cut at a word, with "…".
 */
export const WINDOWS_TOOLTIP_MAX = 127;

export function fitTooltip(text: string, max = WINDOWS_TOOLTIP_MAX): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:—-]+$/u, '')}…`;
}
