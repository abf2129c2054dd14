/** Injected at build time (esbuild `define`, vite `define`) from package.json. */
declare const __APP_VERSION__: string;
