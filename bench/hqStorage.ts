// `bench hq`, part 3 — storage: each head-office table's size (heap, TOAST, indexes: pg_total_relation_size), per
// received run and per million runs, as PostgreSQL reports it after VACUUM ANALYZE.
import type pg from 'pg';
import { mib } from './hqStats';

const TABLES = ['received_records', 'record_checks', 'receipts', 'ingest_queue', 'register_heads'] as const;

export interface StorageSnapshot {
  runs: number;
  /** Bytes per table, all forks and indexes. */
  total: Record<string, number>;
}

export async function storageSnapshot(su: pg.ClientBase, heading: string): Promise<StorageSnapshot> {
  await su.query(`VACUUM ANALYZE ${TABLES.map((t) => `guardbook.${t}`).join(', ')}`);
  const runs = (await su.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.received_records')).rows[0]!.n;
  const { rows } = await su.query<{ name: string; heap: string; toast: string; indexes: string; total: string }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid) AS heap,
            coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) AS toast,
            pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) AS total
       FROM pg_class c WHERE c.relnamespace = 'guardbook'::regnamespace AND c.relname = ANY ($1)
      ORDER BY pg_total_relation_size(c.oid) DESC`,
    [TABLES],
  );
  console.log(`    ${heading} (${runs} runs):`);
  const total: Record<string, number> = {};
  let sum = 0;
  for (const row of rows) {
    total[row.name] = Number(row.total);
    sum += Number(row.total);
    console.log(
      `      ${row.name.padEnd(17)} ${mib(Number(row.total)).padStart(10)} (heap ${mib(Number(row.heap))}, ` +
        `TOAST ${mib(Number(row.toast))}, indexes ${mib(Number(row.indexes))})` +
        (runs > 0 ? `: ${Math.round(Number(row.total) / runs)} bytes per run` : ''),
    );
  }
  if (runs > 0) {
    console.log(
      `      all                ${mib(sum).padStart(10)}: ${Math.round(sum / runs)} bytes per run, ` +
        `${(((sum / runs) * 1e6) / 2 ** 30).toFixed(2)} GiB per million runs`,
    );
  }
  return { runs, total };
}

/** The journals as stored: their length, and what PostgreSQL keeps of them (compressed, in TOAST when large). */
export async function journalSizes(su: pg.ClientBase, where: string): Promise<void> {
  const { rows } = await su.query<{ n: number; bytes: string; stored: string }>(
    `SELECT count(*)::int AS n, avg(octet_length(journal))::bigint AS bytes, avg(pg_column_size(journal))::bigint AS stored
       FROM guardbook.received_records WHERE ${where}`,
  );
  const row = rows[0]!;
  console.log(
    `      journals of the ${row.n} real runs: ${row.bytes} bytes on average, ${row.stored} stored ` +
      `(${Math.round((Number(row.stored) / Number(row.bytes)) * 100)}%: PostgreSQL compresses a value over 2 KB)`,
  );
}

/**
 * What each bulk-loaded run added: its summary row, receipt, check and their indexes, and its journal of
 * `journalBytes` — the part every run costs whatever its journal, to which a real journal's stored size adds.
 */
export function perRunOf(before: StorageSnapshot, after: StorageSnapshot, journalBytes: number): void {
  const added = after.runs - before.runs;
  if (added <= 0) return;
  const grew = (name: string) => ((after.total[name] ?? 0) - (before.total[name] ?? 0)) / added;
  const names = Object.keys(after.total).filter((name) => grew(name) > 0);
  const sum = names.reduce((s, name) => s + grew(name), 0);
  console.log(
    `      each loaded run added ${Math.round(sum)} bytes (${names.map((n) => `${n} ${Math.round(grew(n))}`).join(', ')}); ` +
      `without its ${journalBytes}-byte journal ≈ ${Math.round(sum - journalBytes)} bytes: what a run costs besides its journal`,
  );
}
