// Reads the register with SheetJS (xlsx 0.18.5) the usual way: readFile,
// then every row of the first sheet as an array of raw values.
const XLSX = require("xlsx");
const t0 = process.hrtime.bigint();
const wb = XLSX.readFile(process.argv[2], { dense: true, cellDates: false, cellNF: false, cellText: false });
const ws = wb.Sheets[wb.SheetNames[0]];
const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: "" });
let n = 0, sum = 0;
for (const r of rows) { n++; const v = r[7]; if (typeof v === "number") sum += v; }
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`sheetjs rows=${n} checksum=${sum} seconds=${s.toFixed(3)}`);
