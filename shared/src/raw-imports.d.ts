// Vite (and so vitest) loads `?raw` imports as the file's text. Tests use it to read the
// SQL schema that the row schemas mirror, without Node's fs in a pure package.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}

// Vite's `import.meta.glob`, in the one form the tests use (every file's text, loaded eagerly).
interface ImportMeta {
  glob(
    pattern: string,
    options: { query: '?raw'; import: 'default'; eager: true },
  ): Record<string, string>;
}
