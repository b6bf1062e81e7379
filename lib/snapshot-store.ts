// State kept outside React for useSyncExternalStore: an immutable snapshot replaced on each update, and
// the subscribers told after. The lesson store and the Kernel panel's store are both one.

export class SnapshotStore<State extends object> {
  protected state: State;
  private readonly listeners = new Set<() => void>();

  /** `initial`: the first snapshot, and what the server render and the first client render see. */
  constructor(private readonly initial: State) {
    this.state = initial;
  }

  // --- for React (useSyncExternalStore) -----------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): State => this.state;

  readonly getServerSnapshot = (): State => this.initial;

  /** A new snapshot with `patch` over the current one; every subscriber is told. */
  protected update(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
