'use client';

import { useState } from 'react';
import { ChatSession } from './chat-session';

/** Holds the session (chat) id; "New chat" starts a fresh session by remounting the chat. */
export function ChatApp({ initialSessionId }: { initialSessionId: string }) {
  const [sessionId, setSessionId] = useState(initialSessionId);
  return <ChatSession key={sessionId} sessionId={sessionId} onNewChat={() => setSessionId(crypto.randomUUID())} />;
}
