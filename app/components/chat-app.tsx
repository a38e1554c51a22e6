'use client';

import { useState } from 'react';
import { ChatSession } from './chat-session';
import type { ChatRuntime } from './runtime-toggle';

/** Holds the session (chat) id and the runtime; "New chat" starts a fresh session by remounting the chat. */
export function ChatApp({ initialSessionId }: { initialSessionId: string }) {
  const [sessionId, setSessionId] = useState(initialSessionId);
  const [runtime, setRuntime] = useState<ChatRuntime>('nodejs');
  return (
    <ChatSession
      key={sessionId}
      sessionId={sessionId}
      runtime={runtime}
      onRuntimeChange={setRuntime}
      onNewChat={() => setSessionId(crypto.randomUUID())}
    />
  );
}
