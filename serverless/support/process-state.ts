import { readFileSync } from 'node:fs';

/** The kernel's view of a process: `T` once SIGSTOP has taken effect (Linux /proc). */
export function processState(pid: number): string | undefined {
  try {
    // /proc/PID/stat: "pid (comm) S ..."; comm may contain spaces, the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return stat.slice(close + 2, close + 3);
  } catch {
    return undefined;
  }
}

/** Resolves once `pid` is stopped; fails if it is not within `timeoutMs`. */
export async function untilStopped(pid: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (processState(pid) !== 'T') {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not freeze after its invocation`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
