// @ts-check
import { importSourceVisitors } from '../eslint-import-sources.js';
import path from 'node:path';

/**
 * The server's domain folders (sync-server/src/<domain>/: sync, payments, backoffice, auth, db,
 * ops, reports, demo, http, trpc, config, cli): a file uses another domain only through that
 * domain's entry module `index.ts`, never its files. The composition root (src/*.ts: app, server,
 * main, deps) is held to the same. Relative specifiers are resolved against the importing file.
 * Import cycles are `import-x/no-cycle`'s (eslint.config.js).
 */

/** `{ domain, rest }` for a path inside sync-server/src (domain null at the root), or null. */
function place(file) {
  const marker = `${path.sep}sync-server${path.sep}src${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const parts = file.slice(at + marker.length).split(path.sep);
  if (parts.length === 1) return { domain: null, rest: parts[0] ?? '' };
  return { domain: parts[0] ?? '', rest: parts.slice(1).join('/') };
}

/** @type {import('eslint').Rule.RuleModule} */
const domains = {
  meta: {
    type: 'problem',
    docs: { description: 'Use another server domain only through its index.ts (sync-server/src).' },
    messages: {
      deepImport:
        '{{from}} may use the {{to}} domain only through {{to}}/index.ts, not {{target}} (export what you need from there).',
    },
    schema: [],
  },
  create(context) {
    const from = place(context.filename);
    if (!from) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), specifier);
      const to = place(resolved);
      if (!to || to.domain === null || to.domain === from.domain || to.rest === 'index.ts') return;
      context.report({
        node,
        messageId: 'deepImport',
        data: {
          from:
            from.domain === null ? 'The composition root (src/*.ts)' : `The ${from.domain} domain`,
          to: to.domain,
          target: path.relative(path.dirname(context.filename), resolved) || specifier,
        },
      });
    };
    return importSourceVisitors(check);
  },
};

/**
 * Tables with one writer, by the file (under sync-server/src) that holds it: an INSERT into them
 * written anywhere else skips the writer's shape (and, for the audit log, who is named).
 */
const TABLE_WRITERS = { audit_log: { file: 'db/audit.ts', writer: 'recordAudit' } };
const INSERT_INTO = /\bINSERT\s+INTO\s+([a-z_][a-z0-9_]*)/gi;

/** @type {import('eslint').Rule.RuleModule} */
const tableWriters = {
  meta: {
    type: 'problem',
    docs: { description: 'Insert into a table that has one writer only through that writer.' },
    messages: {
      otherWriter: 'Write {{table}} through {{writer}} ({{file}}), not with an INSERT of your own.',
    },
    schema: [],
  },
  create(context) {
    const from = place(context.filename);
    if (!from) return {};
    const here = from.domain === null ? from.rest : `${from.domain}/${from.rest}`;
    const check = (node, text) => {
      for (const [, table] of text.matchAll(INSERT_INTO)) {
        const owner = TABLE_WRITERS[table.toLowerCase()];
        if (!owner || owner.file === here) continue;
        context.report({ node, messageId: 'otherWriter', data: { table, ...owner } });
      }
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateElement(node) {
        check(node, node.value.cooked ?? node.value.raw);
      },
    };
  },
};

export const serverDomains = { rules: { domains, 'table-writers': tableWriters } };
