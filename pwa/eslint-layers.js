// @ts-check
import { importSourceVisitors } from '../eslint-import-sources.js';
import path from 'node:path';

/**
 * The tablet app's folder boundaries (pwa/src), one-way:
 *   app (router, shell)  →  features/<area>  →  ui, lib, data, sync, session, api, pwa, i18n
 * - a feature imports another feature only through that feature's entry `index.ts`;
 * - the lower layers (ui, lib, data, sync, session, api, pwa, i18n) import no feature and not the shell;
 * - a feature does not import the shell (app/).
 * Relative specifiers are resolved against the importing file, so `../session/x.tsx` from a
 * feature is told apart from `../../session/x.tsx` (the session layer).
 */
const LOWER = new Set(['ui', 'lib', 'data', 'sync', 'session', 'api', 'pwa', 'i18n']);

/** `{ layer, feature, rest }` for a path inside pwa/src, or null outside it. */
function place(file) {
  const marker = `${path.sep}pwa${path.sep}src${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const parts = file.slice(at + marker.length).split(path.sep);
  const layer = parts[0] ?? '';
  if (layer === 'features') {
    return { layer, feature: parts[1] ?? '', rest: parts.slice(2).join('/') };
  }
  return { layer, feature: null, rest: parts.slice(1).join('/') };
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the PWA’s layers and features apart (pwa/src).' },
    messages: {
      lowerImportsFeature:
        '{{layer}}/ is below the features: it must not import {{target}} (move the shared part down to ui/ or lib/).',
      lowerImportsShell: '{{layer}}/ must not import the app shell ({{target}}).',
      featureImportsShell: 'A feature must not import the app shell ({{target}}).',
      featureInternals:
        'Feature “{{from}}” may use feature “{{to}}” only through features/{{to}}/index.ts, not {{target}}.',
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
      if (!to) return;
      const target = path.relative(path.dirname(context.filename), resolved) || specifier;
      if (LOWER.has(from.layer)) {
        if (to.layer === 'features') {
          context.report({
            node,
            messageId: 'lowerImportsFeature',
            data: { layer: from.layer, target },
          });
        } else if (to.layer === 'app') {
          context.report({
            node,
            messageId: 'lowerImportsShell',
            data: { layer: from.layer, target },
          });
        }
        return;
      }
      if (from.layer !== 'features') return;
      if (to.layer === 'app') {
        context.report({ node, messageId: 'featureImportsShell', data: { target } });
      } else if (to.layer === 'features' && to.feature !== from.feature && to.rest !== 'index.ts') {
        context.report({
          node,
          messageId: 'featureInternals',
          data: { from: from.feature ?? '', to: to.feature ?? '', target },
        });
      }
    };
    return importSourceVisitors(check);
  },
};

export const pwaLayers = { rules: { layers } };
