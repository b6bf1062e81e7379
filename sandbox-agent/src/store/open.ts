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
  const { databaseUrl, ...rest } = opts;
  if (databaseUrl) {
    throw new Error('the PostgreSQL store is not written yet');
  }
  return SqliteStore.open(opts.dataDir, rest);
}
