import fc from 'fast-check';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule, OPERATORS, RuleError } from './rules.ts';

// The compiled closures must behave exactly as json-logic-js, the reference interpreter.

const VARS = ['a', 'b', 'c', 'level'] as const;
const known = new Set<string>(VARS);

const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('0', '1', '', 'basic', 'above', 'no'), fc.boolean(), fc.constant(null));
const { rule } = fc.letrec((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ var: fc.constantFrom(...VARS) }),
    fc.record({ var: fc.tuple(fc.constantFrom(...VARS), scalar) }),
    fc.constantFrom(...[...OPERATORS].filter((o) => o !== 'var')).chain((op) =>
      fc.array(tie('rule'), { minLength: 1, maxLength: op === 'in' || op === '<' || op === '<=' ? 3 : 4 }).map((args) => ({ [op]: op === 'in' ? [args[0], [args[1] ?? 'basic', 'above', 1]] : args }))
    )
  )
}));
const data = fc.record({ a: scalar, b: scalar, c: scalar, level: fc.constantFrom('no', 'low', 'basic', 'above', null) });

const same = (x: unknown, y: unknown) => (Number.isNaN(x) && Number.isNaN(y)) || Object.is(x, y) || JSON.stringify(x) === JSON.stringify(y);

describe('compiled rules', () => {
  it('property: agree with json-logic-js on random rules and data', () => {
    fc.assert(
      fc.property(rule, data, (r, d) => {
        let expected: unknown;
        try {
          expected = jsonLogic.apply(r as RulesLogic, d);
        } catch {
          return; // the reference refuses it too (e.g. "*" without arguments)
        }
        expect(same(compileRule(r, known)(d), expected)).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });

  it('refuses operators that run code or log, unknown variables, and objects with several keys', () => {
    expect(() => compileRule({ method: ['abc', 'toUpperCase'] }, known)).toThrow(RuleError);
    expect(() => compileRule({ log: 1 }, known)).toThrow(/not allowed/);
    expect(() => compileRule({ var: '__proto__' }, known)).toThrow(/unknown variable/);
    expect(() => compileRule({ '==': [1, 1], '!=': [1, 2] }, known)).toThrow(/one operator/);
  });
});
