// Vite (and so vitest) loads `?raw` imports as the file's text. Tests use it to read the
// SQL schema that the row schemas mirror, without Node's fs in a pure package.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
