// Errors of kernel operations carry the errno code, the operation and the path (CONVENTIONS §11):
// "EACCES writing /sys/fs/cgroup/pids/gaiola/ID/pids.max", never "failed".

/** A failed system operation on a path; `code` is the errno name (EACCES, ENOENT, EBUSY...). */
export class KernelOpError extends Error {
  readonly code: string;
  readonly op: string;
  readonly path: string;

  constructor(op: string, path: string, cause: unknown) {
    const code = errnoCode(cause) ?? 'EUNKNOWN';
    super(`${code} ${op} ${path}`, { cause });
    this.name = 'KernelOpError';
    this.code = code;
    this.op = op;
    this.path = path;
  }
}

/** The errno name of a Node.js system error, if it is one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** Runs `fn`, rethrowing a system error as a KernelOpError with the operation and path. */
export async function withContext<T>(op: string, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof KernelOpError ? err : new KernelOpError(op, path, err);
  }
}
