/**
 * The time window: a histogram of evidence per month over two month-stepped slider handles.
 * Keys: arrows move one month, PageUp/PageDown a year, Home/End to the ends of the range.
 * The start handle's value text is the first day of its month, the end handle's the last.
 */
import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { useAtlasStore } from '../store/context';
import { selectHistogram } from '../store/selectors';
import { dayToIso, formatMonth, monthEndDay, monthStartDay } from '../model/dates';

const PLAY_INTERVAL_MS = 700;

function Thumb({
  label,
  value,
  min,
  max,
  valueText,
  position,
  onChange,
  trackRef,
  span,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  valueText: string;
  position: number;
  onChange: (value: number) => void;
  trackRef: RefObject<HTMLDivElement | null>;
  span: { start: number; end: number };
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -12,
      PageUp: 12,
    };
    let next: number | null = null;
    const step = steps[event.key];
    if (step !== undefined) next = value + step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    event.preventDefault();
    onChange(Math.max(min, Math.min(max, next)));
  };
  const monthAt = (clientX: number) => {
    const track = trackRef.current;
    if (!track) return value;
    const rect = track.getBoundingClientRect();
    const ratio = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    const months = span.end - span.start + 1;
    return span.start + Math.floor(Math.max(0, Math.min(0.9999, ratio)) * months);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    onChange(Math.max(min, Math.min(max, monthAt(event.clientX))));
  };
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={min - span.start}
      aria-valuemax={max - span.start}
      aria-valuenow={value - span.start}
      aria-valuetext={valueText}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      title={`${label}: ${valueText}`}
      className="absolute top-1/2 z-10 size-4 -translate-x-1/2 -translate-y-1/2 cursor-grab touch-none rounded-full border-2 border-white bg-sky-700 shadow ring-1 ring-sky-900/30 outline-none focus-visible:ring-4 focus-visible:ring-sky-400 active:cursor-grabbing"
      style={{ left: `${position * 100}%` }}
    />
  );
}

export function TimeBar() {
  const index = useAtlasStore((s) => s.index);
  const window = useAtlasStore((s) => s.window);
  const playing = useAtlasStore((s) => s.playing);
  const showUndated = useAtlasStore((s) => s.filters.showUndated);
  const histogram = useAtlasStore(selectHistogram);
  const setTimeRange = useAtlasStore((s) => s.setTimeRange);
  const showLastTwelveMonths = useAtlasStore((s) => s.showLastTwelveMonths);
  const setPlaying = useAtlasStore((s) => s.setPlaying);
  const stepPlayback = useAtlasStore((s) => s.stepPlayback);
  const setShowUndated = useAtlasStore((s) => s.setShowUndated);
  const trackRef = useRef<HTMLDivElement>(null);
  const undatedId = useId();

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(stepPlayback, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, stepPlayback]);

  const undatedCount = index ? index.relations.filter((r) => !r.dated).length : 0;
  const span = index?.span;
  if (!span) {
    return (
      <div className="flex items-center gap-3 border-t border-slate-200 bg-white px-4 py-2 text-sm text-slate-600">
        No dated evidence in this graph.
      </div>
    );
  }
  const months = span.endMonth - span.startMonth + 1;
  const start = window?.startMonth ?? span.startMonth;
  const end = window?.endMonth ?? span.endMonth;
  const pos = (month: number, edge: 'start' | 'end') =>
    (month - span.startMonth + (edge === 'end' ? 1 : 0)) / months;
  const counts = histogram?.counts ?? [];
  const peak = Math.max(1, ...counts);
  const isAllTime = window === null;
  const last12 =
    window !== null &&
    window.endMonth === span.endMonth &&
    window.startMonth === Math.max(span.startMonth, span.endMonth - 11);

  const presetClass = (active: boolean) =>
    `rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-sky-600 ${
      active
        ? 'bg-sky-700 text-white ring-sky-700'
        : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
    }`;

  return (
    <section aria-label="Time window" className="border-t border-slate-200 bg-white px-4 pt-2 pb-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={() => setPlaying(!playing)}
          aria-pressed={playing}
          className="inline-flex w-20 items-center justify-center gap-1 rounded-md bg-slate-800 px-2 py-1 text-xs font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className={presetClass(isAllTime)}
          onClick={() => {
            setPlaying(false);
            setTimeRange(null);
          }}
        >
          All time
        </button>
        <button
          type="button"
          className={presetClass(last12)}
          onClick={() => {
            setPlaying(false);
            showLastTwelveMonths();
          }}
        >
          Last 12 months
        </button>
        <p className="ml-2 text-sm font-medium text-slate-800 tabular-nums" aria-live="off">
          {formatMonth(start)} – {formatMonth(end)}
        </p>
        <div className="ml-auto flex items-center gap-2 text-sm text-slate-700">
          <input
            id={undatedId}
            type="checkbox"
            checked={showUndated}
            onChange={(e) => setShowUndated(e.target.checked)}
            className="size-4 accent-sky-700"
          />
          <label htmlFor={undatedId}>Undated relations ({undatedCount})</label>
        </div>
      </div>
      <div className="relative mx-2 mt-1">
        <svg
          role="img"
          aria-label={`Evidence per month from ${formatMonth(span.startMonth)} to ${formatMonth(span.endMonth)}`}
          viewBox={`0 0 ${months} 40`}
          preserveAspectRatio="none"
          className="block h-10 w-full"
        >
          {counts.map((count, i) => {
            const month = span.startMonth + i;
            const inside = month >= start && month <= end;
            const height = count > 0 ? Math.max(2, (count / peak) * 38) : 0;
            return (
              <rect
                key={month}
                x={i + 0.1}
                width={0.8}
                y={40 - height}
                height={height}
                className={inside ? 'fill-sky-600' : 'fill-slate-300'}
              >
                <title>{`${formatMonth(month)}: ${Math.round(count * 10) / 10} evidence`}</title>
              </rect>
            );
          })}
        </svg>
        <div ref={trackRef} className="relative h-5">
          <div className="absolute top-1/2 right-0 left-0 h-1 -translate-y-1/2 rounded bg-slate-200" />
          <div
            className="absolute top-1/2 h-1 -translate-y-1/2 rounded bg-sky-600"
            style={{
              left: `${pos(start, 'start') * 100}%`,
              right: `${(1 - pos(end, 'end')) * 100}%`,
            }}
          />
          <Thumb
            label="Start date"
            value={start}
            min={span.startMonth}
            max={end}
            valueText={dayToIso(monthStartDay(start))}
            position={pos(start, 'start')}
            onChange={(value) => setTimeRange({ startMonth: value, endMonth: end })}
            trackRef={trackRef}
            span={{ start: span.startMonth, end: span.endMonth }}
          />
          <Thumb
            label="End date"
            value={end}
            min={start}
            max={span.endMonth}
            valueText={dayToIso(monthEndDay(end))}
            position={pos(end, 'end')}
            onChange={(value) => setTimeRange({ startMonth: start, endMonth: value })}
            trackRef={trackRef}
            span={{ start: span.startMonth, end: span.endMonth }}
          />
        </div>
        <div className="flex justify-between text-[11px] text-slate-500 tabular-nums">
          <span>{formatMonth(span.startMonth)}</span>
          <span>{formatMonth(span.endMonth)}</span>
        </div>
      </div>
      <p id={`${undatedId}-help`} className="sr-only">
        Start and end sliders move by one month with the arrow keys and by a year with Page Up and
        Page Down. Evidence dated only to a year or a month counts for the whole year or month.
      </p>
    </section>
  );
}
