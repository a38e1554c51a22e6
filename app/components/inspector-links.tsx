'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** Where an answer's trace can be opened: the local inspector (when on) and Phoenix (when configured). */
export interface InspectorLinks {
  inspector: boolean;
  /** Phoenix's UI base URL. */
  phoenixUrl?: string;
}

const InspectorLinksContext = createContext<InspectorLinks>({ inspector: false });

export function InspectorLinksProvider({ value, children }: { value: InspectorLinks; children: ReactNode }) {
  return <InspectorLinksContext.Provider value={value}>{children}</InspectorLinksContext.Provider>;
}

export function useInspectorLinks(): InspectorLinks {
  return useContext(InspectorLinksContext);
}
