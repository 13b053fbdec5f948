// The minimal page until the window issue: the current snapshot in words, live, in the user's
// language (Arabic right to left). It talks to main only through window.vigie.
import { createTranslator, languageFrom, isRtl, type Language } from '../shared/i18n';
import { localSummary } from '../shared/i18n/evidence';
import type { VigieApi } from '../shared/ipc';
import type { Settings } from '../shared/settings-schema';
import type { Snapshot } from '../shared/types';

declare global {
  interface Window {
    vigie: VigieApi;
  }
}

const MARKS = { up: '✓', degraded: '!', down: '✗', maintenance: '~', unknown: '?' } as const;

function languageOf(settings: Settings | null): Language {
  const chosen = settings?.language ?? 'system';
  return chosen === 'system' ? languageFrom(navigator.language) : chosen;
}

function render(root: HTMLElement, snapshot: Snapshot, language: Language): void {
  const tr = createTranslator(language);
  document.documentElement.lang = language;
  document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
  const title = document.createElement('h1');
  title.textContent = tr.t(`overall.${snapshot.checkedAt === 0 ? 'checking' : snapshot.overall}`);
  const meta = document.createElement('p');
  if (snapshot.checkedAt === 0) {
    meta.textContent = tr.t('page.empty');
  } else {
    const detail = document.createElement('bdi');
    detail.textContent = snapshot.connectivity.detail;
    meta.append(
      `${tr.t('page.lastCheck', { time: tr.time(snapshot.checkedAt, Date.now()) })} — ${tr.t('page.connectivity', { detail: '' })}`,
      detail,
    );
  }
  const list = document.createElement('ul');
  for (const service of snapshot.services) {
    const item = document.createElement('li');
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = `${MARKS[service.state]} ${tr.t('menu.serviceLine', { service: service.name, state: tr.t(`state.${service.state}`) })}`;
    item.append(state);
    if (service.state !== 'up') {
      // Host names and the provider's own words stay as they are: isolated, they read well in Arabic.
      const summary = document.createElement('bdi');
      summary.textContent = localSummary(service.probes, tr, service.cause);
      item.append(' — ', summary);
    }
    list.append(item);
  }
  root.replaceChildren(title, meta, list);
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const settingsReply = await window.vigie.settings();
  let language = languageOf(settingsReply.ok ? settingsReply.value : null);
  let last: Snapshot | null = null;
  const reply = await window.vigie.snapshot();
  if (reply.ok) {
    last = reply.value;
    render(root, last, language);
  }
  window.vigie.onEvent((event) => {
    if (event.type === 'snapshot') last = event.snapshot;
    if (event.type === 'settings') language = languageOf(event.settings);
    if (last) render(root, last, language);
  });
}

void main();
