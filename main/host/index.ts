// What the Electron main process and the tests use. Everything here is plain Node (no electron).
export { startHost, StaticDirError, DEFAULT_BIND_ADDRESS } from './start-host';
export type { RunningHost, StartHostOptions } from './start-host';
export { UpgradeRegistry } from './upgrade-registry';
export type { UpgradeRoute } from './upgrade-registry';
export { defaultDataDir, ensureDataDir, DataDirError } from './data-dir';
