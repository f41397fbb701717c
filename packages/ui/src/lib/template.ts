/**
 * A translatable text with placeholders: either a string such as "Page {page} of {total}",
 * or a function (paraglide messages are functions), e.g. `(v) => m.page_of(v)`.
 */
export type Template<V extends Record<string, string | number>> = string | ((values: V) => string);

export function fillTemplate<V extends Record<string, string | number>>(template: Template<V>, values: V): string {
  if (typeof template === 'function') return template(values);
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match,
  );
}
