/** The report's stylesheet (inline: the report is one self-contained file). */
import { FINDING_TAG_COLOR } from '../i18n.ts';

/** The stylesheet, tag colours from the shared palette. */
export const REPORT_CSS = `
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
/* English in a Latin face first: a CJK face sets ’ and “ full width */
html[lang=en] body{font-family:system-ui,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #333;padding-bottom:.2em;margin-top:2em}h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
table.kv th{width:12em;background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}td.src{font-size:.85em;color:#555}
tr.miss td.sc{color:#c0392b;font-weight:bold}table.ind td:first-child,table.ind td.n{white-space:nowrap}tr.nodata{color:#999}
.score{display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}.big{text-align:center;border:2px solid #333;border-radius:8px;padding:.5em 1em;min-width:6em}
.big .num{font-size:2.4em;font-weight:bold}.rating.r-P{border-color:#2e7d32;color:#2e7d32}.rating.r-S{border-color:#9e9d24;color:#827717}.rating.r-M{border-color:#ef6c00;color:#ef6c00}.rating.r-U{border-color:#c62828;color:#c62828}
.groups{flex:1;min-width:300px}.bar{display:flex;align-items:center;gap:.5em;margin:.2em 0}.bar .name{width:11em}.bar .track{flex:1;background:#eee;height:.9em;border-radius:3px}.bar .fill{display:block;height:100%;background:#4e79a7;border-radius:3px}.bar .val{width:4em;text-align:right}
.findings li{margin:.4em 0}.tag{display:inline-block;font-size:.8em;padding:0 .5em;border-radius:3px;color:#fff}
.t-deficiency{background:${FINDING_TAG_COLOR.deficiency}}.t-rectify{background:${FINDING_TAG_COLOR.rectify}}.t-improve{background:${FINDING_TAG_COLOR.improve}}.fid{font-family:monospace;color:#555}
.legend{font-size:.85em;color:#444;margin:.3em 0 .8em}.legend span.tag{margin-right:.3em}.legend div{margin:.15em 0}.cite{font-size:.85em;color:#555}
figure.chart{margin:1em 0}figcaption{font-size:.9em;color:#444;text-align:center}.note{font-size:.85em;color:#555}code{background:#f3f3f3;padding:0 .3em}
@media print{h2{page-break-after:avoid}figure,svg{page-break-inside:avoid}}
`;
