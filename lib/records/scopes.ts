/** Grant scopes, a bitmask as in the contract: READ may decrypt the record, PRESENT may show the token at booths. */
export const SCOPE_READ = 1;
export const SCOPE_PRESENT = 2;
export const SCOPE_ALL = SCOPE_READ | SCOPE_PRESENT;

/** Whether `scopes` includes every bit of `scope`. */
export function hasScope(scopes: number, scope: number): boolean {
  return scope !== 0 && (scopes & scope) === scope;
}
