// Backgrounds for the photo and webcam tiers, drawn by Chromium from HTML/CSS/SVG: a cluttered desk
// and a room behind a person holding the document up.
import type { Rng } from './rng';

const WOODS = [
  ['#8b5a2b', '#a0522d', '#7a4a22'],
  ['#c19a6b', '#b08a5b', '#d2aa7a'],
  ['#5c4033', '#6b4a3a', '#4e3629'],
  ['#d9d4cc', '#cfc9bf', '#e2ddd5'],
  ['#3a3d42', '#44474d', '#33363b'],
  ['#e8e2d0', '#ddd6c2', '#f0ead8'],
] as const;

function turbulence(r: Rng, opacity: number, freq: number): string {
  return `<svg style="position:absolute;inset:0;width:100%;height:100%;opacity:${opacity}" xmlns="http://www.w3.org/2000/svg"><filter id="t"><feTurbulence type="fractalNoise" baseFrequency="${freq.toFixed(3)} ${(freq * r.float(0.05, 1)).toFixed(3)}" numOctaves="3" seed="${r.int(1, 999)}"/><feColorMatrix type="saturate" values="0"/></filter><rect width="100%" height="100%" filter="url(#t)"/></svg>`;
}

function objectsHtml(r: Rng, W: number, H: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = r.float(-0.1, 0.95) * W;
    const y = r.float(-0.1, 0.95) * H;
    const rot = r.float(-60, 60);
    const s = Math.min(W, H);
    const kind = r.pick(['pen', 'mug', 'paper', 'phone', 'note', 'keyboard', 'coin', 'clip']);
    const base = `position:absolute;left:${x.toFixed(0)}px;top:${y.toFixed(0)}px;transform:rotate(${rot.toFixed(1)}deg);`;
    switch (kind) {
      case 'pen':
        out.push(
          `<div style="${base}width:${(s * 0.35).toFixed(0)}px;height:${(s * 0.018).toFixed(0)}px;border-radius:${s * 0.01}px;background:linear-gradient(#fff6,#0003),${r.pick(['#1d3fbb', '#111', '#c22', '#eee', '#2a7'])};box-shadow:3px 4px 6px #0006"></div>`,
        );
        break;
      case 'mug': {
        const d = s * r.float(0.18, 0.26);
        out.push(
          `<div style="${base}width:${d.toFixed(0)}px;height:${d.toFixed(0)}px;border-radius:50%;background:radial-gradient(circle at 50% 50%, #3b2314 0 55%, ${r.pick(['#fff', '#d33', '#246', '#eee8d0'])} 57% 100%);box-shadow:6px 8px 14px #0007"></div>`,
        );
        break;
      }
      case 'paper': {
        const w = s * r.float(0.35, 0.55);
        const lines = Array.from(
          { length: r.int(6, 14) },
          () =>
            `<div style="margin:${(w * 0.035).toFixed(0)}px ${(w * 0.08).toFixed(0)}px;height:${(w * 0.012).toFixed(1)}px;width:${r.int(40, 90)}%;background:#8887"></div>`,
        ).join('');
        out.push(
          `<div style="${base}width:${w.toFixed(0)}px;height:${(w * 1.41).toFixed(0)}px;background:#fbfbf6;box-shadow:2px 3px 8px #0005;padding-top:${(w * 0.1).toFixed(0)}px">${lines}</div>`,
        );
        break;
      }
      case 'phone':
        out.push(
          `<div style="${base}width:${(s * 0.16).toFixed(0)}px;height:${(s * 0.33).toFixed(0)}px;border-radius:${(s * 0.02).toFixed(0)}px;background:linear-gradient(135deg,#333,#0b0b0b 60%,#222);border:${(s * 0.006).toFixed(0)}px solid #555;box-shadow:4px 6px 10px #0008"></div>`,
        );
        break;
      case 'note':
        out.push(
          `<div style="${base}width:${(s * 0.15).toFixed(0)}px;height:${(s * 0.15).toFixed(0)}px;background:${r.pick(['#fff27a', '#ffb3c7', '#a6e3ff', '#b8f5a1'])};box-shadow:2px 3px 5px #0004;font:${(s * 0.02).toFixed(0)}px 'DejaVu Sans';color:#335;padding:6px">${r.pick(['call back', 'meeting 10:00', 'todo', 'bayar listrik', 'rapat'])}</div>`,
        );
        break;
      case 'keyboard': {
        const w = s * 0.7;
        const keys = Array.from(
          { length: 48 },
          () => `<div style="background:#2b2b2b;border-radius:3px;box-shadow:inset 0 -2px #111"></div>`,
        ).join('');
        out.push(
          `<div style="${base}width:${w.toFixed(0)}px;height:${(w * 0.3).toFixed(0)}px;background:#3a3a3a;border-radius:8px;padding:8px;display:grid;grid-template-columns:repeat(12,1fr);gap:4px;box-shadow:4px 6px 12px #0007">${keys}</div>`,
        );
        break;
      }
      case 'coin': {
        const d = s * r.float(0.04, 0.07);
        out.push(
          `<div style="${base}width:${d.toFixed(0)}px;height:${d.toFixed(0)}px;border-radius:50%;background:radial-gradient(circle at 35% 35%,#f5e6a8,#b8962e);box-shadow:2px 2px 3px #0006"></div>`,
        );
        break;
      }
      default:
        out.push(
          `<div style="${base}width:${(s * 0.08).toFixed(0)}px;height:${(s * 0.025).toFixed(0)}px;border:3px solid #aaa;border-radius:10px"></div>`,
        );
    }
  }
  return out.join('');
}

