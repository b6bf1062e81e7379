// The join URL as a QR code, drawn in the browser as SVG (no image service: classrooms are often offline)
// and shown as an <img>, so nothing in it is ever parsed as page markup.
import QRCode from 'qrcode';

/**
 * A `data:image/svg+xml` URL of `text`'s QR code. Level M survives a smudged projector; black on white
 * whatever the page theme, since phone cameras read dark-on-light best.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
