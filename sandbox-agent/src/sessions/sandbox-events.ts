// The registry's events fanned out to whoever listens (the store, the lesson engine, the Kernel panel, tests).
// Made before the registry and passed to it at construction, so the composition needs no late-bound engine:
// the engine, built after the registry it uses, subscribes here instead of being handed to the registry.
import type { RegistryEvents } from './registry';
import type { ShellActivity } from './shell-session';

type Created = (sandboxId: string, studentId: string) => void;
type Destroyed = (sandboxId: string, reason: string, studentId: string) => void;
type Activity = (studentId: string) => ShellActivity;

export class SandboxEvents implements RegistryEvents {
  private readonly created: Created[] = [];
  private readonly destroyed: Destroyed[] = [];
  private readonly activity: Activity[] = [];
  private readonly warm: (() => void)[] = [];

  onCreated(fn: Created): void {
    this.created.push(fn);
  }

  onDestroyed(fn: Destroyed): void {
    this.destroyed.push(fn);
  }

  /** Each new shell's prompts and quiet-after-input reach `fn`'s hooks for its student. */
  onShellActivity(fn: Activity): void {
    this.activity.push(fn);
  }

  /** The warm pool's ready or starting count changed (the instructor's live view listens). */
  onWarmChanged(fn: () => void): void {
    this.warm.push(fn);
  }

  warmChanged(): void {
    for (const fn of this.warm) fn();
  }

  sandboxCreated(sandboxId: string, studentId: string): void {
    for (const fn of this.created) fn(sandboxId, studentId);
  }

  sandboxDestroyed(sandboxId: string, reason: string, studentId: string): void {
    for (const fn of this.destroyed) fn(sandboxId, reason, studentId);
  }

  /** Undefined with no listener: such a shell then keeps no quiet-after-input timer at all. */
  shellActivity(studentId: string): ShellActivity | undefined {
    if (this.activity.length === 0) return undefined;
    const hooks = this.activity.map((fn) => fn(studentId));
    return {
      prompt: () => {
        for (const h of hooks) h.prompt();
      },
      quietAfterInput: () => {
        for (const h of hooks) h.quietAfterInput();
      },
    };
  }
}
