'use client';

import type { FileUIPart } from 'ai';
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@/lib/chat/chat-message';
import { AssistantMessage, PendingAnswer, UserMessage } from './chat-messages';
import { Composer } from './composer';
import { EmptyState } from './empty-state';
import { FollowUps } from './follow-ups';
import { ErrorBanner } from './error-banner';
import { Header } from './header';
import { CHAT_API, type ChatRuntime } from './runtime-toggle';

interface ChatSessionProps {
  sessionId: string;
  runtime: ChatRuntime;
  onRuntimeChange: (runtime: ChatRuntime) => void;
  onNewChat: () => void;
}

export function ChatSession({ sessionId, runtime, onRuntimeChange, onNewChat }: ChatSessionProps) {
  const [stopped, setStopped] = useState<ReadonlySet<string>>(new Set());
  // The transport is created once per session; it reads the current runtime when it sends.
  const runtimeRef = useRef(runtime);
  runtimeRef.current = runtime;
  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: CHAT_API.nodejs,
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({
          api: CHAT_API[runtimeRef.current],
          body: { ...body, id, messages, trigger, messageId },
        }),
      }),
  );
  const { messages, sendMessage, status, error, stop, clearError, regenerate } = useChat<ChatMessage>({
    id: sessionId,
    transport,
    onFinish: ({ message, isAbort }) => {
      if (isAbort) setStopped((previous) => new Set(previous).add(message.id));
    },
  });
  const busy = status === 'submitted' || status === 'streaming';
  const endRef = useRef<HTMLDivElement>(null);
  // Lets tests (and impatient users' first keystrokes) wait until React handles input.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Keep the newest content in view: new parts, the pending indicator, and the error banner
  // (which shrinks the list when it appears).
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages, status, error]);

  const send = (text: string, files: FileUIPart[] = []) => {
    if (error) clearError();
    void sendMessage({ text, files });
  };

  return (
    <div data-testid="chat" data-hydrated={hydrated} className="mx-auto flex h-dvh max-w-3xl flex-col">
      <Header sessionId={sessionId} runtime={runtime} onRuntimeChange={onRuntimeChange} onNewChat={onNewChat} />
      <main data-testid="message-list" aria-label="Messages" aria-busy={busy} className="flex-1 space-y-5 overflow-y-auto px-4 py-6">
        {messages.length === 0 ? <EmptyState onPick={send} /> : null}
        {messages.map((message, index) =>
          message.role === 'user' ? (
            <UserMessage key={message.id} message={message} />
          ) : (
            <AssistantMessage
              key={message.id}
              message={message}
              streaming={busy && index === messages.length - 1}
              stopped={stopped.has(message.id)}
              failed={Boolean(error) && index === messages.length - 1}
            />
          ),
        )}
        {status === 'submitted' && messages.at(-1)?.role === 'user' ? <PendingAnswer /> : null}
        <div ref={endRef} />
      </main>
      <footer className="sticky bottom-0 border-t border-slate-200 bg-slate-50/95 px-4 pb-4 pt-3 backdrop-blur">
        {messages.length > 0 ? <FollowUps sessionId={sessionId} messages={messages} disabled={busy} /> : null}
        {error ? <ErrorBanner error={error} onDismiss={clearError} onRetry={() => void regenerate()} /> : null}
        <Composer busy={busy} onSend={send} onStop={() => void stop()} />
      </footer>
    </div>
  );
}
