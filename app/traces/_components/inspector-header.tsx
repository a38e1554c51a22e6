import Link from 'next/link';
import type { ReactNode } from 'react';

/** Title row of the inspector pages, with a way back to the chat. */
export function InspectorHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-3 py-3 sm:px-6">
        <h1 className="min-w-0 text-base font-semibold tracking-tight">
          <Link href="/traces" className="hover:text-indigo-700">
            Trace inspector
          </Link>
          <span className="font-normal text-slate-400"> / </span>
          <span className="break-all">{title}</span>
        </h1>
        <nav className="ml-auto flex items-center gap-3 text-sm">
          {children}
          <Link href="/" data-testid="back-to-chat" className="font-medium text-indigo-600 hover:underline">
            ← Chat
          </Link>
        </nav>
      </div>
    </header>
  );
}
