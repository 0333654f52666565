// DuckDB peer for bench/timeoff/run.sh: the balance-as-of query over the
// generated ledger CSV, in memory. usage: node duckdb_balance.mjs LEDGER.csv DATE
// Prints {"load_s": .., "query_s": .., "checksum": ..} on stdout.
import { DuckDBInstance } from '@duckdb/node-api';

const [ledger, asOf] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const t0 = performance.now();
await con.run(`CREATE TABLE ledger AS SELECT * FROM read_csv(${quote(ledger)}, header = true,
  columns = {'employee': 'BIGINT', 'bank': 'VARCHAR', 'date': 'DATE', 'minutes': 'BIGINT'})`);
const t1 = performance.now();
let best = Infinity;
let checksum = 0n;
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  const reader = await con.runAndReadAll(`SELECT sum(m)::BIGINT AS c FROM (SELECT employee, bank,
    sum(minutes) AS m FROM ledger WHERE date <= DATE ${quote(asOf)} GROUP BY employee, bank) AS b`);
  checksum = reader.getRows()[0][0];
  best = Math.min(best, (performance.now() - s) / 1000);
}
console.log(JSON.stringify({ load_s: (t1 - t0) / 1000, query_s: best, checksum: String(checksum) }));