export function deskHtml(r: Rng, W: number, H: number): string {
  const wood = r.pick(WOODS);
  const grainAngle = r.float(-10, 10) + (r.bool() ? 0 : 90);
  const stripes = Array.from({ length: 8 }, (_, i) => `${wood[i % 3]} ${i * r.int(6, 14)}px`).join(',');
  return `<!doctype html><html><body style="margin:0;width:${W}px;height:${H}px;overflow:hidden;position:relative;background:repeating-linear-gradient(${grainAngle.toFixed(1)}deg,${stripes})">
    ${turbulence(r, r.float(0.15, 0.35), r.float(0.004, 0.03))}
    ${objectsHtml(r, W, H, r.int(3, 7))}
  </body></html>`;
}

export function roomHtml(r: Rng, W: number, H: number): string {
  const wall = r.pick(['#d8d2c4', '#c9d3da', '#e4ddd0', '#b8c2b0', '#9a9a9a', '#ece9e4']);
  const winX = r.float(0, 0.7) * W;
  const skin = r.pick(['#e0ac69', '#c68642', '#f1c9a5', '#8d5524']);
  const shirt = r.pick(['#234', '#722', '#555', '#2a5a3a', '#ddd']);
  return `<!doctype html><html><body style="margin:0;width:${W}px;height:${H}px;overflow:hidden;position:relative;background:linear-gradient(${r.float(0, 180).toFixed(0)}deg, ${wall}, #6a6a6a)">
    <div style="position:absolute;left:${winX.toFixed(0)}px;top:${(H * 0.05).toFixed(0)}px;width:${(W * 0.25).toFixed(0)}px;height:${(H * 0.45).toFixed(0)}px;background:linear-gradient(#f8fbff,#cfe3f5);border:${(W * 0.01).toFixed(0)}px solid #eee;filter:blur(6px)"></div>
    <div style="position:absolute;left:${(W * 0.3).toFixed(0)}px;top:${(H * 0.12).toFixed(0)}px;width:${(W * 0.4).toFixed(0)}px;height:${(H * 1.1).toFixed(0)}px;border-radius:45% 45% 0 0;background:${shirt};filter:blur(5px);top:${(H * 0.55).toFixed(0)}px"></div>
    <div style="position:absolute;left:${(W * 0.4).toFixed(0)}px;top:${(H * 0.12).toFixed(0)}px;width:${(W * 0.2).toFixed(0)}px;height:${(H * 0.5).toFixed(0)}px;border-radius:50%;background:${skin};filter:blur(5px)"></div>
    <div style="position:absolute;left:0;right:0;top:${(H * 0.8).toFixed(0)}px;height:${(H * 0.04).toFixed(0)}px;background:#5a4a3a;filter:blur(3px)"></div>
    ${turbulence(r, 0.12, 0.02)}
  </body></html>`;
}
