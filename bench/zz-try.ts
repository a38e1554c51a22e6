import { measureTracingWork } from './tracing-work';
const t = Date.now();
console.log(JSON.stringify(await measureTracingWork({ turnsPerBatch: 50, repeats: 5, port: 4343 }), null, 1), Date.now() - t, 'ms');
process.exit(0);
