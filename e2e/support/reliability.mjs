// Records for RELIABILITY.md: each hardening suite writes what it checked, whether it passed and
// the run it belongs to (RELIABILITY_RUN, set by scripts/test.sh) into
// target/reliability/<name>.json; scripts/reliability.py refuses records of any other run.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './portal.mjs';

export function record(name, counts, ok) {
  if (typeof ok !== 'boolean') throw new Error(`record(${name}): say whether it passed`);
  const dir = path.join(root, 'target', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  const run = process.env.RELIABILITY_RUN ?? null;
  fs.writeFileSync(path.join(dir, `${name}.json`),
    JSON.stringify({ ...counts, run, ok, at: new Date().toISOString() }, null, 2));
}
