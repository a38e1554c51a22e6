#!/usr/bin/env node
// Fails at once, in one line, on a Node that cannot run this project (before any build starts):
// the receiver, the benchmark and the tests run TypeScript through Node's type stripping (>= 22.18).
// Written in plain, old JavaScript so that it runs on any Node a newcomer may have.
var REQUIRED = [22, 18];
var found = process.versions.node.split('.').map(Number);
var ok = found[0] > REQUIRED[0] || (found[0] === REQUIRED[0] && found[1] >= REQUIRED[1]);
if (!ok) {
  console.error(
    'traced-chat needs Node >= ' + REQUIRED.join('.') + ' (24 recommended); this is Node ' + process.version +
      ' (' + process.execPath + '). Install Node 24 (e.g. `nvm install 24` or `npm install -g node@24`) and run the command again.',
  );
  process.exit(1);
}
