// Hooks over window.vigie: the live snapshot and settings, and a service's daily cells.
import { messageOf } from '../../shared/errors';
import { useEffect, useState } from 'react';
import type { DayState } from '../../shared/history-types';
import type { HistoryProblemCode } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import type { Snapshot } from '../../shared/types';
import { unwrap, vigie } from '../client';

/** The current snapshot and settings, kept live by main's events. */
export function useLiveState(): {
  snapshot: Snapshot | null;
  settings: Settings | null;
  error: string | null;
  /** Why history is not being saved now, if it is not. */
  historyProblem: HistoryProblemCode | null;
  /** Applies settings main answered with (a save), without waiting for its event. */
  applySettings: (settings: Settings) => void;
} {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyProblem, setHistoryProblem] = useState<HistoryProblemCode | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(vigie().info()).then(
      (info) => live && setHistoryProblem(info.historyProblem),
      () => undefined,
    );
    Promise.all([unwrap(vigie().snapshot()), unwrap(vigie().settings())]).then(
      ([s, st]) => {
        if (!live) return;
        setSnapshot(s);
        setSettings(st);
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    const stop = vigie().onEvent((event) => {
      if (event.type === 'snapshot') setSnapshot(event.snapshot);
      if (event.type === 'settings') setSettings(event.settings);
      if (event.type === 'history') setHistoryProblem(event.problem);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { snapshot, settings, error, historyProblem, applySettings: setSettings };
}

/** The daily states of many services in one request, refreshed when `version` changes (a new check). */
export function useDaysMany(
  serviceIds: readonly string[],
  days: number,
  version: number,
): Record<string, DayState[]> {
  const [cells, setCells] = useState<Record<string, DayState[]>>({});
  const key = serviceIds.join(',');
  useEffect(() => {
    let live = true;
    unwrap(vigie().daysMany(key === '' ? [] : key.split(','), days)).then(
      (value) => live && setCells(value),
      () => live && setCells({}),
    );
    return () => {
      live = false;
    };
  }, [key, days, version]);
  return cells;
}
