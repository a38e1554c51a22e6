/**
 * CPU time and memory of a server process and all its descendants, read from Linux's /proc
 * (`next start` may run the server in a child process, so the whole tree is summed).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every mainstream Linux). */
const CLOCK_TICKS = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** `root` and every live descendant. */
export function processTree(root: number): number[] {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
  const tree = [root];
  for (let index = 0; index < tree.length; index++) {
    for (const stat of stats) if (stat.ppid === tree[index] && !tree.includes(stat.pid)) tree.push(stat.pid);
  }
  return tree;
}

/** User + system CPU seconds used so far by `pids` (summed). */
export function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0) / CLOCK_TICKS;
}

/** Sum over `pids` of a /proc/<pid>/status memory field (kB), e.g. `VmHWM` (peak RSS) or `VmRSS`. */
export function memoryKb(pids: number[], field: 'VmHWM' | 'VmRSS'): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(match?.[1] ?? 0);
    } catch {
      // the process has exited
    }
  }
  return total;
}
