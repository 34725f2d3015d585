// The README's main job until the Rust portal simulator lands: serves the release build on
// one origin and a minimal parent portal on another, and prints the URLs to open.
import { startAppHost, startMiniPortal } from './servers.mjs';

const appPort = Number(process.env.APP_PORT || 8001);
const portalPort = Number(process.env.PORTAL_PORT || 8000);
const app = await startAppHost(undefined, appPort);
const portal = await startMiniPortal(app.origin, portalPort);
console.log(`widget host:   ${app.origin}/handler/  (GET and POST)`);
console.log(`demo portal:   ${portal.origin}/?placement=USER_PROFILE_TOOLBAR&user=42`);
console.log(`               ${portal.origin}/?placement=USER_PROFILE_MENU&user=1`);
console.log('Open a portal URL in a browser. Ctrl+C stops.');
