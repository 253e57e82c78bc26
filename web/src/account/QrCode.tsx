import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code drawn as SVG rectangles from the encoded matrix: no canvas, no data: URL, so
 * it works under the strict Content-Security-Policy and scales crisply.
 */
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const { count, path } = useMemo(() => {
    const code = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const data = code.modules.data;
    let d = '';
    for (let y = 0; y < n; y += 1) {
      for (let x = 0; x < n; x += 1) {
        if (data[y * n + x]) {
          d += `M${x + 4} ${y + 4}h1v1h-1z`;
        }
      }
    }
    return { count: n + 8, path: d };
  }, [value]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${count} ${count}`}
      shapeRendering="crispEdges"
    >
      <rect width={count} height={count} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
