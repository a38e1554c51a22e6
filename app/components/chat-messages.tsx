import type { ChatMessage } from '@/lib/chat/chat-message';
import { FeedbackButtons } from './feedback-buttons';
import { ReasoningPart } from './reasoning-part';
import { isToolPart, ToolCallPart } from './tool-part';
import { TraceChip } from './trace-chip';

function textOf(message: ChatMessage): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

export function UserMessage({ message }: { message: ChatMessage }) {
  return (
    <div className="flex justify-end">
      <div
        data-testid="message-user"
        className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-indigo-600 px-4 py-2.5 text-[15px] leading-relaxed text-white shadow-sm"
      >
        {textOf(message)}
        {message.parts.map((part, i) =>
          part.type === 'file' ? (
            // eslint-disable-next-line @next/next/no-img-element -- a data URL the user attached
            <img key={i} data-testid="message-image" src={part.url} alt={part.filename ?? 'attached image'} className="mt-2 max-h-48 rounded-lg" />
          ) : null,
        )}
      </div>
    </div>
  );
}

export function AssistantMessage({
  message,
  streaming,
  stopped,
  failed,
}: {
  message: ChatMessage;
  streaming: boolean;
  stopped: boolean;
  failed: boolean;
}) {
  const text = textOf(message);
  const reasoning = message.parts.flatMap((part) => (part.type === 'reasoning' ? [part.text] : [])).join('\n\n');
  const { traceId, spanId, model, runtime, feedback, feedbackToken } = message.metadata ?? {};
  return (
    <div
      data-testid="message-assistant"
      data-message-id={message.id}
      data-status={streaming ? 'streaming' : 'done'}
      className="flex justify-start"
    >
      <div className="min-w-0 flex-1">
        <div className="w-fit max-w-[85%] rounded-2xl rounded-bl-md border border-slate-200 bg-white px-4 py-2.5 text-[15px] leading-relaxed shadow-sm">
          <ReasoningPart text={reasoning} thinking={streaming && text === ''} />
          {message.parts.map((part, i) => (isToolPart(part) ? <ToolCallPart key={i} part={part} /> : null))}
          <span data-testid="assistant-text" className="whitespace-pre-wrap break-words">
            {text}
          </span>
          {streaming ? <span aria-hidden className="caret ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 bg-slate-400" /> : null}
          {!streaming && text === '' ? (
            <span className={`text-sm italic ${failed ? 'text-red-600' : 'text-slate-400'}`}>{failed ? 'The model failed — see the error below.' : 'No answer'}</span>
          ) : null}
        </div>
        <div className="mt-1.5 flex flex-wrap items-center gap-2 px-1 text-xs text-slate-500">
          {traceId ? <TraceChip traceId={traceId} /> : null}
          {model ? (
            <span data-testid="answer-model" title="Model" className="font-mono">
              {model}
            </span>
          ) : null}
          {runtime ? (
            <span data-testid="answer-runtime" title="Server runtime" className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-500">
              {runtime === 'edge' ? 'edge' : 'node'}
            </span>
          ) : null}
          {failed && !streaming && text !== '' ? (
            <span data-testid="failed-label" className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-700">
              incomplete — failed mid-answer
            </span>
          ) : null}
          {traceId && spanId && !streaming ? <FeedbackButtons traceId={traceId} spanId={spanId} token={feedbackToken} enabled={feedback === true} /> : null}
          {stopped ? (
            <span data-testid="stopped-label" className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800">
              stopped
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** Shown between sending and the first streamed part. */
export function PendingAnswer() {
  return (
    <div className="flex justify-start" aria-live="polite" aria-label="Waiting for the answer">
      <div className="flex gap-1 rounded-2xl rounded-bl-md border border-slate-200 bg-white px-4 py-3.5 shadow-sm">
        {[0, 150, 300].map((delay) => (
          <span key={delay} className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400" style={{ animationDelay: `${delay}ms` }} />
        ))}
      </div>
    </div>
  );
}
