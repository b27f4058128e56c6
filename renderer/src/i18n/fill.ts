// A translated template filled in without i18next: for labels repeated many times in one render (the options of a
// step list, a diagram's nodes), where a translation call per label costs more than the rest of the render.

/** `template` with each `{{name}}` replaced by `values[name]` (left as it is when there is no such value). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole));
}
