// `npm run db:import -- <path/to/gaiola.db> [--url postgres://…] [--skip-existing]` (issue 22): copies a class's
// SQLite file (a VM's data dir holds it as gaiola.db) into the PostgreSQL database many agents share, in one
// transaction (sandbox-agent/src/store/db-import.ts does the work and says what is copied). The URL defaults to
// GAIOLA_DATABASE_URL, which keeps its password out of `ps` and the shell's history. The file is only read; one at
// an older schema is refused until an agent has been started on it once. The path and the URL go to the library
// as arguments, never through a shell.
import { parseArgs } from 'node:util';
import { describeCounts, importSqliteFile } from '../sandbox-agent/src/store/db-import';

const USAGE = 'usage: npm run db:import -- <path/to/gaiola.db> [--url postgres://…] [--skip-existing]';

function die(message: string, code = 1): never {
  process.stderr.write(`[gaiola] db:import: ${message}\n`);
  process.exit(code);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'skip-existing': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    die(`${(err as Error).message}\n${USAGE}`, 2);
  }
}
const { values, positionals } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [file, ...extra] = positionals;
if (file === undefined || extra.length > 0) die(USAGE, 2);
const url = values.url ?? process.env.GAIOLA_DATABASE_URL ?? '';
if (!/^postgres(ql)?:\/\//.test(url))
  die(
    `give the database as --url postgres://… or GAIOLA_DATABASE_URL (a postgres:// or postgresql:// URL)\n${USAGE}`,
    2,
  );

try {
  const { copied, existing } = await importSqliteFile(file, url, { skipExisting: values['skip-existing'] });
  console.log(`[gaiola] db:import: copied ${describeCounts(copied)} from ${file}`);
  if (Object.values(existing).some((n) => n > 0))
    console.log(`[gaiola] db:import: left as they were, already in the database: ${describeCounts(existing)}`);
} catch (err) {
  die((err as Error).message);
}
