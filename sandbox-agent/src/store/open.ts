// Which store an agent opens: PostgreSQL when GAIOLA_DATABASE_URL names one (many agents, one database),
// otherwise the SQLite file in the data directory (one VM, as always).
import { SqliteStore } from './sqlite-store';
import type { Store, StoreChange } from './store';

export interface OpenStoreOptions {
  dataDir: string;
  /** `postgres://…` or `postgresql://…`; absent or empty: SQLite. */
  databaseUrl?: string;
  agentId?: string;
  onChange?: (change: StoreChange) => void;
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const { databaseUrl, dataDir, ...rest } = opts;
  if (databaseUrl) {
    // Loaded only here: an agent on one VM never loads node-postgres.
    const { PgStore } = await import('./pg-store');
    return PgStore.open(databaseUrl, rest);
  }
  return SqliteStore.open(dataDir, rest);
}
