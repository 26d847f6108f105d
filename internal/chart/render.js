// Renders ECharts options to SVG strings on the server (ECharts SSR).
// Protocol: one JSON object per line on stdin, {id, option, width, height};
// one per line on stdout, {id, svg} or {id, error}. The first line written
// is {ready, version} once echarts is loaded, or {fatal} if it cannot be.
// argv[2] is the node_modules directory holding echarts.
'use strict';
const { createRequire } = require('module');
const path = require('path');
const readline = require('readline');

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

let echarts;
let version = '';
try {
  const req = createRequire(path.join(path.resolve(process.argv[2] || 'node_modules'), 'prisonstats-render.js'));
  echarts = req('echarts');
  version = req('echarts/package.json').version;
} catch (e) {
  send({ fatal: String((e && e.message) || e) });
  process.exit(1);
}
send({ ready: true, version });

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  let id = '';
  try {
    const m = JSON.parse(line);
    id = String(m.id);
    captured = [];
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: m.width, height: m.height });
    try {
      const option = m.option || {};
      option.animation = false;
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      if (captured.length) send({ id, error: captured.join('; ') });
      else send({ id, svg });
    } finally {
      chart.dispose();
    }
  } catch (e) {
    send({ id, error: String((e && e.message) || e) });
  } finally {
    captured = null;
  }
});
rl.on('close', () => process.exit(0));
