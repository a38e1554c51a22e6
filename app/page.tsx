import { appConfig } from '@/lib/config/app-config';
import { inspectorPolicy } from '@/lib/inspector/inspector-access';
import { inspectorSource } from '@/lib/inspector/inspector-source';
import { ChatApp } from './components/chat-app';
import { InspectorLinksProvider } from './components/inspector-links';

// A fresh chat (session) id per page load.
export const dynamic = 'force-dynamic';

export default function Page() {
  const config = appConfig();
  const links = { inspector: inspectorPolicy(config).mode !== 'off', phoenixUrl: inspectorSource(config).phoenixUrl };
  return (
    <InspectorLinksProvider value={links}>
      <ChatApp initialSessionId={crypto.randomUUID()} />
    </InspectorLinksProvider>
  );
}
