// Keeps secrets out of log lines: the values Vigie knows to be secret (tokens, passwords, webhook
// URLs handed to `addSecret`), and the shapes that carry one whatever it is (a URL's user:password,
// a Telegram bot path, an Authorization header, a token-like query parameter).

const MASK = '***';

const SHAPES: readonly [RegExp, string][] = [
  // https://user:password@host → https://***@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${MASK}@`],
  // Telegram's token lives in the path: /bot123456:ABC-DEF…/sendMessage
  [/\/bot\d+:[A-Za-z0-9_-]+/g, `/bot${MASK}`],
  // Authorization: Bearer xyz / Basic xyz
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${MASK}`],
  // ?token=…&key=…&password=…&secret=…&sig=…
  [
    /([?&](?:token|access_token|key|api_key|apikey|password|pass|secret|sig|signature)=)[^&\s#]+/gi,
    `$1${MASK}`,
  ],
  // Slack / Discord / Google Chat webhook paths
  [/(hooks\.slack\.com\/services\/)[^\s"']+/gi, `$1${MASK}`],
  [/(\/api\/webhooks\/)[^\s"']+/gi, `$1${MASK}`],
  [/(chat\.googleapis\.com\/v1\/spaces\/[^/\s]+\/messages\?)[^\s"']+/gi, `$1${MASK}`],
];

/** Removes known secrets and secret-shaped parts from a text. */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value that must never be written (ignored when too short to be a secret). */
  addSecret(value: string | null | undefined): void {
    if (value && value.length >= 4) this.#secrets.add(value);
  }

  /** The text with every known secret and secret shape replaced by ***. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(MASK);
    }
    for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
    return out;
  }
}
