// English: the reference catalogue. Every key here must exist in fr.ts and ar.ts (a test checks).
export const en = {
  overall: {
    ok: 'All services are up',
    degraded: 'Some services are degraded',
    outage: 'Outage',
    offline: 'You are offline',
    paused: 'Checks paused',
    checking: 'Checking…',
  },
  state: {
    up: 'up',
    degraded: 'degraded',
    down: 'down',
    maintenance: 'in maintenance',
    unknown: 'unknown',
  },
  tooltip: {
    ok: 'Vigie — all services are up',
    checking: 'Vigie — checking…',
    offline: 'Vigie — you are offline: nothing is judged until the connection is back',
    paused: 'Vigie — checks paused until {{until}}',
    pausedIndefinitely: 'Vigie — checks paused',
    provider: 'Vigie — {{service}} {{state}} for everyone since {{since}}',
    network: 'Vigie — {{service}} unreachable from your network since {{since}}',
    unconfirmed: 'Vigie — {{service}} {{state}} since {{since}} (not confirmed by the provider)',
    more_one: 'Vigie — {{service}} {{state}} since {{since}}, and {{count}} other service',
    more_other: 'Vigie — {{service}} {{state}} since {{since}}, and {{count}} other services',
  },
  menu: {
    serviceLine: '{{service}}: {{state}}',
    checkNow: 'Check now',
    checking: 'Checking…',
    open: 'Open Vigie',
    pause: 'Pause checks',
    pauseHour: 'For 1 hour',
    pauseTomorrow: 'Until tomorrow',
    resume: 'Resume checks',
    launchAtLogin: 'Launch at login',
    quit: 'Quit Vigie',
  },
  notify: {
    downProvider: '{{service}} is down for everyone',
    downProviderBody: "{{provider}}'s status page confirms. {{summary}}",
    downNetwork: '{{service}} is unreachable from your network',
    downNetworkBody:
      '{{provider}} says all is well: the problem is between you and {{service}} (your provider, your network, a block). {{summary}}',
    downUnconfirmed: '{{service}} looks down',
    downUnconfirmedBody: 'Vigie cannot reach it; the provider has not confirmed. {{summary}}',
    degraded: '{{service}} is degraded',
    degradedBody: '{{summary}}',
    recovered: '{{service}} is back',
    recoveredBody: 'It was {{state}} for {{duration}}.',
    offline: 'You are offline',
    offlineBody: 'Nothing is judged until the connection is back.',
    group: '{{count}} services changed',
    groupBody: '{{list}}',
    theProvider: 'the provider',
  },
  duration: {
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    hoursMinutes: '{{hours}} and {{minutes}}',
  },
  settings: {
    reset:
      'Your settings file could not be read, so Vigie started with its defaults. The old file was kept as {{backup}}.',
  },
  page: {
    title: 'Vigie',
    lastCheck: 'Last check: {{time}}',
    connectivity: 'Connectivity: {{detail}}',
    empty: 'The first check is running…',
  },
} as const;

/** The shape every language must have: the same keys, any strings. */
export type Messages = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
