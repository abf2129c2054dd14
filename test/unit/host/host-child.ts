// `npm run host` as a child process for tests that must kill it (kill -9) or measure its memory:
// the real command line (cli-args.ts) and start-up (cli.ts), bundled by child-host.ts.
import { runCli } from '../../../main/host/cli';

void runCli(process.argv.slice(2));
