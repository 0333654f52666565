// DuckDB peer for bench/run.sh: loads the events CSV into an in-memory table,
// runs the crossings query and writes the CSV result.
// usage: node duckdb.mjs EVENTS.csv THRESHOLDS.csv QUERY.sql OUT.csv
// Prints {"load_s": .., "query_s": ..} on stdout.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [events, thresholds, queryFile, out] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const query = readFileSync(queryFile, 'utf8').trim().replace(/;$/, '');

// Spill files go beside the benchmark data (DuckDB's default is ./.tmp in the
// current folder, which would be the repository).
const instance = await DuckDBInstance.create(':memory:', {
  temp_directory: process.env.DUCKDB_TEMP_DIR ?? `${events}.duckdb-tmp`,
});
const con = await instance.connect();
const t0 = performance.now();
await con.run(`CREATE TABLE events AS SELECT * FROM read_csv(${quote(events)}, header = true,
  columns = {'employee_id': 'BIGINT', 'indicator': 'VARCHAR', 'date': 'DATE',
             'use_of_force_type': 'VARCHAR', 'firearm_discharge': 'VARCHAR',
             'preventable': 'VARCHAR'})`);
await con.run(`CREATE TABLE thresholds AS SELECT * FROM read_csv(${quote(thresholds)}, header = true,
  columns = {'indicator': 'VARCHAR', 'cnt': 'INTEGER', 'months': 'INTEGER'})`);
const t1 = performance.now();
await con.run(`COPY (${query}) TO ${quote(out)} (HEADER, DELIMITER ',')`);
const t2 = performance.now();
console.log(JSON.stringify({ load_s: (t1 - t0) / 1000, query_s: (t2 - t1) / 1000 }));
