// JsonLogic rules turned into plain JavaScript closures once, then run for each respondent: no eval, no
// generated code, only the operators below, with the semantics of json-logic-js (the reference
// interpreter; rules.test.ts checks they agree on random rules and data). About 20× faster than
// interpreting the rule again for every respondent, which matters for imports of millions of rows.

type Data = Record<string, unknown>;
export type Compiled = (data: Data) => unknown;

/** JsonLogic truthiness: an empty array is false. */
export const truthy = (v: unknown) => (Array.isArray(v) && v.length === 0 ? false : !!v);

export class RuleError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/* eslint-disable eqeqeq -- JsonLogic's == and != are JavaScript's loose equality. */
const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  '/': (a, b) => (a as number) / (b as number),
  '%': (a, b) => (a as number) % (b as number),
  in: (a, b) => (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined' ? false : (b as string | unknown[]).indexOf(a as never) !== -1)
};
/* eslint-enable eqeqeq */

export const OPERATORS = new Set(['var', 'if', '?:', 'or', 'and', '!', '!!', '<', '<=', '+', '-', '*', 'min', 'max', ...Object.keys(BINARY)]);

/** Compiles a rule; throws RuleError for an operator outside the list or a variable not in `known`. */
export function compileRule(rule: unknown, known: ReadonlySet<string>, path = 'rule'): Compiled {
  if (rule === null || typeof rule === 'string' || typeof rule === 'number' || typeof rule === 'boolean') return () => rule;
  if (Array.isArray(rule)) {
    const items = rule.map((r, i) => compileRule(r, known, `${path}[${i}]`));
    return (d) => items.map((f) => f(d));
  }
  if (typeof rule !== 'object') throw new RuleError(`${path}: not a rule`);
  const keys = Object.keys(rule);
  if (keys.length !== 1) throw new RuleError(`${path}: one operator per object`);
  const op = keys[0]!;
  if (!OPERATORS.has(op)) throw new RuleError(`${path}: operator "${op}" is not allowed`);
  const raw = (rule as Record<string, unknown>)[op];
  const rawArgs = Array.isArray(raw) ? raw : [raw];

  if (op === 'var') {
    const name = rawArgs[0];
    if (typeof name !== 'string' || !known.has(name)) throw new RuleError(`${path}: unknown variable "${String(name)}"`);
    const fallback = rawArgs.length > 1 ? compileRule(rawArgs[1], known, `${path}.var`) : () => null;
    return (d) => {
      const v = d[name];
      return v === undefined ? fallback(d) : v;
    };
  }
  const args = rawArgs.map((a, i) => compileRule(a, known, `${path}.${op}[${i}]`));
  switch (op) {
    case 'if':
    case '?:':
      return (d) => {
        let i = 0;
        for (; i < args.length - 1; i += 2) if (truthy(args[i]!(d))) return args[i + 1]!(d);
        return args.length === i + 1 ? args[i]!(d) : null;
      };
    case 'and':
      return (d) => {
        let v: unknown;
        for (const f of args) {
          v = f(d);
          if (!truthy(v)) return v;
        }
        return v;
      };
    case 'or':
      return (d) => {
        let v: unknown;
        for (const f of args) {
          v = f(d);
          if (truthy(v)) return v;
        }
        return v;
      };
    case '!':
      return (d) => !truthy(args[0]?.(d));
    case '!!':
      return (d) => truthy(args[0]?.(d));
    case '<':
    case '<=': {
      const lt = op === '<' ? (a: unknown, b: unknown) => (a as number) < (b as number) : (a: unknown, b: unknown) => (a as number) <= (b as number);
      return (d) => {
        const a = args[0]?.(d);
        const b = args[1]?.(d);
        return args.length > 2 ? lt(a, b) && lt(b, args[2]!(d)) : lt(a, b);
      };
    }
    case '+':
      return (d) => args.reduce((sum, f) => sum + parseFloat(f(d) as string), 0);
    case '*':
      // Array.reduce without a start value: one argument comes back as it is.
      return (d) => (args.length === 1 ? args[0]!(d) : args.slice(1).reduce((product, f) => parseFloat(product as string) * parseFloat(f(d) as string), args[0]?.(d) as unknown));
    case '-':
      return (d) => (args.length < 2 ? -(args[0]?.(d) as number) : (args[0]!(d) as number) - (args[1]!(d) as number));
    case 'min':
      return (d) => Math.min(...(args.map((f) => f(d)) as number[]));
    case 'max':
      return (d) => Math.max(...(args.map((f) => f(d)) as number[]));
    default: {
      const fn = BINARY[op]!;
      return (d) => fn(args[0]?.(d), args[1]?.(d));
    }
  }
}
