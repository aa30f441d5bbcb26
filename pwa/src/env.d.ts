/** Set by vite.config.ts `define`: the app's package version and when this bundle was built. */
declare const __APP_VERSION__: string;
declare const __APP_BUILT_AT__: string;
