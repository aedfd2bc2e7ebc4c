const p = JSON.parse(require('fs').readFileSync(process.argv[2]));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
p.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//,'').slice(0,70)}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k)||0) + dt[i]); total += dt[i]; });
// inclusive by package
const parent = new Map(); p.nodes.forEach(n => (n.children||[]).forEach(c => parent.set(c, n.id)));
const pkg = new Map();
p.samples.forEach((id, i) => { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const m = n.callFrame.url.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const k = m ? m[1] : (n.callFrame.url.includes('/dist/') ? 'app:' + n.callFrame.url.split('/dist/')[1].split('/').slice(0,3).join('/') : (n.callFrame.url ? 'node:' + n.callFrame.url.slice(0,30) : n.callFrame.functionName)); if (!seen.has(k)) { seen.add(k); pkg.set(k, (pkg.get(k)||0) + dt[i]); } cur = parent.get(cur); } });
console.log('total ms', (total/1000).toFixed(0));
console.log('--- self top');
[...self].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v]) => console.log((v/total*100).toFixed(1)+'%', k));
console.log('--- inclusive by package');
[...pkg].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v]) => console.log((v/total*100).toFixed(1)+'%', k));
