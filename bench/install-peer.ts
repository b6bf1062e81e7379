// Installs the keystroke-echo peer (wetty, bench/measure-peer.ts) into bench/.peer now, while the npm registry
// is reachable: `npm run test:vm -- --bench` runs this on the host before it copies the checkout into the
// guest, which has no network. A no-op when it is there.
import { installWetty, WETTY_VERSION } from './measure-peer';

try {
  installWetty();
  console.log(`bench/.peer: wetty ${WETTY_VERSION} installed`);
} catch (err) {
  console.error(`bench/.peer: wetty ${WETTY_VERSION} could not be installed: ${(err as Error).message}`);
  process.exit(1);
}
