'use client';
// Text beside terminals with a draggable, keyboard-operable splitter (≥ 1000px). The split is remembered in
// localStorage. Below 1000px the text and the terminals are two panes, one shown at a time, switched by two
// buttons in a bar that also holds the step list (so it is there in both panes); the terminals' pane takes the
// visual viewport's height, so it shrinks, and the terminal refits, when the on-screen keyboard opens.
import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Pane, type Panes, PanesContext } from './panes';
import styles from './split-pane.module.css';

const STORAGE_KEY = 'gaiola.split';
/** Percent of the width the text takes. Either side below a quarter is no longer readable. */
const DEFAULT_SPLIT = 46;
const MIN_SPLIT = 25;
const MAX_SPLIT = 75;
const KEY_STEP = 2;
const KEY_STEP_LARGE = 10;
/** Where the two panes replace the side-by-side split: the CSS's breakpoint. */
const NARROW_QUERY = '(max-width: 999px)';

/** Labels of the narrow screen's pane switch. */
export interface PaneLabels {
  readonly label: string;
  readonly text: string;
  readonly terminal: string;
}

/**
 * The narrow screen's pane, with the text's scroll position kept while the terminals are shown (the text is
 * out of the page then, and the window forgets it).
 */
function usePaneSwitch(): Panes {
  const [shown, setShown] = useState<Pane>('text');
  const current = useRef<Pane>('text');
  const textScroll = useRef<number | null>(null);
  const show = useCallback((pane: Pane) => {
    if (current.current === pane) return;
    const narrow = window.matchMedia(NARROW_QUERY).matches;
    if (narrow && pane === 'terminal') textScroll.current = window.scrollY;
    current.current = pane;
    setShown(pane);
  }, []);
  useLayoutEffect(() => {
    if (shown !== 'text' || textScroll.current === null) return;
    window.scrollTo(0, textScroll.current);
    textScroll.current = null;
  }, [shown]);
  return useMemo(() => ({ shown, show }), [shown, show]);
}

/** The visual viewport's height (what the on-screen keyboard leaves, at any pinch zoom) as `--viewport-h`. */
function useViewportHeight(target: { current: HTMLElement | null }): void {
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const follow = () => target.current?.style.setProperty('--viewport-h', `${viewport.height * viewport.scale}px`);
    follow();
    viewport.addEventListener('resize', follow);
    return () => viewport.removeEventListener('resize', follow);
  }, [target]);
}

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
  paneLabels,
  steps,
}: {
  text: ReactNode;
  terminal: ReactNode;
  separatorLabel: string;
  textLabel: string;
  terminalLabel: string;
  paneLabels: PaneLabels;
  /** The step list, in the pane switch's bar. */
  steps?: ReactNode;
}) {
  const [split, setSplit] = useState(DEFAULT_SPLIT);
  const [dragging, setDragging] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const panes = usePaneSwitch();
  useViewportHeight(container);

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
    <PanesContext.Provider value={panes}>
      <div
        ref={container}
        className={`${styles.split} ${dragging ? styles.dragging : ''}`}
        style={{ '--split': `${split}%` } as CSSProperties}
        data-pane={panes.shown}
      >
        <div className={styles.switch} data-testid="pane-switch">
          <fieldset className={styles.switchButtons}>
            <legend className="visually-hidden">{paneLabels.label}</legend>
            {(['text', 'terminal'] as const).map((pane) => (
              <button
                key={pane}
                type="button"
                className={styles.switchButton}
                aria-pressed={panes.shown === pane}
                data-testid={`pane-${pane}`}
                onClick={() => panes.show(pane)}
              >
                {paneLabels[pane]}
              </button>
            ))}
          </fieldset>
          {steps}
        </div>
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
    </PanesContext.Provider>
  );
}
