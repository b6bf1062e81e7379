// The systemd service `npm run class -- --install` writes (scripts/install-service.ts): the class started at
// boot and started again if it ever fails. A pure function of its inputs, so its text is unit-tested here on a
// host without systemd (service-unit.test.ts).

export const SERVICE_NAME = 'gaiola-class.service';
export const UNIT_PATH = `/etc/systemd/system/${SERVICE_NAME}`;

export interface UnitOptions {
  /** The repository's absolute path. */
  root: string;
  /** bash's absolute path (ExecStart takes no PATH lookup on older systemd). */
  bash: string;
  /** Environment of the service: PATH (where node and npm are) and the instructor's GAIOLA_* settings. */
  env: Readonly<Record<string, string>>;
}

/**
 * The variables the service keeps from the environment `--install` ran in: PATH, so the service finds the same
 * node and npm, and every GAIOLA_* setting the instructor gave (ports, address, caps), except the repository's
 * own path, which the scripts work out themselves.
 */
export function serviceEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined) continue;
    if (name === 'PATH' || (/^GAIOLA_[A-Z0-9_]+$/.test(name) && name !== 'GAIOLA_ROOT')) kept[name] = value;
  }
  return kept;
}

/**
 * One word of a unit file, quoted for systemd: in double quotes with `\` and `"` escaped, `%` doubled (unit
 * specifiers) and, for ExecStart, `$` doubled (variable expansion). A newline cannot be written at all.
 */
export function quote(word: string, exec: boolean): string {
  if (/[\n\r]/.test(word)) throw new Error(`a newline cannot go into a systemd unit: ${JSON.stringify(word)}`);
  let s = word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%');
  if (exec) s = s.replace(/\$/g, '$$$$');
  return `"${s}"`;
}

/**
 * A path for a setting that takes the rest of its line as one path, unquoted (WorkingDirectory=: quotes there
 * would be part of the path, and systemd refuses a path that does not start with `/`): `%` doubled.
 */
export function rawPath(path: string): string {
  if (/[\n\r]/.test(path)) throw new Error(`a newline cannot go into a systemd unit: ${JSON.stringify(path)}`);
  if (!path.startsWith('/')) throw new Error(`not an absolute path: ${path}`);
  return path.replace(/%/g, '%%');
}

export function renderUnit(opts: UnitOptions): string {
  const env = Object.entries(opts.env).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an environment variable name: ${name}`);
    return `Environment=${quote(`${name}=${value}`, false)}`;
  });
  return [
    `# Written by \`npm run class -- --install\` (gaiola). To remove it:`,
    `#   systemctl disable --now ${SERVICE_NAME} && rm ${UNIT_PATH} && systemctl daemon-reload`,
    '[Unit]',
    'Description=gaiola class: the course site and the sandbox agent',
    // A URI: what would split or expand it is percent-encoded, then `%` doubled for systemd's specifiers.
    `Documentation=file://${rawPath(encodeURI(`${opts.root}/README.md`))}`,
    // Class mode listens on the LAN address of the default route: wait until the network has one.
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    // Root: the agent creates namespaces, mounts and cgroups. User= also gives npm a HOME.
    'User=root',
    `WorkingDirectory=${rawPath(opts.root)}`,
    ...env,
    // The service's cgroup is delegated (below): run_agent must not move the agent into a scope of its own.
    'Environment="GAIOLA_DELEGATED=1"',
    `ExecStart=${quote(opts.bash, true)} ${quote(`${opts.root}/scripts/class.sh`, true)}`,
    // The supervisor inside restarts a dead agent itself; this restarts the whole class if the supervisor fails.
    'Restart=on-failure',
    'RestartSec=5',
    // The agent makes the sandboxes' cgroups below its own: systemd leaves a delegated subtree to it.
    'Delegate=yes',
    // SIGTERM to the supervisor alone, which stops the agent, which frees every sandbox; whatever is left after
    // the timeout is killed.
    'KillMode=mixed',
    'TimeoutStopSec=90',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
