import { escapeHtml } from './escapeHtml.ts';

/**
 * Builds markup from a tagged template: every interpolated value is escaped unless it is Markup made by
 * this function (or `raw`, for constants of this module only). So no untrusted text can become markup by
 * forgetting a call: concatenation of unescaped strings has no way in.
 */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Markup | string | number | boolean | null | undefined | readonly Part[];

function piece(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return (v as readonly Part[]).map(piece).join('');
  return escapeHtml(v);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Markup(out);
}

/** Trusted constant markup (style sheets, SVG made from numbers): never pass user text here. */
export function raw(text: string): Markup {
  return new Markup(text);
}

export function join(parts: readonly Markup[], sep = ''): Markup {
  return new Markup(parts.map((p) => p.text).join(sep));
}
