/** The report's only style sheet, inline (the CSP allows inline styles and nothing from the network). */
export const STYLES = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:2px;margin-top:28px}h3{font-size:15px;margin:14px 0 4px}
nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}thead th{background:#f3f3f3}
tr.flagged th,tr.flagged td{background:#fde8dc}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-radius:4px}
.verdict.drift{background:#fde8dc;color:#7a2800}.verdict.ok{background:#e3f1fa;color:#003b5c}
p.drift{color:#a33a00;font-weight:600}p.ok{color:#005a8c}
.kpis{display:flex;flex-wrap:wrap;gap:10px;margin:0}.kpis div{border:1px solid #ddd;border-radius:4px;padding:6px 10px;min-width:130px}
.kpis dt{font-size:12px;color:#555}.kpis dd{margin:0;font-size:16px;font-weight:600}
.grid{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #ddd;border-radius:4px;padding:4px 8px;break-inside:avoid}.card.drifted{border-color:#D55E00}
.card h3{margin:4px 0;font-size:13px;overflow-wrap:anywhere;max-width:300px}
svg text{font-size:10px;fill:#333}svg.chart text{font-size:11px}
.legend .swatch{display:inline-block;width:12px;height:12px;vertical-align:middle}
.note,.caption{color:#555;font-size:12px}
pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}
code{font-size:12px;overflow-wrap:anywhere}
caption{text-align:left;font-weight:600;padding:2px 0}
@media print{body{max-width:none;padding:0}nav{display:none}section{break-before:page}section#verdict{break-before:auto}.card,table,figure{break-inside:avoid}}
`
  .trim()
  .replace(/\n/g, '');
