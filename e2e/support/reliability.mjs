// Counts for RELIABILITY.md: each hardening test records what it checked into
// target/reliability/<name>.json; scripts/reliability.py writes the file from them.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './portal.mjs';

export function record(name, counts) {
  const dir = path.join(root, 'target', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ ...counts, at: new Date().toISOString() }, null, 2));
}
