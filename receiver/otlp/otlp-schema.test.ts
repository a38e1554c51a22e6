import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { otlpSchemaFromProtoFiles, otlpSchemaModule } from './write-otlp-schema.ts';

describe('otlp-schema.ts', () => {
  it('is exactly what write-otlp-schema.ts generates from the .proto files (regenerate on mismatch)', () => {
    const generated = otlpSchemaModule(otlpSchemaFromProtoFiles(import.meta.dirname));
    expect(readFileSync(path.join(import.meta.dirname, 'otlp-schema.ts'), 'utf8')).toBe(generated);
  });
});
