'use client';

import type { FileUIPart } from 'ai';
import { useId, useRef, useState } from 'react';

export interface Attachment {
  file: FileUIPart;
}

/** Same limits as the chat route's schema: four images of up to ~1.5 MB. */
const MAX_IMAGES = 4;
const MAX_BYTES = 1_500_000;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

type Props = { images: Attachment[]; onChange: (images: Attachment[]) => void; disabled: boolean };

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** The 📎 button: picks images, checks type and size, reads them as data URLs. */
export function AttachImageButton({ images, onChange, disabled }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [problem, setProblem] = useState('');
  const add = async (files: FileList | null) => {
    setProblem('');
    const picked = [...(files ?? [])];
    const rejected = picked.find((file) => !TYPES.includes(file.type) || file.size > MAX_BYTES);
    if (rejected) setProblem(`${rejected.name}: only PNG, JPEG, GIF or WebP up to 1.5 MB`);
    const accepted = picked.filter((file) => TYPES.includes(file.type) && file.size <= MAX_BYTES).slice(0, MAX_IMAGES - images.length);
    const read = await Promise.all(
      accepted.map(async (file) => ({ file: { type: 'file' as const, mediaType: file.type, filename: file.name, url: await readAsDataUrl(file) } })),
    );
    onChange([...images, ...read]);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <input
        ref={input}
        id={id}
        data-testid="attach-image-input"
        type="file"
        accept={TYPES.join(',')}
        multiple
        className="sr-only"
        onChange={(event) => void add(event.target.files)}
        disabled={disabled || images.length >= MAX_IMAGES}
      />
      <label
        htmlFor={id}
        data-testid="attach-image"
        title={problem || 'Attach images'}
        aria-label="Attach images"
        className={`inline-flex h-[46px] shrink-0 cursor-pointer items-center justify-center rounded-xl border px-2.5 text-xs font-medium text-slate-600 shadow-sm ${problem ? 'border-red-300 bg-red-50' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
      >
        + Image
      </label>
      {problem ? (
        <span role="alert" data-testid="attach-error" className="sr-only">
          {problem}
        </span>
      ) : null}
    </>
  );
}

/** Thumbnails of the images about to be sent, each removable. */
export function ImageAttachments({ images, onChange, disabled }: Props) {
  if (images.length === 0) return null;
  return (
    <ul aria-label="Attached images" className="mb-2 flex flex-wrap gap-2">
      {images.map(({ file }, i) => (
        <li key={i} data-testid="attachment" className="relative">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local data URL */}
          <img src={file.url} alt={file.filename ?? 'attached image'} className="h-14 w-14 rounded-lg border border-slate-200 object-cover" />
          <button
            type="button"
            disabled={disabled}
            aria-label={`Remove ${file.filename ?? 'image'}`}
            onClick={() => onChange(images.filter((_, j) => j !== i))}
            className="absolute -right-1.5 -top-1.5 h-5 w-5 rounded-full bg-slate-700 text-xs leading-5 text-white"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
