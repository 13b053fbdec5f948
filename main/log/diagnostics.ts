// "Copy diagnostics": what a person pastes into a message to support when Vigie did not behave.
// Settings go through the log's redactor too, so nothing secret-shaped leaves with them.
import { makeDir } from '../files/make-dir';
import type { LogSink } from './logger';
import type { Redactor } from './redact';

export interface DiagnosticsInput {
  readonly version: string;
  /** "linux 6.1.0 x64" */
  readonly system: string;
  readonly settings: unknown;
  readonly logLines: readonly string[];
  readonly at: number;
}

/** The diagnostics text: a header, the settings as JSON, then the log lines. */
export function diagnosticsText(input: DiagnosticsInput, redactor: Redactor): string {
  return redactor.redact(
    [
      `Vigie ${input.version} — ${input.system}`,
      `Copied at ${new Date(input.at).toISOString()}`,
      '',
      'Settings:',
      JSON.stringify(input.settings, null, 2),
      '',
      `Last ${input.logLines.length} log lines:`,
      ...input.logLines,
      '',
    ].join('\n'),
  );
}

/** What the window may do with the log files (the handlers' `logs`). */
export interface LogsAccess {
  readonly open: () => Promise<void>;
  readonly diagnostics: (lines: number) => { readonly text: string; readonly lines: number };
}

/** Log access over a sink: `openFolder` is the OS's (Electron's shell.openPath in the app). */
export function logsAccess(
  sink: LogSink,
  about: { readonly version: string; readonly system: string; readonly settings: () => unknown },
  openFolder: (dir: string) => Promise<void>,
  now: () => number = Date.now,
): LogsAccess {
  return {
    open: async () => {
      makeDir(sink.dir);
      await openFolder(sink.dir);
    },
    diagnostics: (count) => {
      const logLines = sink.tail(count);
      const text = diagnosticsText(
        { ...about, settings: about.settings(), logLines, at: now() },
        sink.redactor,
      );
      return { text, lines: logLines.length };
    },
  };
}
