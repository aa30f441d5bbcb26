// `node --import ./record-loaded-modules.mjs …`: appends the URL of every module the process
// loads to the file named by LOADED_MODULES_LOG, one a line (a test reads what was loaded).
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(process.env.LOADED_MODULES_LOG ?? '/dev/null')}, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
