// Français.
import type { Messages } from './en';

export const fr: Messages & { duration: Record<string, string>; tooltip: Record<string, string> } =
  {
    overall: {
      ok: 'Tous les services fonctionnent',
      degraded: 'Certains services sont dégradés',
      outage: 'Panne',
      offline: 'Vous êtes hors ligne',
      paused: 'Vérifications en pause',
      checking: 'Vérification…',
    },
    state: {
      up: 'en service',
      degraded: 'dégradé',
      down: 'en panne',
      maintenance: 'en maintenance',
      unknown: 'inconnu',
    },
    tooltip: {
      ok: 'Vigie — tous les services fonctionnent',
      checking: 'Vigie — vérification…',
      offline: 'Vigie — vous êtes hors ligne : rien n’est jugé avant le retour de la connexion',
      paused: 'Vigie — vérifications en pause jusqu’à {{until}}',
      pausedIndefinitely: 'Vigie — vérifications en pause',
      provider: 'Vigie — {{service}} {{state}} pour tout le monde depuis {{since}}',
      network: 'Vigie — {{service}} injoignable depuis votre réseau depuis {{since}}',
      unconfirmed:
        'Vigie — {{service}} {{state}} depuis {{since}} (non confirmé par le fournisseur)',
      more_one: 'Vigie — {{service}} {{state}} depuis {{since}}, et {{count}} autre service',
      more_many: 'Vigie — {{service}} {{state}} depuis {{since}}, et {{count}} autres services',
      more_other: 'Vigie — {{service}} {{state}} depuis {{since}}, et {{count}} autres services',
    },
    menu: {
      serviceLine: '{{service}} : {{state}}',
      checkNow: 'Vérifier maintenant',
      checking: 'Vérification…',
      open: 'Ouvrir Vigie',
      pause: 'Mettre en pause',
      pauseHour: 'Pendant 1 heure',
      pauseTomorrow: 'Jusqu’à demain',
      resume: 'Reprendre les vérifications',
      launchAtLogin: 'Lancer à l’ouverture de session',
      quit: 'Quitter Vigie',
    },
    notify: {
      downProvider: '{{service}} est en panne pour tout le monde',
      downProviderBody: 'La page d’état de {{provider}} le confirme. {{summary}}',
      downNetwork: '{{service}} est injoignable depuis votre réseau',
      downNetworkBody:
        '{{provider}} indique que tout va bien : le problème est entre vous et {{service}} (votre opérateur, votre réseau, un blocage). {{summary}}',
      downUnconfirmed: '{{service}} semble en panne',
      downUnconfirmedBody: 'Vigie ne le joint pas ; le fournisseur n’a rien confirmé. {{summary}}',
      degraded: '{{service}} est dégradé',
      degradedBody: '{{summary}}',
      recovered: '{{service}} fonctionne à nouveau',
      recoveredBody: 'Il a été {{state}} pendant {{duration}}.',
      offline: 'Vous êtes hors ligne',
      offlineBody: 'Rien n’est jugé avant le retour de la connexion.',
      group: '{{count}} services ont changé',
      groupBody: '{{list}}',
      theProvider: 'le fournisseur',
    },
    duration: {
      minutes_one: '{{count}} minute',
      minutes_many: '{{count}} minutes',
      minutes_other: '{{count}} minutes',
      hours_one: '{{count}} heure',
      hours_many: '{{count}} heures',
      hours_other: '{{count}} heures',
      hoursMinutes: '{{hours}} et {{minutes}}',
    },
    settings: {
      reset:
        'Votre fichier de réglages était illisible : Vigie a repris ses réglages par défaut. L’ancien fichier est conservé sous {{backup}}.',
    },
    page: {
      title: 'Vigie',
      lastCheck: 'Dernière vérification : {{time}}',
      connectivity: 'Connexion : {{detail}}',
      empty: 'La première vérification est en cours…',
    },
  };
