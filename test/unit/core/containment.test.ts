// Every language contains each of its checks: a check that throws becomes one
// "<language>/internal-error" finding naming it, and the findings of the checks after it
// still come back. The throwing check is put first, so a missing containment would lose all.

import assert from 'node:assert/strict';
import test from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { CHECKS as K8S_CHECKS } from '../../../server/src/languages/k8s';
import { RESOLVCONF_CHECKS } from '../../../server/src/languages/resolvconf/rules';
import { checkZoneText, ZONE_CHECKS } from '../../../server/src/languages/zone';
import type { ZoneCheck } from '../../../server/src/languages/zone/ruleKit';
import { lint, ruleIds } from '../../helpers';

async function withFirst<T>(list: T[], item: T, run: () => Promise<void>): Promise<void> {
  list.unshift(item);
  try {
    await run();
  } finally {
    list.shift();
  }
}

function assertContained(before: Finding[], after: Finding[], language: string, message: RegExp): void {
  assert.ok(before.length > 0, 'the document has findings of its own');
  assert.ok(!ruleIds(before).includes(`${language}/internal-error`), 'no internal error without a bug');
  const internal = after.filter((f) => f.ruleId === `${language}/internal-error`);
  assert.equal(internal.length, 1, 'one internal-error finding for the throwing check');
  assert.match(internal[0].message, message);
  assert.deepEqual(ruleIds(after.filter((f) => f !== internal[0])).sort(), ruleIds(before).sort(), 'every other finding still reported');
}

const ZONE = '$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 host 1 3600 600 86400 300\n@ IN NS ns1\nwww IN CNAME other\nwww IN A 192.0.2.1\n';

test('zone: a check whose record visitor throws is contained, in the editor and the CLI paths', async () => {
  const before = await lint('zone', ZONE);
  let calls = 0;
  const checkExplodes = (): ZoneCheck => ({
    record() {
      calls++;
      throw new RangeError('boom');
    },
  });
  await withFirst(ZONE_CHECKS, checkExplodes, async () => {
    assertContained(before, await lint('zone', ZONE), 'zone', /check Explodes \(RangeError: boom\)/);
    assert.equal(calls, 1, 'a check that threw is not called again for the other records');
    const streamed = checkZoneText(ZONE, { uri: 'file:///z/example.com.zone', settings: DEFAULT_SETTINGS });
    assert.equal(streamed.filter((f) => f.ruleId === 'zone/internal-error').length, 1);
  });
});

test('zone: a throwing finish visitor and a throwing factory are contained too', async () => {
  const before = await lint('zone', ZONE);
  const checkLate = (): ZoneCheck => ({ finish: () => { throw new Error('late'); } });
  await withFirst(ZONE_CHECKS, checkLate, async () => assertContained(before, await lint('zone', ZONE), 'zone', /check Late \(Error: late\)/));
  const checkNoStart = (): ZoneCheck => { throw new TypeError('no start'); };
  await withFirst(ZONE_CHECKS, checkNoStart, async () => assertContained(before, await lint('zone', ZONE), 'zone', /check NoStart \(TypeError: no start\)/));
});

const RESOLV = 'nameserver 127.0.0.1\nnameserver 127.0.0.1\n';

test('resolv.conf: a throwing check is contained', async () => {
  const before = await lint('resolvconf', RESOLV);
  function checkExplodes(): never {
    throw new RangeError('boom');
  }
  await withFirst(RESOLVCONF_CHECKS, checkExplodes, async () => assertContained(before, await lint('resolvconf', RESOLV), 'resolvconf', /check Explodes \(RangeError: boom\)/));
});

test('resolv.conf: the built-in checks are named in the message', () => {
  assert.ok(RESOLVCONF_CHECKS.every((c) => /^check[A-Z]/.test(c.name)), RESOLVCONF_CHECKS.map((c) => c.name).join(', '));
});

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: a\n    image: x\n    resources:\n      limits:\n        memory: 100m\n';

test('k8s: a throwing per-document check is contained', async () => {
  const before = await lint('k8s', POD);
  function checkExplodes(): never {
    throw new RangeError('boom');
  }
  // A new text: an unchanged document's rule results are reused from the last lint.
  await withFirst(K8S_CHECKS, checkExplodes, async () => assertContained(before, await lint('k8s', `${POD}# edited\n`), 'k8s', /check Explodes \(RangeError: boom\)/));
});
