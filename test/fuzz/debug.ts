// Prints what checkCase finds for one document: `node out/fuzz/debug.js LANGUAGE JSON_STRING`.
import { checkCase } from './check';
import type { LanguageId } from '../../server/src/core/rules';
void (async () => {
  const [language, json] = process.argv.slice(2);
  console.log(JSON.stringify(await checkCase(language as LanguageId, JSON.parse(json)), null, 1));
})();
