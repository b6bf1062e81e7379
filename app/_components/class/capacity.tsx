// How full the VM is: sandboxes in use of the most it will run, students refused for lack of room,
// memory and CPU. Meters, so the numbers also reach a screen reader as "how much of how much". Below them,
// the sandboxes kept warm for the students who arrive, and how many to keep (warm-pool.tsx).
import type { InstructorState } from '@protocol';
import { formatBytes, percent } from '@/lib/class/format';
import { format } from '@/lib/template';
import styles from './class.module.css';
import type { InstructorMessages } from './types';
import { WarmPool } from './warm-pool';

/** Above these shares a meter turns to warning colours: time to close the class or add memory. */
const HIGH_SHARE = 0.75;
const FULL_SHARE = 0.9;

export function Capacity({
  capacity,
  messages,
  lang,
  busy,
  onWarmTarget,
}: {
  capacity: InstructorState['capacity'];
  messages: InstructorMessages;
  lang: string;
  busy: boolean;
  /** Keep this many sandboxes warm; resolves true once the agent took it. */
  onWarmTarget(target: number): Promise<boolean>;
}) {
  const c = capacity;
  return (
    <section className={styles.capacity} aria-labelledby="capacity-heading" data-testid="class-capacity">
      <h2 id="capacity-heading" className={styles.sectionHeading}>
        {messages.capacityHeading}
      </h2>
      <div
        className={styles.meterRow}
        data-testid="capacity-sandboxes"
        data-value={c.sandboxes}
        data-max={c.maxSandboxes}
      >
        <span>{format(messages.sandboxes, { used: c.sandboxes, max: c.maxSandboxes })}</span>
        <UsageMeter used={c.sandboxes} max={c.maxSandboxes} />
      </div>
      <div className={styles.meterRow}>
        <span>
          {format(messages.memory, {
            used: formatBytes(c.memUsedBytes, lang),
            total: formatBytes(c.memTotalBytes, lang),
            percent: percent(c.memUsedBytes, c.memTotalBytes),
          })}
        </span>
        <UsageMeter used={c.memUsedBytes} max={c.memTotalBytes} />
      </div>
      <div className={styles.meterRow}>
        <span>{format(messages.cpu, { percent: Math.round(c.cpuPercent) })}</span>
        <UsageMeter used={c.cpuPercent} max={100} />
      </div>
      <p
        className={c.refused > 0 ? styles.warning : styles.muted}
        data-testid="capacity-refused"
        data-value={c.refused}
      >
        {format(messages.refused, { n: c.refused })}
      </p>
      <WarmPool capacity={c} messages={messages} busy={busy} onSet={onWarmTarget} />
    </section>
  );
}

/** How much of `max` is used, turning to warning colours above HIGH_SHARE and FULL_SHARE of it. */
function UsageMeter({ used, max }: { used: number; max: number }) {
  return <meter min={0} max={max} value={used} low={max * HIGH_SHARE} high={max * FULL_SHARE} optimum={0} />;
}
