import { ATTR } from '@/lib/tracing/vocabulary/semconv';
import { exceptionOf, formatMs, isFirstTokenEvent, messagesOf, spanDurationMs, spanKindOf, timeToFirstTokenMs, tokenCountsOf } from '@/lib/inspector/span-view';
import type { InspectedSpan, SpanAnnotation } from '@/lib/inspector/trace-api';
import type { ReactNode } from 'react';
import { AttributeList } from './attribute-list';
import { KindBadge, StatusBadge, statusOfCode } from './badges';
import { ChatBubbles } from './chat-bubbles';
import { LlmMetrics } from './llm-metrics';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="space-y-2 border-t border-slate-200 pt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/** The selected span: LLM metrics and messages, exception, events, annotations, then every attribute. */
export function SpanPanel({ span, annotations }: { span: InspectedSpan; annotations: SpanAnnotation[] }) {
  const kind = spanKindOf(span);
  const status = statusOfCode(span.status.code);
  const exception = exceptionOf(span);
  const input = messagesOf(span.attributes, 'input');
  const output = messagesOf(span.attributes, 'output');
  const model = span.attributes[ATTR.LLM_MODEL_NAME];
  const outputValue = span.attributes[ATTR.OUTPUT_VALUE];
  const inputValue = span.attributes[ATTR.INPUT_VALUE];
  return (
    <aside data-testid="span-panel" data-span-id={span.spanId} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge kind={kind} />
          <h2 className="min-w-0 break-words text-sm font-semibold">{span.name}</h2>
          <StatusBadge status={status} />
          <span className="text-xs tabular-nums text-slate-500">{formatMs(spanDurationMs(span))}</span>
        </div>
        <p className="break-all font-mono text-[11px] text-slate-400">span {span.spanId}</p>
        {span.status.message ? <p className="break-words text-xs text-red-700">{span.status.message}</p> : null}
      </header>

      {kind === 'LLM' ? <LlmMetrics tokens={tokenCountsOf(span.attributes)} ttftMs={timeToFirstTokenMs(span)} model={typeof model === 'string' ? model : undefined} /> : null}

      {exception ? (
        <Section title="Exception" testId="span-exception">
          <p className="break-words text-sm font-medium text-red-700">
            {exception.type ?? 'Error'}: {exception.message ?? ''}
          </p>
          {exception.stacktrace ? <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-red-50 p-2 text-[11px] text-red-900">{exception.stacktrace}</pre> : null}
        </Section>
      ) : null}

      {input.length > 0 ? (
        <Section title="Input messages">
          <ChatBubbles messages={input} testId="llm-input-messages" />
        </Section>
      ) : typeof inputValue === 'string' ? (
        <Section title="Input">
          <p data-testid="span-input" className="whitespace-pre-wrap break-words text-sm">{inputValue}</p>
        </Section>
      ) : null}

      {output.length > 0 ? (
        <Section title="Output messages">
          <ChatBubbles messages={output} testId="llm-output-messages" />
        </Section>
      ) : typeof outputValue === 'string' ? (
        <Section title="Output">
          <p data-testid="span-output" className="whitespace-pre-wrap break-words text-sm">{outputValue}</p>
        </Section>
      ) : null}

      <Section title={`Annotations (${annotations.length})`} testId="span-annotations">
        {annotations.length === 0 ? (
          <p className="text-xs text-slate-400">none</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {annotations.map((a) => (
              <li key={a.id} data-testid="annotation" className="rounded border border-slate-200 px-2 py-1.5">
                <span className="font-medium">{a.name}</span> <span className="text-xs text-slate-500">({a.annotator_kind})</span>
                {a.result?.label !== undefined ? <span className="ml-2 rounded bg-slate-100 px-1.5 font-mono text-xs">{a.result.label}</span> : null}
                {a.result?.score !== undefined ? <span className="ml-2 text-xs tabular-nums">score {a.result.score}</span> : null}
                {a.result?.explanation ? <p className="mt-0.5 break-words text-xs text-slate-600">{a.result.explanation}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={`Events (${span.events.length})`} testId="span-events">
        {span.events.length === 0 ? (
          <p className="text-xs text-slate-400">none</p>
        ) : (
          <ol className="space-y-2">
            {span.events.map((event, index) => (
              <li key={index} data-testid="span-event" data-event-name={event.name} className={`rounded border px-2 py-1.5 ${isFirstTokenEvent(event.name) ? 'border-violet-300 bg-violet-50' : 'border-slate-200'}`}>
                <p className="text-xs">
                  <span className="font-mono font-medium">{event.name}</span>{' '}
                  <span className="text-slate-500">+{formatMs(Number(BigInt(event.timeUnixNano) - BigInt(span.startTimeUnixNano)) / 1e6)}</span>
                </p>
                {Object.keys(event.attributes).length > 0 ? <AttributeList attributes={event.attributes} /> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Attributes">
        <AttributeList attributes={span.attributes} testId="span-attributes" />
      </Section>
      <Section title="Resource">
        <AttributeList attributes={span.resource} />
      </Section>
    </aside>
  );
}
