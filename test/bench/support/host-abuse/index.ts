// The host-abuse harness: the real host as a child process, each attack of issue 9 as a function,
// and the well-behaved participant whose join we time. Used by test/unit/host/*abuse*.test.ts and
// test/bench/host-abuse*.bench.ts.
export { bundleHostCli } from './bundle-host';
export { startChildHost, withRssSampling, type ChildHost, type ChildHostOptions } from './child-host';
export { rawUpgrade, frameHeader, clientFrame, streamFrame, type RawUpgrade } from './raw-upgrade';
export { deepPublish, deepJsonAttack, type DeepJsonResult } from './deep-json';
export { bigFramesAttack, type BigFramesResult } from './big-frames';
export { handshakeFlood, type HandshakeFlood } from './handshake-flood';
export { ticketFlood, type TicketFloodResult } from './ticket-flood';
export { wrongProofsAttack, type WrongProofsResult } from './wrong-proofs';
export { timedJoin, type JoinTiming } from './well-behaved';
export { ATTACKS, CODE, runScenario, type Attack, type AttackContext, type ScenarioResult } from './scenarios';
export { bundleScenarioRunner, loopbackNamespace, runScenarioIsolated, type IsolatedResult } from './isolated';
