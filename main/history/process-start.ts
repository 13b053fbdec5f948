// When a process started, as the operating system tells it: with its pid, it names one process
// for good (a pid is reused, a pid with its start time is not). The writer lock records its
// writer's, and believes a live pid is that writer only when the two match.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SECOND } from '../../shared/durations';

/** A process's start, as an opaque string to compare; null when it cannot be told. */
export type ProcessStart = (pid: number) => string | null;

/**
 * The start time in a `/proc/<pid>/stat` line (field 22, clock ticks since boot), or null. The
 * command name (field 2) is in parentheses and may itself hold spaces and parentheses: fields are
 * counted from the last ')'.
 */
export function startTicks(stat: string): string | null {
  const fields = stat
    .slice(stat.lastIndexOf(')') + 1)
    .trim()
    .split(' ');
  // fields[0] is field 3 (the state): field 22 is fields[19].
  const ticks = fields[19];
  return ticks !== undefined && /^\d+$/.test(ticks) ? ticks : null;
}

let bootId: string | undefined;

/** Linux: this boot's id with the start in ticks since boot (ticks alone repeat across boots). */
function linuxStart(pid: number): string | null {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    bootId = '';
  }
  try {
    const ticks = startTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ticks === null ? null : `${bootId}/${ticks}`;
  } catch {
    return null;
  }
}

/** A command's output, trimmed; null when it fails, says nothing, or is slow. */
function run(command: string, args: readonly string[]): string | null {
  try {
    const out = execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 5 * SECOND,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
      // The same words and clock for every caller, whatever their locale and time zone.
      env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** macOS and the BSDs: `ps -o lstart=` ("Mon Dec  7 06:01:37 2026"); exits non-zero for no such pid. */
export function psStart(pid: number): string | null {
  return run('ps', ['-o', 'lstart=', '-p', String(pid)]);
}

/**
 * Windows: .NET's Process.StartTime as a FILETIME (100 ns since 1601, UTC) through PowerShell.
 * Untested on a Windows machine here; when it fails (no PowerShell, a process of another user),
 * the lock falls back on its heartbeat.
 */
function windowsStart(pid: number): string | null {
  const script = `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToFileTimeUtc()`;
  return run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script]);
}

/** The start of `pid` on this system, or null when it cannot be told. */
export function processStart(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  if (platform === 'linux' || platform === 'android') return linuxStart(pid);
  if (platform === 'win32') return windowsStart(pid);
  return psStart(pid);
}
