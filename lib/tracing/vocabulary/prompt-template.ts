/**
 * A prompt template with its variables and version, rendered the way Phoenix's Playground renders
 * mustache templates (`{{name}}`). Pure; Web APIs only.
 */
export interface PromptTemplate {
  /** The template text, with `{{variable}}` placeholders. */
  template: string;
  /** Values for every placeholder. */
  variables: Readonly<Record<string, string>>;
  /** Bump when the template text changes, so Phoenix can tell answers of each version apart. */
  version: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The template with its variables filled in; throws on a placeholder without a value (a programming error). */
export function renderPromptTemplate({ template, variables }: PromptTemplate): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`prompt template variable "${name}" has no value`);
    return value;
  });
}

/** The placeholder names of a template, in order of first appearance. */
export function templateVariableNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}
