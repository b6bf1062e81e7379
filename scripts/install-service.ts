// `npm run class -- --install` (scripts/class.sh): writes the class's systemd service (service-unit.ts), enables
// it and starts it, so the class comes up at boot and after a failure. Refuses on a host whose init is not
// systemd (sd_booted's test: /run/systemd/system exists), saying what to do instead.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderUnit, SERVICE_NAME, serviceEnvironment, UNIT_PATH } from './service-unit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function die(message: string): never {
  process.stderr.write(`\x1b[1;31m[gaiola] error:\x1b[0m ${message}\n`);
  process.exit(1);
}

if (!existsSync('/run/systemd/system')) {
  die(
    '--install writes a systemd service, but this host does not run systemd as its init (/run/systemd/system is ' +
      'missing). Start the class with `npm run class` (in tmux or screen to outlive the session), or from your ' +
      "init's own service manager.",
  );
}
const bash = execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
const unit = renderUnit({ root, bash, env: serviceEnvironment(process.env) });
// Written whole, then renamed: systemd never reads half a unit.
writeFileSync(`${UNIT_PATH}.tmp`, unit, { mode: 0o644 });
renameSync(`${UNIT_PATH}.tmp`, UNIT_PATH);
execFileSync('systemctl', ['daemon-reload'], { stdio: 'inherit' });
execFileSync('systemctl', ['enable', '--now', SERVICE_NAME], { stdio: 'inherit' });
process.stdout.write(
  `\x1b[1m[gaiola]\x1b[0m ${SERVICE_NAME} is installed and started (${UNIT_PATH}). Its output, with the class ` +
    `code and links: journalctl -u ${SERVICE_NAME}. To remove it: systemctl disable --now ${SERVICE_NAME} && ` +
    `rm ${UNIT_PATH} && systemctl daemon-reload\n`,
);
