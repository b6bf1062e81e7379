'use client';
// Text beside terminals with a draggable, keyboard-operable splitter (≥ 1000px; below that the CSS
// stacks the two and hides the splitter). The split is remembered in localStorage.
import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import styles from './split-pane.module.css';

const STORAGE_KEY = 'gaiola.split';
/** Percent of the width the text takes. Either side below a quarter is no longer readable. */
const DEFAULT_SPLIT = 46;
const MIN_SPLIT = 25;
const MAX_SPLIT = 75;
const KEY_STEP = 2;
const KEY_STEP_LARGE = 10;

function clampSplit(value: number): number {
  return Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, Math.round(value * 10) / 10));
}

function save(value: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(value));
  } catch {
    // Not remembered; still works.
  }
}

export function SplitPane({
  text,
  terminal,
  separatorLabel,
  textLabel,
  terminalLabel,
}: {
  text: ReactNode;
  terminal: ReactNode;
  separatorLabel: string;
  textLabel: string;
  terminalLabel: string;
}) {
  const [split, setSplit] = useState(DEFAULT_SPLIT);
  const [dragging, setDragging] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(STORAGE_KEY);
    } catch {
      stored = null;
    }
    const value = stored === null ? Number.NaN : Number.parseFloat(stored);
    if (Number.isFinite(value)) setSplit(clampSplit(value));
  }, []);

  const fromPointer = useCallback((clientX: number) => {
    const box = container.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    return clampSplit(((clientX - box.left) / box.width) * 100);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    const value = fromPointer(event.clientX);
    if (value !== null) setSplit(value);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    setDragging(false);
    event.currentTarget.releasePointerCapture(event.pointerId);
    const value = fromPointer(event.clientX) ?? split;
    setSplit(value);
    save(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = split - step;
    else if (event.key === 'ArrowRight') next = split + step;
    else if (event.key === 'Home') next = MIN_SPLIT;
    else if (event.key === 'End') next = MAX_SPLIT;
    else if (event.key === 'Enter') next = DEFAULT_SPLIT;
    if (next === null) return;
    event.preventDefault();
    const value = clampSplit(next);
    setSplit(value);
    save(value);
  };

  return (
    <div
      ref={container}
      className={`${styles.split} ${dragging ? styles.dragging : ''}`}
      style={{ '--split': `${split}%` } as CSSProperties}
    >
      <section id="lesson-text" className={styles.text} aria-label={textLabel}>
        {text}
      </section>
      {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged; WAI-ARIA's window splitter is a focusable separator */}
      <div
        className={styles.separator}
        role="separator"
        aria-orientation="vertical"
        aria-label={separatorLabel}
        aria-valuenow={Math.round(split)}
        aria-valuemin={MIN_SPLIT}
        aria-valuemax={MAX_SPLIT}
        aria-controls="lesson-text"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <span className={styles.grip} aria-hidden="true" />
      </div>
      <section className={styles.terminal} aria-label={terminalLabel}>
        {terminal}
      </section>
    </div>
  );
}
