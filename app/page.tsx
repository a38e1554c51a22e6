import { ChatApp } from './components/chat-app';

// A fresh chat (session) id per page load.
export const dynamic = 'force-dynamic';

export default function Page() {
  return <ChatApp initialSessionId={crypto.randomUUID()} />;
}
