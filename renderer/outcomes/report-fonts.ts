import regularUrl from '../../assets/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../assets/fonts/DejaVuSans-Bold.ttf?url';
import type { ReportFonts } from '../../shared/export/pdf-report';

/** The report's fonts, from the app's own files (bundled, cached for offline use by the service worker). */
export async function loadReportFonts(): Promise<ReportFonts> {
  const load = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`font ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([load(regularUrl), load(boldUrl)]);
  return { regular, bold };
}
