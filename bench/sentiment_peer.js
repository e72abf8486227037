// sentiment_peer.js - the npm peer vader-sentiment@1.1.3 side of
// bench/sentiment-parity.
//
//   node sentiment_peer.js score FILE    one input per line -> "neg neu pos compound"
//   node sentiment_peer.js truth FILE    "id TAB mean TAB text" rows -> "mean TAB compound"
//   node sentiment_peer.js speed FILE    time scoring every line; prints
//                                        "lines bytes seconds"
// FILE is read as UTF-8 (invalid bytes become U+FFFD) and split on "\n".
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const vader = require(path.join(root,
  'vendor/npm/node_modules/vader-sentiment'));
const sia = vader.SentimentIntensityAnalyzer;

function lines(file) {
  const t = fs.readFileSync(file, 'utf8');
  const l = t.split('\n');
  if (l.length && l[l.length - 1] === '') l.pop();
  return l;
}

function fmt(s) {
  return [s.neg.toFixed(3), s.neu.toFixed(3), s.pos.toFixed(3),
          s.compound.toFixed(4)].join('\t').replace(/-0\.0000$/, '0.0000');
}

const [mode, file] = process.argv.slice(2);
const out = [];
if (mode === 'score') {
  for (const l of lines(file)) out.push(fmt(sia.polarity_scores(l)));
} else if (mode === 'truth') {
  for (const l of lines(file)) {
    const f = l.split('\t');
    if (f.length < 3) continue;
    const text = f.slice(2).join('\t');
    out.push(f[1] + '\t' + sia.polarity_scores(text).compound.toFixed(4));
  }
} else if (mode === 'speed') {
  const ls = lines(file);
  const bytes = ls.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  let reps = 0, t0 = process.hrtime.bigint(), t;
  do {
    for (const l of ls) sia.polarity_scores(l);
    reps++;
    t = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (t < 2.0);
  out.push(`${ls.length * reps}\t${bytes * reps}\t${t.toFixed(6)}`);
} else {
  process.stderr.write('usage: sentiment_peer.js score|truth|speed FILE\n');
  process.exit(2);
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
