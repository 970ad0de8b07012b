import type { Participation } from '../participations/participation.js';

/** What each push action did to Gigya, in words a newcomer reads without the code. */
const actionWords: Record<string, string> = {
  liteAccountCreated: 'created a lite account',
  accountOverwritten: 'overwrote the full account with the submitted data (its name included)',
  blanksFilled: 'kept the full account: filled only its empty fields; values it had (its name too) were not replaced by the submitted ones',
  nothingToFill: 'kept the full account: it had every submitted field already, nothing was written',
};

export function actionInWords(action: string | null): string | undefined {
  return action === null ? undefined : (actionWords[action] ?? action);
}

/** The push badge: an overwrite is a success that did harm, and says so. */
export function pushBadge(participation: Pick<Participation, 'status' | 'action'>): { text: string; tone: string } {
  if (participation.status === 'succeeded' && participation.action === 'accountOverwritten') return { text: 'succeeded, overwrote', tone: 'overwrote' };
  return { text: participation.status, tone: participation.status };
}

/** The notice after a participant form: the outcome as a sentence. */
export function participationNotice(participation: Pick<Participation, 'status' | 'action' | 'uid' | 'skipReason' | 'lastError'>): string {
  const words = actionInWords(participation.action);
  const uid = participation.uid === null ? '' : ` (UID ${participation.uid})`;
  if (participation.status === 'succeeded') return `Participation pushed to Gigya: ${words ?? 'done'}${uid}.`;
  if (participation.status === 'skipped') return `Participation saved, not pushed: ${participation.skipReason ?? 'no reason given'}.`;
  if (participation.status === 'pending') return 'Participation saved; the push will be tried again shortly.';
  return 'Participation saved; the push failed (see the last error in the table).';
}
