// How each language joins two pieces of text: a name and its value, a change from one state to
// another, an aside. Code never writes these marks itself (": ", " — ", "→", " · "): French puts
// a no-break space before its colon, and Arabic, read right to left, points its arrow leftwards.
const NB = '\u00a0';

export const joinsEn = {
  /** "WhatsApp: down". */
  label: '{{label}}: {{value}}',
  /** "up → down". */
  arrow: '{{from}} → {{to}}',
  /** "down — no answer from …": a statement and what supports it. */
  dash: '{{a}} — {{b}}',
  /** "Started at 15:42 · lasted 2 hours": pieces of one line of facts. */
  dot: '{{a}} · {{b}}',
  /** "down (on Meta's side)". */
  aside: '{{text}} ({{aside}})',
} as const;

export const joinsFr: Record<keyof typeof joinsEn, string> = {
  label: `{{label}}${NB}: {{value}}`,
  arrow: '{{from}} → {{to}}',
  dash: '{{a}} — {{b}}',
  dot: '{{a}} · {{b}}',
  aside: '{{text}} ({{aside}})',
};

export const joinsAr: Record<keyof typeof joinsEn, string> = {
  label: '{{label}}: {{value}}',
  // Right to left, "from" stands on the right: the arrow points from it to the left.
  arrow: '{{from}} ← {{to}}',
  dash: '{{a}} — {{b}}',
  dot: '{{a}} · {{b}}',
  aside: '{{text}} ({{aside}})',
};
