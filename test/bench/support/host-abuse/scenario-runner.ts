// Entry point bundled by isolated.ts and run inside a loopback-only network namespace:
//   node runner.mjs <host cli.mjs> <attack name> <options JSON>
// Runs one scenario (host child process + attack + participant, all inside the namespace) and
// prints its result as one JSON line on stdout.
import { ATTACKS, runScenario } from './scenarios';

const [cliPath, attackName, optionsJson] = process.argv.slice(2);
const attack = ATTACKS.find((a) => a.name === attackName);
if (!cliPath || !attack) {
  process.stderr.write(`usage: runner.mjs <cli.mjs> <${ATTACKS.map((a) => a.name).join('|')}> [options JSON]\n`);
  process.exit(2);
}
const result = await runScenario(cliPath, attack, JSON.parse(optionsJson ?? '{}') as Parameters<typeof runScenario>[2]);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
