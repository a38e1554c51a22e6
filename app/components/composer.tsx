'use client';

import type { FileUIPart } from 'ai';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { AttachImageButton, ImageAttachments, type Attachment } from './image-attachments';

export function Composer({
  busy,
  onSend,
  onStop,
}: {
  busy: boolean;
  onSend: (text: string, files: FileUIPart[]) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState('');
  const [images, setImages] = useState<Attachment[]>([]);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || text.trim() === '') return;
    onSend(text, images.map(({ file }) => file));
    setText('');
    setImages([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };
  const button =
    'inline-flex h-[46px] shrink-0 items-center gap-1.5 rounded-xl px-4 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500';
  return (
    <form onSubmit={submit}>
      <ImageAttachments images={images} onChange={setImages} disabled={busy} />
      <div className="flex items-end gap-2">
        <AttachImageButton images={images} onChange={setImages} disabled={busy} />
        <label htmlFor="chat-input" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-input"
          data-testid="chat-input"
          autoFocus
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Message — try /slow or /fail"
          aria-describedby="chat-input-hint"
          className="field-sizing-content max-h-40 min-h-[46px] min-w-0 flex-1 resize-none rounded-xl border border-slate-300 bg-white px-3.5 py-2.5 text-[15px] shadow-sm outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200"
        />
        {busy ? (
          <button type="button" data-testid="stop-button" onClick={onStop} aria-label="Stop generating" className={`${button} bg-slate-800 text-white hover:bg-slate-700`}>
            <span aria-hidden className="h-2.5 w-2.5 rounded-[2px] bg-white" />
            Stop
          </button>
        ) : (
          <button
            type="submit"
            data-testid="send-button"
            disabled={text.trim() === ''}
            aria-label="Send message"
            className={`${button} bg-indigo-600 text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:bg-indigo-300`}
          >
            Send
          </button>
        )}
      </div>
      <p id="chat-input-hint" className="mt-1.5 hidden px-1 text-[11px] text-slate-400 sm:block">
        Enter to send · Shift+Enter for a new line
      </p>
    </form>
  );
}
