import type { TraceStatus } from '@/lib/inspector/trace-api';

/** Session and status filters: a plain GET form, so it works without client JavaScript. */
export function TraceFilters({ session, status }: { session?: string; status?: TraceStatus }) {
  return (
    <form method="get" action="/traces" data-testid="trace-filters" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
        <span className="text-xs font-medium text-slate-500">Session</span>
        <input
          name="session"
          defaultValue={session ?? ''}
          data-testid="filter-session"
          placeholder="any session id"
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-500">Status</span>
        <select name="status" defaultValue={status ?? ''} data-testid="filter-status" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
          <option value="unset">unset</option>
        </select>
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
        Filter
      </button>
      {session || status ? (
        <a href="/traces" className="px-1 py-1.5 text-indigo-600 hover:underline">
          Clear
        </a>
      ) : null}
    </form>
  );
}
