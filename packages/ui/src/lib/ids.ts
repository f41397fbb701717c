/** Joins element ids for aria-describedby; undefined when there are none, so the attribute is left out. */
export function joinIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}

export function hintId(fieldId: string): string {
  return `${fieldId}-hint`;
}

export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/**
 * Id of the n-th (0-based) input of a radio or checkbox group. The first one is the group's id,
 * so an error summary link `#name` lands on the first option (GOV.UK convention).
 */
export function itemId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}
