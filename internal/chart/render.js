// Renders ECharts options to SVG strings on the server (ECharts SSR), and
// the same SVG to PNG with @resvg/resvg-js when asked.
// Protocol: one JSON object per line on stdin, {id, option, width, height,
// png} or {id, svg, width, height, png: true} (draw that SVG to PNG); one
// per line on stdout, {id, svg, png} (png is base64, only when asked) or
// {id, error}. The first line written is {ready, version, png}
// once echarts is loaded (png: whether resvg is there, or why not), or
// {fatal} if echarts cannot be loaded.
// argv[2] is the node_modules directory holding echarts; argv[3], a private
// folder where the Khmer web fonts are unpacked to TTF for resvg.
'use strict';
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const zlib = require('zlib');

// Only protocol lines go to stdout. What echarts prints while drawing a
// chart (an unknown series type, a bad component) makes that chart fail;
// anything printed otherwise goes to stderr.
let captured = null;
const capture = (...a) => {
  const s = a.map(String).join(' ');
  if (captured) captured.push(s);
  else process.stderr.write(s + '\n');
};
console.log = console.info = console.debug = console.warn = console.error = capture;
const send = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const modules = path.resolve(process.argv[2] || 'node_modules');
const req = createRequire(path.join(modules, 'prisonstats-render.js'));
let echarts;
let version = '';
try {
  echarts = req('echarts');
  version = req('echarts/package.json').version;
} catch (e) {
  send({ fatal: String((e && e.message) || e) });
  process.exit(1);
}

// woffToSfnt unpacks a WOFF 1.0 font (zlib-compressed tables) into the
// TrueType/OpenType file it was made from: resvg reads only TTF/OTF.
function woffToSfnt(w) {
  if (w.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = w.readUInt32BE(4);
  const n = w.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < n; i++) {
    const o = 44 + i * 20;
    const t = {
      tag: w.readUInt32BE(o), offset: w.readUInt32BE(o + 4), comp: w.readUInt32BE(o + 8),
      orig: w.readUInt32BE(o + 12), sum: w.readUInt32BE(o + 16),
    };
    const raw = w.subarray(t.offset, t.offset + t.comp);
    t.data = t.comp < t.orig ? zlib.inflateSync(raw) : raw;
    if (t.data.length !== t.orig) throw new Error('table size mismatch');
    tables.push(t);
  }
  let p2 = 1;
  let log = 0;
  while (p2 * 2 <= n) { p2 *= 2; log++; }
  let size = 12 + 16 * n;
  for (const t of tables) size += (t.orig + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(p2 * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(n * 16 - p2 * 16, 10);
  let at = 12 + 16 * n;
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    out.writeUInt32BE(t.tag, o);
    out.writeUInt32BE(t.sum, o + 4);
    out.writeUInt32BE(at, o + 8);
    out.writeUInt32BE(t.orig, o + 12);
    t.data.copy(out, at);
    at += (t.orig + 3) & ~3;
  });
  return out;
}

// PNG support: resvg with the system fonts (Debian: DejaVu; install
// fonts-noto-core or fonts-khmeros for more) plus, when the npm package
// @fontsource/noto-sans-khmer is installed, its Khmer and Latin faces in
// regular and bold, unpacked from WOFF to TTF into argv[3].
let Resvg = null;
let pngStatus = true;
const fontFiles = [];
try {
  Resvg = req('@resvg/resvg-js').Resvg;
} catch (e) {
  pngStatus = String((e && e.message) || e).split('\n')[0];
}
if (Resvg && process.argv[3]) {
  const dir = path.join(modules, '@fontsource', 'noto-sans-khmer', 'files');
  for (const subset of ['khmer', 'latin']) {
    for (const weight of ['400', '700']) {
      const name = `noto-sans-khmer-${subset}-${weight}-normal`;
      try {
        const woff = fs.readFileSync(path.join(dir, name + '.woff'));
        const file = path.join(process.argv[3], name + '.ttf');
        fs.writeFileSync(file, woffToSfnt(woff));
        fontFiles.push(file);
      } catch (e) {
        if (e.code !== 'ENOENT') process.stderr.write(`render.js: ${name}.woff: ${e.message}\n`);
      }
    }
  }
}

