// Reads the register with exceljs 4.4.0's streaming WorkbookReader (the way
// it reads large files without holding the workbook), every row's values.
const ExcelJS = require("exceljs");
(async () => {
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
  let n = 0, sum = 0;
  for await (const ws of wb) {
    for await (const row of ws) {
      n++;
      const v = row.values[8];
      if (typeof v === "number") sum += v;
    }
    break;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`exceljs rows=${n} checksum=${sum} seconds=${s.toFixed(3)}`);
})();
