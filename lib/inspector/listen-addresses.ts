/**
 * The addresses this server process listens on, read from its own listening sockets — what the
 * connection really is, unlike any request header. Next 16 gives proxy.ts and route handlers a Fetch
 * `Request` without the socket (no `request.ip`; `X-Forwarded-For` is filled from the socket only when
 * the client did not send one), so `TRACE_INSPECTOR=local` cannot ask a request where it came from.
 * Instead it checks that the server can only be reached from this machine: a socket bound to a
 * loopback address accepts no connection from elsewhere. Node only (`process._getActiveHandles`);
 * undefined where that is not available (edge, some serverless hosts), which `local` treats as "not
 * provably loopback".
 */
type Handle = { listening?: unknown; address?: () => unknown };

export function listeningAddresses(): string[] | undefined {
  const getHandles = (globalThis.process as unknown as { _getActiveHandles?: () => unknown[] } | undefined)?._getActiveHandles;
  if (typeof getHandles !== 'function') return undefined;
  const addresses: string[] = [];
  for (const handle of getHandles.call(globalThis.process) as Handle[]) {
    if (!handle || handle.listening !== true || typeof handle.address !== 'function') continue;
    const address = handle.address();
    if (typeof address === 'string') addresses.push(`pipe:${address}`);
    else if (address && typeof address === 'object' && typeof (address as { address?: unknown }).address === 'string') {
      addresses.push((address as { address: string }).address);
    }
  }
  return addresses;
}
