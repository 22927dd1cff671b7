// Procedural artwork as SVG strings: a face-like holder photo (no real face), pen signatures,
// guilloche security patterns, an emblem and a QR-like code. Everything derives from the Rng.
import type { Rng } from './rng';

const SKIN = ['#f1c9a5', '#e0ac69', '#c68642', '#8d5524', '#ffdbac', '#d7a27c', '#b57850'];
const HAIR = ['#1b1b1b', '#3b2a1e', '#6a4e33', '#a67b4f', '#d8c08a', '#777777', '#2d1a10'];
const SHIRT = ['#1f2f4f', '#ffffff', '#3a3a3a', '#5b6f8f', '#7a1f2b', '#2f4f3f', '#d9d9d9'];
const PHOTO_BG = ['#c8102e', '#d32f2f', '#1e4fa0', '#ffffff', '#e8e8e8', '#2d6cc0'];

export function faceSvg(r: Rng, w: number, h: number, gender: 'M' | 'F', age = 40): string {
  const skin = r.pick(SKIN);
  const hair = age > 62 ? r.pick(['#bbbbbb', '#dddddd', '#888888']) : r.pick(HAIR);
  const bg = r.pick(PHOTO_BG);
  const cx = w / 2 + r.float(-0.03, 0.03) * w;
  const headW = w * r.float(0.26, 0.32);
  const headH = headW * r.float(1.22, 1.38);
  const cy = h * 0.42;
  const eyeY = cy - headH * 0.08;
  const eyeDx = headW * 0.38;
  const shirt = r.pick(SHIRT);
  const longHair = gender === 'F' && r.bool(0.7);
  const parts: string[] = [];
  parts.push(`<rect width="${w}" height="${h}" fill="${bg}"/>`);
  if (longHair) {
    parts.push(
      `<path d="M${cx - headW * 1.25},${h * 0.78} Q${cx - headW * 1.3},${cy - headH * 1.2} ${cx},${cy - headH * 1.18} Q${cx + headW * 1.3},${cy - headH * 1.2} ${cx + headW * 1.25},${h * 0.78} Z" fill="${hair}"/>`,
    );
  }
  // Shoulders and neck.
  parts.push(
    `<path d="M0,${h} L0,${h * 0.9} Q${w * 0.12},${h * 0.74} ${cx - headW * 0.45},${h * 0.72} L${cx + headW * 0.45},${h * 0.72} Q${w * 0.88},${h * 0.74} ${w},${h * 0.9} L${w},${h} Z" fill="${shirt}"/>`,
    `<rect x="${cx - headW * 0.38}" y="${cy + headH * 0.6}" width="${headW * 0.76}" height="${h * 0.72 - cy - headH * 0.6 + 4}" fill="${skin}"/>`,
  );
  if (shirt === '#1f2f4f' || shirt === '#3a3a3a') {
    parts.push(
      `<path d="M${cx - headW * 0.4},${h * 0.72} L${cx},${h * 0.86} L${cx + headW * 0.4},${h * 0.72} Z" fill="#ffffff"/>`,
      `<path d="M${cx - headW * 0.08},${h * 0.76} L${cx + headW * 0.08},${h * 0.76} L${cx + headW * 0.1},${h * 0.95} L${cx},${h} L${cx - headW * 0.1},${h * 0.95} Z" fill="${r.pick(['#7a1f2b', '#203060', '#444'])}"/>`,
    );
  }
  // Ears, head.
  parts.push(
    `<ellipse cx="${cx - headW * 0.98}" cy="${eyeY + headH * 0.1}" rx="${headW * 0.12}" ry="${headH * 0.16}" fill="${skin}"/>`,
    `<ellipse cx="${cx + headW * 0.98}" cy="${eyeY + headH * 0.1}" rx="${headW * 0.12}" ry="${headH * 0.16}" fill="${skin}"/>`,
    `<ellipse cx="${cx}" cy="${cy}" rx="${headW}" ry="${headH}" fill="${skin}"/>`,
  );
  // Hair on top.
  const top = cy - headH;
  parts.push(
    `<path d="M${cx - headW * 1.02},${cy - headH * 0.15} Q${cx - headW * 1.05},${top - headH * 0.12} ${cx},${top - headH * 0.08} Q${cx + headW * 1.05},${top - headH * 0.12} ${cx + headW * 1.02},${cy - headH * 0.15} Q${cx + headW * 0.6},${top + headH * r.float(0.2, 0.35)} ${cx},${top + headH * 0.22} Q${cx - headW * 0.6},${top + headH * 0.3} ${cx - headW * 1.02},${cy - headH * 0.15} Z" fill="${hair}"/>`,
  );
  // Eyes, brows, nose, mouth.
  for (const s of [-1, 1]) {
    const ex = cx + s * eyeDx;
    parts.push(
      `<ellipse cx="${ex}" cy="${eyeY}" rx="${headW * 0.16}" ry="${headH * 0.05}" fill="#fafafa"/>`,
      `<circle cx="${ex}" cy="${eyeY}" r="${headH * 0.04}" fill="${r.pick(['#2b1d0e', '#3b5b7b', '#4b3b1b'])}"/>`,
      `<path d="M${ex - headW * 0.2},${eyeY - headH * 0.11} Q${ex},${eyeY - headH * 0.16} ${ex + headW * 0.2},${eyeY - headH * 0.1}" stroke="${hair}" stroke-width="${headH * 0.03}" fill="none"/>`,
    );
  }
  parts.push(
    `<path d="M${cx},${eyeY + headH * 0.05} L${cx - headW * 0.1},${cy + headH * 0.3} L${cx + headW * 0.08},${cy + headH * 0.32}" stroke="#00000040" stroke-width="${headH * 0.02}" fill="none"/>`,
    `<path d="M${cx - headW * 0.3},${cy + headH * 0.5} Q${cx},${cy + headH * r.float(0.52, 0.62)} ${cx + headW * 0.3},${cy + headH * 0.5}" stroke="#8a3b3b" stroke-width="${headH * 0.035}" fill="none"/>`,
  );
  if (gender === 'M' && r.bool(0.2)) {
    parts.push(
      `<path d="M${cx - headW * 0.7},${cy + headH * 0.3} Q${cx},${cy + headH * 1.25} ${cx + headW * 0.7},${cy + headH * 0.3} Q${cx},${cy + headH * 0.85} ${cx - headW * 0.7},${cy + headH * 0.3} Z" fill="${hair}" opacity="0.8"/>`,
    );
  }
  if (r.bool(0.25)) {
    for (const s of [-1, 1]) {
      parts.push(
        `<circle cx="${cx + s * eyeDx}" cy="${eyeY}" r="${headW * 0.24}" stroke="#222" stroke-width="${headH * 0.02}" fill="none"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" height="100%" preserveAspectRatio="none">${parts.join('')}</svg>`;
}

/** A random pen signature: a few loops and a flourish, as one SVG path. */
export function signatureSvg(r: Rng, w: number, h: number, color?: string): string {
  const ink = color ?? r.pick(['#0b1d5e', '#111111', '#1a2a80', '#222244']);
  const n = r.int(5, 9);
  let x = w * r.float(0.04, 0.12);
  const y = h * r.float(0.45, 0.65);
  let d = `M${x.toFixed(1)},${y.toFixed(1)}`;
  const step = (w * 0.78) / n;
  for (let i = 0; i < n; i++) {
    const nx = x + step * r.float(0.6, 1.3);
    const ny = h * r.float(0.3, 0.75);
    const c1x = x + step * r.float(-0.6, 0.8);
    const c1y = h * r.float(0.02, 0.98);
    const c2x = nx + step * r.float(-0.9, 0.3);
    const c2y = h * r.float(0.02, 0.98);
    d += ` C${c1x.toFixed(1)},${c1y.toFixed(1)} ${c2x.toFixed(1)},${c2y.toFixed(1)} ${nx.toFixed(1)},${ny.toFixed(1)}`;
    x = Math.min(nx, w * 0.95);
  }
  // Underline flourish.
  const fx = w * r.float(0.05, 0.3);
  const fy = h * r.float(0.72, 0.92);
  const flourish = `M${fx.toFixed(1)},${fy.toFixed(1)} Q${(w * 0.5).toFixed(1)},${(fy + h * r.float(-0.2, 0.1)).toFixed(1)} ${(w * r.float(0.75, 0.95)).toFixed(1)},${(fy - h * r.float(0, 0.25)).toFixed(1)}`;
  const sw = Math.max(1.2, h * r.float(0.025, 0.045));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" height="100%"><path d="${d}" stroke="${ink}" stroke-width="${sw.toFixed(2)}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>${r.bool(0.7) ? `<path d="${flourish}" stroke="${ink}" stroke-width="${(sw * 0.8).toFixed(2)}" fill="none" stroke-linecap="round"/>` : ''}</svg>`;
}

/** Guilloche-like security pattern: hypotrochoid rosettes and sine bands over a gradient. */
export function guillocheSvg(r: Rng, w: number, h: number, palette: readonly string[]): string {
  const [c0, c1, c2, c3] = [palette[0]!, palette[1]!, palette[2]!, palette[3] ?? palette[2]!];
  const parts: string[] = [];
  const gid = `g${r.int(1000, 9999)}`;
  parts.push(
    `<defs><linearGradient id="${gid}" x1="0" y1="0" x2="1" y2="${r.float(0.3, 1).toFixed(2)}"><stop offset="0" stop-color="${c0}"/><stop offset="0.55" stop-color="${c1}"/><stop offset="1" stop-color="${c0}"/></linearGradient>`,
    `<radialGradient id="${gid}r" cx="${r.float(0.3, 0.7).toFixed(2)}" cy="0.5" r="0.6"><stop offset="0" stop-color="#ffffff" stop-opacity="0.5"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#${gid})"/><rect width="${w}" height="${h}" fill="url(#${gid}r)"/>`,
  );
  // Rosettes.
  const rosettes = r.int(1, 3);
  for (let k = 0; k < rosettes; k++) {
    const cx = r.float(0.2, 0.85) * w;
    const cy = r.float(0.25, 0.75) * h;
    const R = r.float(0.18, 0.35) * h;
    const rr = R / r.int(3, 7) + r.float(0, 3);
    const dd = rr * r.float(1.2, 2.4);
    let d = '';
    const steps = 720;
    const turns = r.int(6, 14);
    for (let i = 0; i <= steps; i++) {
      const t = (i / steps) * 2 * Math.PI * turns;
      const x = cx + (R - rr) * Math.cos(t) + dd * Math.cos(((R - rr) / rr) * t);
      const y = cy + (R - rr) * Math.sin(t) - dd * Math.sin(((R - rr) / rr) * t);
      d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    }
    parts.push(`<path d="${d}" stroke="${k % 2 ? c2 : c3}" stroke-width="0.5" fill="none" opacity="0.55"/>`);
  }
  // Sine bands.
  const bands = r.int(10, 22);
  const amp = r.float(4, 14);
  const freq = r.float(2, 6);
  for (let b = 0; b < bands; b++) {
    const y0 = (b / bands) * h;
    let d = '';
    for (let x = 0; x <= w; x += 4) {
      const y = y0 + amp * Math.sin((x / w) * freq * 2 * Math.PI + b * 0.4);
      d += `${x === 0 ? 'M' : 'L'}${x},${y.toFixed(1)}`;
    }
    parts.push(`<path d="${d}" stroke="${c2}" stroke-width="0.4" fill="none" opacity="0.45"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" preserveAspectRatio="none">${parts.join('')}</svg>`;
}

/** A round emblem (stylised, not the real coat of arms). */
export function emblemSvg(r: Rng, size: number, color: string): string {
  const c = size / 2;
  const spikes = r.int(5, 9);
  let star = '';
  for (let i = 0; i < spikes * 2; i++) {
    const a = (i / (spikes * 2)) * 2 * Math.PI - Math.PI / 2;
    const rad = i % 2 === 0 ? size * 0.3 : size * 0.14;
    star += `${i === 0 ? 'M' : 'L'}${(c + rad * Math.cos(a)).toFixed(1)},${(c + rad * Math.sin(a)).toFixed(1)}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="100%" height="100%"><circle cx="${c}" cy="${c}" r="${size * 0.46}" fill="none" stroke="${color}" stroke-width="${size * 0.04}"/><circle cx="${c}" cy="${c}" r="${size * 0.38}" fill="none" stroke="${color}" stroke-width="${size * 0.015}"/><path d="${star}Z" fill="${color}"/></svg>`;
}

/** A QR-like module grid with finder squares (decorative; encodes nothing). */
export function qrSvg(r: Rng, modules = 25): string {
  const cells: string[] = [];
  const finder = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="7" height="7" fill="#000"/><rect x="${x + 1}" y="${y + 1}" width="5" height="5" fill="#fff"/><rect x="${x + 2}" y="${y + 2}" width="3" height="3" fill="#000"/>`;
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      const inFinder = (x < 8 && y < 8) || (x >= modules - 8 && y < 8) || (x < 8 && y >= modules - 8);
      if (!inFinder && r.bool(0.48)) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${modules + 2} ${modules + 2}" width="100%" height="100%" shape-rendering="crispEdges"><rect x="-1" y="-1" width="${modules + 2}" height="${modules + 2}" fill="#fff"/><g fill="#000">${cells.join('')}</g>${finder(0, 0)}${finder(modules - 7, 0)}${finder(0, modules - 7)}</svg>`;
}
