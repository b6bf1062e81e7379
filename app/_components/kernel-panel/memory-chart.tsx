// One cgroup's memory over the last minute, as plain SVG: usage against the limit line, a cross for each
// OOM kill and a ring for each refused fork (shapes, not only colours, tell them apart). Screen readers get
// the summary as the image's name; the table view lists the same events with their times.
import type { PanelCgroup } from '@protocol';
import { format } from '@/lib/template';
import { CHART, type ChartEvent, chartModel } from './chart';
import { formatBytes, formatClock } from './format';
import styles from './kernel-panel.module.css';
import type { CgroupHistory, PanelMessages } from './types';

/** Half the size of an event's mark, in SVG units. */
const MARK = 4;
/** The row above the plot where the event marks sit, clear of the usage line. */
const MARK_ROW = CHART.top - 9;

export function chartLabel(cgroup: PanelCgroup, history: CgroupHistory, messages: PanelMessages, locale: string) {
  const m = messages.cgroups.chart;
  const entry = history[cgroup.path];
  const usage = formatBytes(cgroup.memory?.usage ?? entry?.samples.at(-1)?.usage ?? 0, locale);
  const oomEvents = (entry?.events ?? []).filter((e) => e.kind === 'oom').reduce((sum, e) => sum + e.count, 0);
  const oom = cgroup.memory?.oomKills ?? oomEvents;
  const limit = cgroup.memory ? cgroup.memory.limit : (entry?.samples.at(-1)?.limit ?? null);
  return limit === null
    ? format(m.labelNoLimit, { path: cgroup.path, usage, oom })
    : format(m.label, { path: cgroup.path, usage, limit: formatBytes(limit, locale), oom });
}

/** Whether a group gets a chart: it has a limit to be measured against, or a past to draw. */
export function hasChart(cgroup: PanelCgroup, history: CgroupHistory): boolean {
  const entry = history[cgroup.path];
  return (
    (cgroup.memory !== undefined && cgroup.memory.limit !== null) ||
    (entry !== undefined && (entry.samples.length > 0 || entry.events.length > 0))
  );
}

export function MemoryChart({
  cgroup,
  history,
  now,
  messages,
  locale,
}: {
  cgroup: PanelCgroup;
  history: CgroupHistory;
  /** The view's time: the chart's right edge when the history has nothing newer. */
  now: number;
  messages: PanelMessages;
  locale: string;
}) {
  const m = messages.cgroups.chart;
  const entry = history[cgroup.path];
  const current = cgroup.memory ? { usage: cgroup.memory.usage, limit: cgroup.memory.limit } : null;
  const model = chartModel(entry?.samples ?? [], entry?.events ?? [], current, now);
  const { plot } = model;
  const limit = current?.limit ?? null;
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-label={chartLabel(cgroup, history, messages, locale)}
        data-testid="memory-chart"
        data-path={cgroup.path}
        data-limit={limit ?? undefined}
        data-usage={current?.usage}
      >
        <text x={4} y={12} className={styles.axisTitle}>
          {m.memory}
        </text>
        <text x={(plot.x0 + plot.x1) / 2} y={CHART.height - 4} textAnchor="middle" className={styles.axisTitle}>
          {m.time}
        </text>
        {model.yTicks.map((tick) => (
          <g key={tick.bytes}>
            <line x1={plot.x0} x2={plot.x1} y1={tick.y} y2={tick.y} className={styles.gridLine} />
            <text x={plot.x0 - 4} y={tick.y} dy="0.35em" textAnchor="end">
              {formatBytes(tick.bytes, locale)}
            </text>
          </g>
        ))}
        {model.xTicks.map((tick) => (
          <text
            key={tick.secondsAgo}
            x={tick.x}
            y={plot.y1 + 13}
            textAnchor={tick.secondsAgo === 60 ? 'start' : tick.secondsAgo === 0 ? 'end' : 'middle'}
          >
            {tick.secondsAgo === 0 ? m.now : format(m.secondsAgo, { n: tick.secondsAgo })}
          </text>
        ))}
        <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} className={styles.axis} />
        <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} className={styles.axis} />
        {model.limitPath ? <path d={model.limitPath} className={styles.limitLine} data-testid="chart-limit" /> : null}
        {model.limitY !== null && limit !== null ? (
          <text x={plot.x1} y={model.limitY - 4} textAnchor="end" className={styles.limitText}>
            {format(m.limit, { limit: formatBytes(limit, locale) })}
          </text>
        ) : null}
        {model.usagePath ? <path d={model.usagePath} className={styles.usageLine} data-testid="chart-usage" /> : null}
        {model.last ? <circle cx={model.last.x} cy={model.last.y} r={2.5} className={styles.usageDot} /> : null}
        {model.events.map((e) => (
          <EventMark key={`${e.kind}-${e.t}`} event={e} y0={plot.y0} y1={plot.y1} messages={messages} locale={locale} />
        ))}
      </svg>
      <figcaption className={styles.chartLegend}>
        <span>
          <span className={styles.swatchUsage} aria-hidden="true" /> {m.usage}
        </span>
        <span>
          <span className={styles.swatchLimit} aria-hidden="true" /> {m.limitLegend}
        </span>
        <span>
          <span className={styles.swatchOom} aria-hidden="true">
            ✕
          </span>{' '}
          {m.oom}
        </span>
        <span>
          <span className={styles.swatchRefused} aria-hidden="true">
            ○
          </span>{' '}
          {m.refused}
        </span>
      </figcaption>
    </figure>
  );
}

function EventMark({
  event,
  y0,
  y1,
  messages,
  locale,
}: {
  event: ChartEvent;
  y0: number;
  y1: number;
  messages: PanelMessages;
  locale: string;
}) {
  const m = messages.cgroups.chart;
  const { x } = event;
  const y = MARK_ROW;
  const oom = event.kind === 'oom';
  const text = format(oom ? m.oomEvent : m.refusedEvent, { time: formatClock(event.t, locale), n: event.count });
  return (
    <g data-testid="chart-event" data-event={event.kind} data-count={event.count} data-t={event.t}>
      <title>{text}</title>
      <line x1={x} x2={x} y1={y0} y2={y1} className={oom ? styles.oomGuide : styles.refusedGuide} />
      {oom ? (
        <path
          d={`M${x - MARK} ${y - MARK} L${x + MARK} ${y + MARK} M${x + MARK} ${y - MARK} L${x - MARK} ${y + MARK}`}
          className={styles.oomMark}
        />
      ) : (
        <circle cx={x} cy={y} r={MARK - 0.5} className={styles.refusedMark} />
      )}
    </g>
  );
}
