import { displayValue } from '@/lib/inspector/span-view';
import type { Attributes } from '@/lib/inspector/trace-api';

/** Key/value rows; JSON strings pretty-printed; long values wrap instead of widening the page. */
export function AttributeList({ attributes, testId }: { attributes: Attributes; testId?: string }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
  if (entries.length === 0) return <p className="text-xs text-slate-400">none</p>;
  return (
    <dl data-testid={testId} className="divide-y divide-slate-100 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} data-attribute={key} className="grid grid-cols-1 gap-0.5 py-1.5 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:gap-3">
          <dt className="break-all font-mono text-slate-500">{key}</dt>
          <dd className="min-w-0 whitespace-pre-wrap break-words font-mono text-slate-900 [overflow-wrap:anywhere]">{displayValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
