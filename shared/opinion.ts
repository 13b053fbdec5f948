// The second opinion in plain English, for summaries, logs and stored evidence (the window and
// the notifications word it in the user's language: shared/i18n/evidence.ts).
import { assertNever } from './errors';
import type { SecondOpinion } from './types';

/** The second opinion in one English phrase. */
export function opinionWords(opinion: SecondOpinion): string {
  const { country, world } = opinion;
  switch (opinion.outcome) {
    case 'failed':
      return `no second opinion (${opinion.failure ?? 'unavailable'})`;
    case 'inconclusive':
      return `second opinion inconclusive (${country.reachable + world.reachable} of ${country.asked + world.asked} networks reached it)`;
    case 'everywhere':
    case 'country':
    case 'network': {
      const home = country.code ? `${country.reachable}/${country.asked} in ${country.code}` : '';
      const away = `${world.reachable}/${world.asked} elsewhere`;
      return `reached from other networks: ${[home, away].filter(Boolean).join(', ')}`;
    }
    default:
      return assertNever(opinion.outcome, 'second-opinion outcome');
  }
}
