import type { Template } from '../../shared/templates';

/** A template's zones drawn small, as a thumbnail in the gallery (decorative: the title says it). */
export function TemplatePreview({ template }: { template: Template }) {
  const zones = template.zones;
  if (zones.length === 0) {
    return (
      <svg className="template-preview" viewBox="0 0 160 100" aria-hidden="true">
        <rect x="2" y="2" width="156" height="96" rx="6" className="template-preview-board" />
        <rect x="50" y="30" width="22" height="22" rx="2" className="template-preview-note" />
        <rect x="80" y="40" width="22" height="22" rx="2" className="template-preview-note" />
      </svg>
    );
  }
  const minX = Math.min(...zones.map((z) => z.rect.x));
  const minY = Math.min(...zones.map((z) => z.rect.y));
  const maxX = Math.max(...zones.map((z) => z.rect.x + z.rect.w));
  const maxY = Math.max(...zones.map((z) => z.rect.y + z.rect.h));
  const pad = Math.max(maxX - minX, maxY - minY) * 0.03;
  return (
    <svg className="template-preview" viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      {zones.map((z, i) => (
        <rect key={i} x={z.rect.x} y={z.rect.y} width={z.rect.w} height={z.rect.h} rx={Math.min(z.rect.w, z.rect.h) * 0.04} className="template-preview-zone" vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
}
