// The AST visitors that hand a lint rule every module specifier a file names: static imports,
// re-exports and `import()`. Shared by the tablet's layer rule (pwa/eslint-layers.js) and the
// server's domain rule (sync-server/eslint-domains.js).
export function importSourceVisitors(check) {
  const source = (node) => {
    if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: source,
    ExportNamedDeclaration: source,
    ExportAllDeclaration: source,
    ImportExpression: source,
  };
}
