// Reading a file of a sandbox without following any path the student controls out of it: the launcher
// opens /proc/PID/root, drops to the sandbox's uid and resolves PATH with openat2(RESOLVE_IN_ROOT |
// RESOLVE_NO_MAGICLINKS), so symlinks, '..' and /proc magic links all stay inside (DESIGN.md "Checks").
import { spawn } from 'node:child_process';
import { defaultKernelConfig } from './config';
import { NO_ENVIRONMENT, targetArgs } from './launcher-run';
import type { Sandbox } from './sandbox';

/** Checks read small kernel and config files; 1 MiB is far above any of them. */
export const DEFAULT_READ_MAX_BYTES = 1024 * 1024;
/** The launcher reads one small file: 5 s means something is stuck (a hung filesystem). */
const READ_TIMEOUT_MS = 5_000;

export type SandboxFileErrorCode = 'ENOENT' | 'EACCES' | 'ELOOP' | 'ENOTREG' | 'EFBIG' | 'EIO';

export class SandboxFileError extends Error {
  constructor(
    readonly code: SandboxFileErrorCode,
    readonly path: string,
    detail: string,
  ) {
    super(`${code} reading ${path} in the sandbox: ${detail}`);
    this.name = 'SandboxFileError';
  }
}

/** Exit codes of `gaiola-sandbox read-file` (2 is also the sandbox's init gone, or a reused pid). */
function codeOf(exitCode: number | null, stderr: string): SandboxFileErrorCode {
  if (exitCode === 2) return 'ENOENT';
  if (exitCode === 3) return 'EACCES';
  if (exitCode === 4) return stderr.includes('not a regular file') ? 'ENOTREG' : 'EFBIG';
  if (stderr.includes('Too many levels of symbolic links')) return 'ELOOP';
  return 'EIO';
}

export function readSandboxFile(
  sb: Pick<Sandbox, 'initPid' | 'initStartTime' | 'uidBase'> & { launcherPath?: string },
  path: string,
  maxBytes: number = DEFAULT_READ_MAX_BYTES,
): Promise<Buffer> {
  if (path === '' || path.includes('\0')) return Promise.reject(new SandboxFileError('ENOENT', path, 'invalid path'));
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) return Promise.reject(new RangeError(`maxBytes ${maxBytes}`));
  const launcher = sb.launcherPath ?? defaultKernelConfig().launcherPath;
  const args = [
    'read-file',
    ...targetArgs(sb.initPid, sb.initStartTime),
    '--uid',
    String(sb.uidBase),
    '--gid',
    String(sb.uidBase),
    '--max-bytes',
    String(maxBytes),
    '--',
    path,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(launcher, args, { stdio: ['ignore', 'pipe', 'pipe'], env: NO_ENVIRONMENT });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), READ_TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-2048);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new SandboxFileError('EIO', path, `cannot start ${launcher}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && size <= maxBytes) resolve(Buffer.concat(chunks));
      else if (signal) reject(new SandboxFileError('EIO', path, `launcher killed by ${signal}`));
      else reject(new SandboxFileError(codeOf(code, stderr), path, stderr.trim() || `launcher exit code ${code}`));
    });
  });
}
