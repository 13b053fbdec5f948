// The page's own work from a Chromium trace: time on the renderer's main thread spent scripting,
// on style and layout, and painting, as DevTools' summary splits it (each event's self time goes to
// its category, or to its nearest categorised parent's).

/** A trace event as Chromium writes it (only the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export type WorkKind = 'scripting' | 'layout' | 'paint';

/** Milliseconds of main-thread work by kind. */
export type PageWork = Readonly<Record<WorkKind, number>>;

const KIND_OF: Readonly<Record<string, WorkKind>> = {
  EvaluateScript: 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'v8.evaluateModule': 'scripting',
  'v8.produceModuleCache': 'scripting',
  'v8.run': 'scripting',
  FunctionCall: 'scripting',
  TimerFire: 'scripting',
  EventDispatch: 'scripting',
  FireAnimationFrame: 'scripting',
  FireIdleCallback: 'scripting',
  RunMicrotasks: 'scripting',
  MajorGC: 'scripting',
  MinorGC: 'scripting',
  V8ScriptCompiler: 'scripting',
  'V8.GCScavenger': 'scripting',
  'V8.GCFinalizeMC': 'scripting',
  Layout: 'layout',
  UpdateLayoutTree: 'layout',
  RecalculateStyles: 'layout',
  ScheduleStyleRecalculation: 'layout',
  InvalidateLayout: 'layout',
  HitTest: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Layerize: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  'Decode Image': 'paint',
};

/** Sums the self time of every categorised event on the renderers' main threads. */
export function pageWork(traceJson: string): PageWork {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const work: Record<WorkKind, number> = { scripting: 0, layout: 0, paint: 0 };
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(e);
    byThread.set(thread, list);
  }
  for (const list of byThread.values()) {
    // Parents before children: by start, then longest first.
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; kind: WorkKind | null; self: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
        const done = stack.pop();
        if (done?.kind) work[done.kind] += done.self;
      }
    };
    for (const e of list) {
      const dur = e.dur ?? 0;
      close(e.ts);
      const parent = stack.at(-1);
      if (parent) parent.self -= dur;
      stack.push({ end: e.ts + dur, kind: KIND_OF[e.name] ?? parent?.kind ?? null, self: dur });
    }
    close(Infinity);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return { scripting: ms(work.scripting), layout: ms(work.layout), paint: ms(work.paint) };
}
