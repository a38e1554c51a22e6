import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { appConfig } from '@/lib/config/app-config';
import { accessRequestOf } from './access-request';
import { decideInspectorAccess, inspectorPolicy } from './inspector-access';

/** Defence in depth behind proxy.ts: a page of the inspector renders nothing unless access is allowed. */
export async function requireInspectorAccess(): Promise<void> {
  const decision = decideInspectorAccess(inspectorPolicy(appConfig()), accessRequestOf(await headers(), await cookies()));
  if (!decision.allow) notFound();
}
