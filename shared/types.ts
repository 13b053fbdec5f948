// Plain data types shared by the engine, the command line and (later) the window.
// Times are epoch milliseconds; nothing here imports Node, Electron or React.

/** Every kind of probe a service definition may name. */
export type DirectProbeKind = 'http' | 'dns' | 'tcp' | 'tls';
export type OfficialProbeKind =
  | 'statuspage'
  | 'incidentio'
  | 'instatus'
  | 'google-workspace'
  | 'slack'
  | 'feed'
  | 'metastatus'
  | 'm365';

/** Whom an official source speaks for: this service itself, or a neighbouring product of its provider. */
export type OfficialScope = 'service' | 'related';
export type ProbeKind = DirectProbeKind | OfficialProbeKind;

/** Failure codes a probe reports (docs/reference.md#probe-codes). */
export type ProbeCode =
  | 'DNS_SERVFAIL'
  | 'DNS_NXDOMAIN'
  | 'DNS_TIMEOUT'
  | 'TIMEOUT'
  | 'CONN_REFUSED'
  | 'CONN_RESET'
  | 'TLS_ERROR'
  | 'CERT_EXPIRING'
  | 'HTTP_STATUS'
  | 'SLOW'
  | 'TOO_LARGE'
  | 'BAD_PAYLOAD';

/** What one probe concluded: direct probes use up/degraded/down; official ones may say more. */
export type ProbeState = 'up' | 'degraded' | 'down' | 'maintenance' | 'unknown';

/** What an official source reports, once parsed and mapped (docs/design.md#verdict). */
export type OfficialState = 'operational' | 'degraded' | 'major' | 'maintenance';

/** One message published by a provider (an incident title and its latest update). */
export interface OfficialMessage {
  readonly title: string;
  readonly body?: string;
  readonly url?: string;
  readonly updatedAt?: number;
}

/** The parsed answer of an official source. */
export interface OfficialReport {
  readonly state: OfficialState;
  readonly description: string;
  readonly messages: readonly OfficialMessage[];
  /** The product the source reports on, in the provider's words ("WhatsApp Business Platform"). */
  readonly subject?: string;
}

/** One probe result at one time (a "sample": docs/design.md#words). */
export interface ProbeResult {
  readonly kind: ProbeKind;
  readonly target: string;
  readonly state: ProbeState;
  readonly code: ProbeCode | null;
  readonly latencyMs: number;
  readonly bytes: number;
  readonly detail: string;
  /** Set on official probes that answered with something we could read. */
  readonly official?: OfficialReport;
  /** Official probes: whom the source speaks for (`service` when absent). */
  readonly scope?: OfficialScope;
  /** True when this result was served from the source cache (heavy sources, 304). */
  readonly cached?: boolean;
  /** How many attempts were made (a failed probe is retried once). */
  readonly attempts: number;
}

export type VerdictState = 'up' | 'degraded' | 'down' | 'maintenance' | 'unknown';
export type Cause = 'provider' | 'network' | 'regional' | 'local' | 'unconfirmed' | null;

/** How many probes of one group of other networks ran the check, and how many reached the service. */
export interface OpinionGroup {
  readonly asked: number;
  readonly reachable: number;
}

/** What the second opinion concluded (docs/design.md#verdict). */
export type OpinionOutcome =
  /** unreachable from most networks everywhere */
  | 'everywhere'
  /** unreachable in the user's country, reachable elsewhere */
  | 'country'
  /** reachable from other networks in the user's country */
  | 'network'
  /** too few answers to tell */
  | 'inconclusive'
  /** not obtained: rate-limited, no answer in time, unreachable */
  | 'failed';

/** The same check run from other networks (Globalping), when a service is unreachable from here. */
export interface SecondOpinion {
  /** Probes in the user's country (`code` null when the country is not known). */
  readonly country: OpinionGroup & { readonly code: string | null };
  /** Probes elsewhere in the world (outside the user's country). */
  readonly world: OpinionGroup;
  readonly checkedAt: number;
  readonly outcome: OpinionOutcome;
  /** The check that was run: `http` (the service's web address) or `dns` (its name). */
  readonly check: 'http' | 'dns';
  readonly target: string;
  /** Why it failed, when `outcome` is `failed` ("rate-limited", "no answer in time"). */
  readonly failure?: string;
  /** Bytes the measurement used on the network. */
  readonly bytes: number;
}

/** Why a public measurement platform gave nothing usable (the verdict stands without it). */
export type ContextFailure =
  | 'rate-limited'
  | 'no answer in time'
  | 'unreachable'
  | 'unreadable'
  | 'platform error'
  | 'hourly limit reached';

