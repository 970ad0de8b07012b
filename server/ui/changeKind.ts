import type { FieldChange } from '../store/history.js';
import { isEmptyValue } from './display.js';

/**
 * What a write did to one field, in the words the seed's warning needs: an **overwrite** is a
 * value a person had (non-empty) replaced by another, the harm of the native SSO set-up;
 * **filled** gives a blank a value (what the custom integration limits itself to).
 */
export type ChangeKind = 'overwritten' | 'filled' | 'removed' | 'changed';

/** Account parts that hold a person's data; flags (kind, isRegistered, …) only ever "change". */
const personalData = /^(profile|data|subscriptions|preferences)\./;

export function changeKind(change: FieldChange): ChangeKind {
  if (!personalData.test(change.field)) return 'changed';
  const hadValue = !isEmptyValue(change.before);
  const hasValue = !isEmptyValue(change.after);
  if (!hadValue) return hasValue ? 'filled' : 'changed';
  return hasValue ? 'overwritten' : 'removed';
}
