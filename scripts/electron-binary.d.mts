// Types for electron-binary.mjs (so TypeScript tests can import it).
export function findElectronBinary(root: string, env?: Record<string, string | undefined>): string | null;
export const NO_ELECTRON_MESSAGE: string;
