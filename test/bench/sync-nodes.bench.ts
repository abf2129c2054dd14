/**
 * Time until all of N simulated participants see a new note (relay, WebRTC, both) and reconvergence
 * after offline edits; the work is in support/sync-nodes-run.ts.
 *
 * Run it inside a loopback-only network namespace (WebRTC peers):
 *   unshare -n sh -c 'ip link set lo up && npm run bench -- sync-nodes'
 */
import { run } from './support/sync-nodes-run';

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
