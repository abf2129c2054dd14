import { z } from 'zod';

/** Words a template shows, in every language the app ships. */
export const localText = z.object({ en: z.string().trim().min(1), pl: z.string().trim().min(1) }).strict();
const optionalText = z.object({ en: z.string().trim(), pl: z.string().trim() }).strict();

/** Where templates may draw: the notes' own world, starting at the origin. */
export const TEMPLATE_EXTENT = 12_000;

const rect = z
  .object({ x: z.number().int().min(0), y: z.number().int().min(0), w: z.number().int().min(120), h: z.number().int().min(120) })
  .strict()
  .refine((r) => r.x + r.w <= TEMPLATE_EXTENT && r.y + r.h <= TEMPLATE_EXTENT, { message: 'zone reaches past the template extent' });

export const templateZone = z.object({ label: localText, prompt: optionalText, rect }).strict();

export const template = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    title: localText,
    description: localText,
    kind: z.enum(['free', 'canvas']),
    zones: z.array(templateZone).max(60),
  })
  .strict()
  .refine((t) => t.kind === 'free' || t.zones.length > 0, { message: 'a canvas needs zones' })
  .refine((t) => new Set(t.zones.map((zone) => zone.label.en)).size === t.zones.length, { message: 'zone labels must differ' });

export type LocalText = z.infer<typeof localText>;
export type TemplateZone = z.infer<typeof templateZone>;
export type Template = z.infer<typeof template>;

/** Checks a template as data from anywhere (a file, the session, the device); throws a readable error. */
export function parseTemplate(value: unknown): Template {
  const result = template.safeParse(value);
  if (!result.success) throw new Error(`Invalid template: ${z.prettifyError(result.error)}`);
  return result.data;
}