// PNG encoding: resvg-js's asPng compresses hard (4.4 ms of a 640x400
// chart's ~10); zlib at level 1 with no row filter takes 1.6 ms for a file
// of about the same size (~30 KB). The pixels are opaque (drawn on white),
// so straight and premultiplied RGBA are the same; anything else goes
// through asPng.
const crcTable = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  crcTable[n] = c;
}
function crc32(bufs) {
  let c = -1;
  for (const b of bufs) for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32([head.subarray(4), data]), 0);
  return [head, data, tail];
}
const pngSignature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
function encodePNG(w, h, px) {
  const stride = w * 4;
  const raw = Buffer.alloc((stride + 1) * h); // filter byte 0 (none) per row
  for (let y = 0; y < h; y++) px.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([pngSignature, ...pngChunk('IHDR', ihdr),
    ...pngChunk('IDAT', zlib.deflateSync(raw, { level: 1 })), ...pngChunk('IEND', Buffer.alloc(0))]);
}

// toPNG draws the SVG and refuses a blank picture (every pixel one
// colour: the SVG drew nothing resvg could see).
// resvg reads a font file again for every piece of text it lays out, so
// a drawing with no Khmer in it gets only the Latin faces (a third of the
// bytes): the Khmer faces would draw none of its characters anyway.
const khmerText = /[\u1780-\u17FF\u19E0-\u19FF]/;
function toPNG(svg) {
  const faces = khmerText.test(svg) ? fontFiles : fontFiles.filter((f) => !f.includes('-khmer-khmer-'));
  const r = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    // With the npm Noto Sans Khmer faces (Khmer and Latin) there is no
    // need to scan the system's fonts for every chart, which was most of
    // the time a PNG took.
    font: fontFiles.length >= 4 ? {
      loadSystemFonts: false,
      fontFiles: faces,
      sansSerifFamily: 'Noto Sans Khmer',
      defaultFontFamily: 'Noto Sans Khmer',
    } : {
      loadSystemFonts: true,
      fontFiles,
      sansSerifFamily: 'DejaVu Sans',
      defaultFontFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  const img = r.render();
  const px = img.pixels;
  let opaque = true;
  let blank = true;
  const r0 = px[0], g0 = px[1], b0 = px[2];
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] !== 255) opaque = false;
    if (px[i] !== r0 || px[i + 1] !== g0 || px[i + 2] !== b0 || px[i + 3] !== px[3]) blank = false;
  }
  if (blank) throw new Error('PNG: blank (every pixel is one colour)');
  const png = opaque ? encodePNG(img.width, img.height, px) : img.asPng();
  return png.toString('base64');
}

send({ ready: true, version, png: pngStatus, fonts: fontFiles.length });

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const instances = new Map();
rl.on('line', (line) => {
  let id = '';
  try {
    const m = JSON.parse(line);
    id = String(m.id);
    if (typeof m.svg === 'string') {
      // PNG of an SVG drawn before (Go's second pass, see RenderPNG).
      if (!Resvg) throw new Error('PNG: npm package @resvg/resvg-js not found (run `npm ci`): ' + pngStatus);
      send({ id, png: toPNG(m.svg) });
      return;
    }
    captured = [];
    // One chart instance per size, reused with notMerge (each option
    // replaces the last one whole): making a new one for every chart was
    // a fifth of the time. An instance that failed is dropped.
    const size = `${m.width}x${m.height}`;
    let chart = instances.get(size);
    if (!chart) {
      chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: m.width, height: m.height });
      instances.set(size, chart);
    }
    let ok = false;
    try {
      const option = m.option || {};
      option.animation = false;
      chart.setOption(option, { notMerge: true });
      const svg = chart.renderToSVGString();
      if (captured.length) {
        send({ id, error: captured.join('; ') });
      } else if (m.png) {
        if (!Resvg) throw new Error('PNG: npm package @resvg/resvg-js not found (run `npm ci`): ' + pngStatus);
        send({ id, svg, png: toPNG(svg) });
        ok = true;
      } else {
        send({ id, svg });
        ok = true;
      }
    } finally {
      if (!ok) {
        chart.dispose();
        instances.delete(size);
      }
    }
  } catch (e) {
    send({ id, error: String((e && e.message) || e) });
  } finally {
    captured = null;
  }
});
// stdin closes when Go calls Close, and also when the Go process dies
// without calling it (killed): then the script's private folder would be
// left behind, so node removes it itself.
rl.on('close', () => {
  const dir = path.dirname(path.resolve(process.argv[1]));
  if (path.basename(dir).startsWith('prisonstats-render-')) {
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch (e) { /* Go removes it too */ }
  }
  process.exit(0);
});