/** What route collectors see of one prefix (RIPE RIS looking-glass). */
export interface PrefixRoutes {
  readonly prefix: string;
  /** Collectors that answered about this address space at all. */
  readonly collectors: number;
  /** Collectors with at least one peer holding a route for exactly this prefix. */
  readonly seeing: number;
}

/** The routes to a provider's own name servers, as public route collectors see them. */
export interface RoutesContext {
  readonly checkedAt: number;
  readonly prefixes: readonly PrefixRoutes[];
  /** True when every prefix was answered and none is announced by any collector's peer. */
  readonly withdrawn: boolean;
  readonly failure?: ContextFailure;
  readonly bytes: number;
}

/** One network's OONI tests of a service in the user's country. */
export interface OoniNetwork {
  /** The network's number (AS number). */
  readonly asn: number;
  readonly ok: number;
  readonly anomaly: number;
  readonly confirmed: number;
}

/** What OONI's volunteers measured of a service in the user's country (failures left out). */
export interface OoniContext {
  readonly checkedAt: number;
  readonly country: string;
  /** The OONI test asked ("whatsapp", "web_connectivity"). */
  readonly test: string;
  readonly domains?: readonly string[];
  /** The window asked, as the dates sent (`until` exclusive). */
  readonly since: string;
  readonly until: string;
  readonly networks: readonly OoniNetwork[];
  readonly failure?: ContextFailure;
  /** The platform's own words when it answered an error. */
  readonly message?: string;
  readonly bytes: number;
}

/** A country-wide internet outage IODA detects now. */
export interface IodaOutage {
  readonly since: number;
  /** Which of IODA's signals saw it ("bgp", "ping-slash24", "merit-nt"). */
  readonly datasource: string;
  readonly score: number;
}

/** What IODA reports of the user's country's internet right now. */
export interface IodaContext {
  readonly checkedAt: number;
  readonly country: string;
  /** The strongest event overlapping now; null when none. */
  readonly outage: IodaOutage | null;
  readonly failure?: ContextFailure;
  readonly message?: string;
  readonly bytes: number;
}

/** What public measurement platforms see, asked on doubt; each part null when not asked. */
export interface PublicContext {
  readonly routes: RoutesContext | null;
  readonly ooni: OoniContext | null;
  readonly ioda: IodaContext | null;
}

/** A service's state after evaluation, with the evidence that led to it. */
export interface Verdict {
  readonly state: VerdictState;
  readonly cause: Cause;
  readonly summary: string;
  readonly probes: readonly ProbeResult[];
  /** The second opinion from other networks; null (or absent) when none was asked. */
  readonly secondOpinion?: SecondOpinion | null;
  /** What public measurement platforms see (routes, OONI, IODA); null (or absent) when not asked. */
  readonly context?: PublicContext | null;
}

export type ConnectivityState = 'online' | 'offline' | 'captive' | 'dns-broken';

/** The user's own connectivity, checked before any service. */
export interface Connectivity {
  readonly state: ConnectivityState;
  readonly detail: string;
  readonly references: readonly ProbeResult[];
  /** When it was checked (continuous mode checks it on its own clock). */
  readonly checkedAt?: number;
}

export type OverallState = 'ok' | 'degraded' | 'outage' | 'offline' | 'paused';

/** One service in a snapshot. */
export interface ServiceStatus extends Verdict {
  readonly id: string;
  readonly name: string;
  readonly critical: boolean;
  /** Who runs it ("Meta"), when the definition says. */
  readonly provider?: string;
  /** Its category (messaging, social, ...): which checklist it follows by default. */
  readonly category?: string;
  /** The provider's human status page, when the definition names one. */
  readonly statusPageUrl?: string;
  readonly checkedAt: number;
  /** Continuous mode: a failure seen but not yet confirmed by `failureThreshold` cycles. */
  readonly pending?: VerdictState;
  /** When the current state began (continuous mode). */
  readonly since?: number;
}

/** What the engine knows after a cycle. */
export interface Snapshot {
  readonly checkedAt: number;
  readonly overall: OverallState;
  readonly connectivity: Connectivity;
  readonly services: readonly ServiceStatus[];
  /** Bytes this cycle used on the network (requests and responses). */
  readonly bytes: number;
  readonly pausedUntil?: number | null;
}

/** A confirmed change of one service's verdict. */
export interface VerdictChange {
  readonly serviceId: string;
  readonly name: string;
  readonly at: number;
  readonly previous: ServiceStatus | null;
  readonly current: ServiceStatus;
}
