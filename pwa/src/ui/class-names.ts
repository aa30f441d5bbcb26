/** Join class names, skipping the falsy ones (the few conditional classes we have need no library). */
export function cx(...parts: ReadonlyArray<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
