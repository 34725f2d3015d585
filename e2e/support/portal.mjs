// Starts the Rust portal simulator (target/debug/portal) on free ports and returns its
// two origins: the portal (parent page, REST) and the app host (the widget's dist/).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function startPortal({ dist = path.join(root, 'dist'), users = 300, args = [] } = {}) {
  const binary = process.env.PORTAL_BIN || path.join(root, 'target/debug/portal');
  const child = spawn(binary, ['--portal-port', '0', '--app-port', '0', '--dist', dist, '--users', String(users), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('portal did not start: ' + output)), 15000);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const app = output.match(/widget host:\s+(http:\/\/[^/\s]+)/);
      const portal = output.match(/demo portal:\s+(http:\/\/[^/\s]+)/);
      if (app && portal) {
        clearTimeout(timer);
        resolve({ app: app[1], portal: portal[1], stop: () => child.kill() });
      }
    });
  });
}

/** POSTs JSON to the simulator's control API. */
export async function control(portal, route, body) {
  const response = await fetch(portal + route, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  return response.json();
}
