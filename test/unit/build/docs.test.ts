// The documentation lives in the repository and stays followable: code comments cite only files of
// the repo, every `docs/…#anchor` they cite exists, the Markdown links between the docs resolve,
// and the README stays a short page for users that opens with the commands a newcomer runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CODE_DIRS = ['main', 'shared', 'renderer', 'test', 'bench', 'scripts'];
const CODE_FILES = ['eslint.config.js'];
const CODE_EXT = /\.(ts|tsx|js|mjs|cjs)$/;

/**
 * Files that other branches add alongside this one (alerts, generated benchmark figures, recording
 * and damaged files): a link to one of them is checked only once the file is there. Once they are
 * all merged this set can be emptied.
 */
const WRITTEN_ELSEWHERE = new Set<string>([]);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function codeFiles(): string[] {
  return [
    ...CODE_DIRS.flatMap((d) => walk(join(ROOT, d))).filter((f) => CODE_EXT.test(f)),
    ...CODE_FILES.map((f) => join(ROOT, f)),
  ];
}

interface Comment {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Every comment of a source file, found by TypeScript's own scanner (strings are not comments). */
function commentsOf(file: string): Comment[] {
  const source = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard,
    source,
  );
  const found: Comment[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (
      kind === ts.SyntaxKind.SingleLineCommentTrivia ||
      kind === ts.SyntaxKind.MultiLineCommentTrivia
    ) {
      const line = source.slice(0, scanner.getTokenStart()).split('\n').length;
      found.push({ file: relative(ROOT, file), line, text: scanner.getTokenText() });
    }
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown file offers: its headings, and explicit `<a id="…">`. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading?.[1]) anchors.add(slug(heading[1]));
    for (const m of line.matchAll(/<a id="([^"]+)"/g)) if (m[1]) anchors.add(m[1]);
  }
  return anchors;
}

function anchorsOfFile(repoPath: string): Set<string> | null {
  const path = join(ROOT, repoPath);
  return existsSync(path) ? anchorsOf(readFileSync(path, 'utf8')) : null;
}

// Names of documents kept outside the repository, spelled so this file does not cite them itself.
const OUTSIDE = [
  new RegExp('\\b' + 'DESIGN' + '\\b'),
  new RegExp('\\b' + 'STYLE' + ' \\d+'),
  new RegExp('(STYLE|LANGUAGE|DESIGN)' + '\\.md'),
  new RegExp('\\.\\./shared/' + '[A-Z]'),
  new RegExp('/work/' + 'shared'),
];

describe('code comments', () => {
  const comments = codeFiles().flatMap(commentsOf);

  it('are found (the scan reads the sources)', () => {
    expect(comments.length).toBeGreaterThan(500);
  });

  it('cite no document outside the repository', () => {
    const outside = comments
      .filter((c) => OUTSIDE.some((re) => re.test(c.text)))
      .map((c) => `${c.file}:${c.line}: ${c.text.split('\n')[0]}`);
    expect(outside).toEqual([]);
  });

  it('cite only anchors that exist', () => {
    const broken: string[] = [];
    for (const c of comments) {
      for (const m of c.text.matchAll(/((?:docs\/[\w.-]+|CONTRIBUTING|README)\.md)#([\w-]+)/g)) {
        const [, file = '', anchor = ''] = m;
        const anchors = anchorsOfFile(file);
        if (!anchors?.has(anchor)) broken.push(`${c.file}:${c.line}: ${file}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the design document', () => {
  it('offers the anchors the code and the other docs cite', () => {
    const anchors = anchorsOfFile('docs/design.md');
    for (const anchor of [
      'detection',
      'verdict',
      'second-opinion',
      'context',
      'history-format',
      'safe-on-disk',
      'security',
      'alerts',
      'team',
      'budgets',
    ])
      expect(anchors, anchor).toContain(anchor);
  });
});

describe('Markdown links', () => {
  const pages = [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('lead to files and anchors that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1] ?? '';
        if (/^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? page : relative(ROOT, resolve(ROOT, dirname(page), path));
        if (WRITTEN_ELSEWHERE.has(file) && !existsSync(join(ROOT, file))) continue;
        if (!existsSync(join(ROOT, file))) {
          broken.push(`${page}: ${target} (no such file)`);
          continue;
        }
        if (anchor && file.endsWith('.md') && !anchorsOfFile(file)?.has(anchor))
          broken.push(`${page}: ${target} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** Paths of the alerts work, merged alongside: checked once they are there. */
const ALERTS_PATHS = /^(main\/alerts|shared\/alerts|test\/fixtures\/alerts|test\/lab\/alert-lab)/;

describe('CONTRIBUTING', () => {
  const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const alertsMerged = existsSync(join(ROOT, 'main/alerts'));

  it('names only source files that exist', () => {
    const missing: string[] = [];
    for (const m of text.matchAll(/`((?:main|shared|renderer|test|bench|scripts)\/[^`\s]+)`/g)) {
      const path = m[1] ?? '';
      if (path.includes('<') || path.includes('…')) continue; // a pattern, like views/<Name>View.tsx
      if (ALERTS_PATHS.test(path) && !alertsMerged) continue;
      if (!existsSync(join(ROOT, path))) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('names the registries and tables its recipes edit, where they are', () => {
    const where: ReadonlyArray<readonly [string, RegExp]> = [
      ['main/engine/sources/index.ts', /export const SOURCES: Sources = \{/],
      ['shared/ipc.ts', /export const api = \{/],
      ['main/shell/handlers.ts', /export function createHandlers\(/],
      ['main/engine/probes/index.ts', /export const DIRECT_PROBES: DirectProbes<DirectProbe> = \{/],
      ['main/alerts/channels.ts', /export const CHANNEL_KINDS: ChannelKinds<ChannelConfig> = \{/],
      ['main/alerts/app-secrets.ts', /export const SECRET_FIELDS\b/],
      ['shared/alerts/app-settings.ts', /export const storedChannelSchema\b/],
      ['test/unit/recipes.test.ts', /describe\('recipe: a status source/],
      [
        'shared/probes.ts',
        /const LAYERS\b[\s\S]*export const DIRECT_KINDS = Object\.keys\(LAYERS\)/,
      ],
      ['main/history/format.ts', /export const CODES = \[/],
      ['renderer/components/App.tsx', /const TABS = \[/],
      ['renderer/route.ts', /export type Route =/],
      ['shared/types.ts', /export type OfficialProbeKind =[\s\S]*export type ProbeCode =/],
    ];
    for (const [file, pattern] of where) {
      expect(text, file).toContain(file);
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(pattern);
    }
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('stays a short page for users', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('opens with the commands a newcomer runs', () => {
    const opening = readme.split('\n').slice(0, 10).join('\n');
    for (const command of ['npm install', 'npm start', 'npm test', 'npm run check'])
      expect(opening).toContain(command);
  });

  it('points into docs/ for the guides in three languages, the reference and the design', () => {
    for (const page of [
      'docs/guide.en.md',
      'docs/guide.fr.md',
      'docs/guide.ar.md',
      'docs/reference.md',
      'docs/design.md',
      'docs/development.md',
      'CONTRIBUTING.md',
    ]) {
      expect(readme).toContain(`(${page})`);
      expect(existsSync(join(ROOT, page)), page).toBe(true);
    }
  });
});
