import type { ChatBubble } from '@/lib/inspector/span-view';

const ROLE_STYLES: Record<string, string> = {
  system: 'mx-auto w-full border border-dashed border-slate-300 bg-slate-50 text-slate-600',
  user: 'ml-auto bg-indigo-600 text-white',
  assistant: 'mr-auto border border-slate-200 bg-white text-slate-900',
  tool: 'mr-auto border border-amber-200 bg-amber-50 text-amber-950',
};

/** An LLM span's messages as a conversation. */
export function ChatBubbles({ messages, testId }: { messages: ChatBubble[]; testId: string }) {
  return (
    <div data-testid={testId} className="flex flex-col gap-2">
      {messages.map((message, index) => (
        <div
          key={index}
          data-testid="message-bubble"
          data-role={message.role}
          className={`max-w-[92%] rounded-2xl px-3 py-2 text-sm leading-relaxed shadow-sm ${ROLE_STYLES[message.role] ?? ROLE_STYLES.assistant}`}
        >
          <div className="mb-0.5 text-[10px] font-semibold uppercase tracking-wide opacity-70">{message.role || 'message'}</div>
          {message.reasoning ? (
            <details data-testid="bubble-reasoning" className="mb-1 rounded border border-slate-200 bg-slate-50 px-2 py-1 text-xs text-slate-600">
              <summary className="cursor-pointer select-none font-medium">Reasoning</summary>
              <div className="mt-1 whitespace-pre-wrap break-words italic">{message.reasoning}</div>
            </details>
          ) : null}
          <div className="whitespace-pre-wrap break-words">{message.content}</div>
        </div>
      ))}
    </div>
  );
}
