// Response time over a period with uPlot: p50 (typical) and p95 (slow) per bucket. The canvas gets
// a text alternative (its summary), the legend is plain HTML whose colours the canvas borrows (so
// both themes apply), axis labels come from Intl in the chosen language, and time runs left to
// right in every language.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LatencyPoint } from '../../shared/history-types';
import { hourCycle, intlLocale } from '../../shared/i18n';
import { useTr } from '../i18n';

const HEIGHT = 220;

/** uPlot's own axis font, named so the y axis can measure its labels in it. */
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function LatencyChart({
  points,
  spanMs,
  summary,
  scheme,
}: {
  readonly points: readonly LatencyPoint[];
  /** The period shown, to pick the time labels (hours for a day, dates beyond). */
  readonly spanMs: number;
  readonly summary: string;
  /** Changes when the colours do (theme setting or system scheme), to redraw. */
  readonly scheme: string;
}) {
  const tr = useTr();
  const box = useRef<HTMLDivElement>(null);
  const p50Key = useRef<HTMLSpanElement>(null);
  const p95Key = useRef<HTMLSpanElement>(null);
  const axisKey = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const target = box.current;
    if (!target || points.length === 0) return;
    const colour = (el: HTMLElement | null) => (el ? getComputedStyle(el).color : 'gray');
    const axis = colour(axisKey.current);
    const grid = { stroke: 'rgba(128,128,128,0.25)', width: 1 };
    // Latin digits and a 24-hour clock in Arabic, as every other time of the window.
    const locale = intlLocale(tr.language);
    const hours = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      ...hourCycle(tr.language),
    });
    const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    // Over several days, a day is named once: the ticks after it within the same day show the hour
    // ("4 Oct, 12:00, 5 Oct"), never "4 Oct, 4 Oct, 4 Oct".
    const tickLabels = (splits: number[]) => {
      if (spanMs <= 86_400_000) return splits.map((s) => hours.format(s * 1000));
      let previous = '';
      return splits.map((s) => {
        const day = days.format(s * 1000);
        const label = day === previous ? hours.format(s * 1000) : day;
        previous = day;
        return label;
      });
    };
    const chart = new uPlot(
      {
        width: Math.max(target.clientWidth, 280),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true },
          y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] },
        },
        axes: [
          {
            stroke: axis,
            grid,
            ticks: grid,
            // Room for "26 نوفمبر" or "12:00 PM" between ticks.
            space: 80,
            values: (_u, splits) => tickLabels(splits),
          },
          {
            stroke: axis,
            grid,
            ticks: grid,
            // As wide as its longest label ("120 ms", "١٢٠ ملّي ثانية"), measured in the axis font.
            size: (u, values) => {
              if (!values || values.length === 0) return 64;
              u.ctx.font = AXIS_FONT;
              const widest = Math.max(...values.map((v) => u.ctx.measureText(v).width));
              return Math.ceil(widest) + 20;
            },
            font: AXIS_FONT,
            values: (_u, splits) => splits.map((s) => tr.t('window.latency', { ms: s })),
          },
        ],
        series: [
          {},
          { label: 'p50', stroke: colour(p50Key.current), width: 1.5, points: { show: false } },
          {
            label: 'p95',
            stroke: colour(p95Key.current),
            width: 1,
            dash: [4, 3],
            points: { show: false },
          },
        ],
      },
      [points.map((p) => p.t / 1000), points.map((p) => p.p50), points.map((p) => p.p95)],
      target,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(target.clientWidth, 280), height: HEIGHT }),
    );
    resize.observe(target);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [points, spanMs, tr.language, scheme]);

  return (
    <figure className="chart" dir="ltr">
      <div ref={box} className="chart-canvas" role="img" aria-label={summary} />
      <figcaption dir={tr.language === 'ar' ? 'rtl' : 'ltr'}>
        <span className="key key-p50" ref={p50Key}>
          ━
        </span>{' '}
        {tr.t('service.p50')}{' '}
        <span className="key key-p95" ref={p95Key}>
          ┅
        </span>{' '}
        {tr.t('service.p95')}
        <span className="key-axis" ref={axisKey} aria-hidden="true" />
        <span className="chart-summary">{summary}</span>
      </figcaption>
    </figure>
  );
}
