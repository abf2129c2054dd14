// A host that comes back: a participant edits while the LAN host is down (its laptop restarted, the
// Wi-Fi dropped); from the moment the host listens again until the facilitator's screen shows the
// participant's offline note — the returning host noticed by both browsers, their edits merged
// through it. Relay only (WebRTC off), so the note can only travel through the returning host.
// Target: < 1 s. Five trials; before each, the host stays down 2 s so the browsers' reconnect
// backoff has grown to its cap for a lost connection.
//
// Needs `npm run build` first.
import { addNote, createSession } from '../e2e/support/board';
import { joinAs, launchPeer, readJoinLink, startHost } from '../e2e/support/peers';
import { summarise, writeResults } from './support/results';

const TRIALS = Number(process.env.TL_BENCH_TRIALS ?? 5);

let host = await startHost();
const { port, dataDir } = host;
const facilitator = await launchPeer(host.url, 'Facilitator', { webrtc: false });
const participant = await launchPeer(host.url, 'Participant', { webrtc: false });
const samples: number[] = [];
try {
  await createSession(facilitator.page, 'Host return bench');
  await joinAs(participant, await readJoinLink(facilitator.page), { webrtc: false });
  await addNote(facilitator.page, 'Before the host went away');
  await participant.page.getByRole('article', { name: 'Before the host went away', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  for (let i = 0; i < TRIALS; i++) {
    await host.stop();
    await new Promise((r) => setTimeout(r, 2_000));
    await addNote(participant.page, `Written offline ${i + 1}`);
    host = await startHost({ port, dataDir });
    const back = performance.now();
    await facilitator.page.getByRole('article', { name: `Written offline ${i + 1}`, exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    samples.push(performance.now() - back);
  }
} finally {
  await facilitator.close();
  await participant.close();
  await host.stop();
}
const mergeMs = summarise(samples);
writeResults('host-return', { trials: TRIALS, downMs: 2_000, mergeAfterHostReturnsMs: mergeMs, targetMs: 1_000 });
console.log(`host back → offline edit on the other screen: median ${mergeMs.median.toFixed(0)} ms, p95 ${mergeMs.p95.toFixed(0)} ms, max ${mergeMs.max.toFixed(0)} ms (target < 1000 ms)`);
