// sentiment_gen.js - deterministic random sentences that pile VADER's rules
// on top of each other, for bench/sentiment-parity.
//
//   node sentiment_gen.js N SEED >stress.txt
//
// Words come from the lexicon, the booster and negation lists and the words
// the rules name, in random case, with random punctuation glued on, mixed
// with emoticons, emoji, non-ASCII letters, odd white space and (on some
// lines) bytes that are not UTF-8.
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const lex = fs.readFileSync(path.join(root,
  'vendor/npm/node_modules/vader-sentiment/vader_lexicon.txt'), 'utf8')
  .split('\n').filter(Boolean).map(l => l.split('\t')[0]);
const rules = ('absolutely very so really kinda sort-of kind-of barely hardly ' +
  'little less more most quite totally extremely not never no none nothing ' +
  "without isn't don't can't aint cannot nor despite rarely least at very " +
  'but BUT But kind of sort just enough the shit bomb bad ass yeah right cut ' +
  'mustard kiss death hand to mouth this So THIS NEVER Never KIND OF LEAST ' +
  "couldn't wouldn't doesn't uh-uh wasn't").split(' ');
const extra = ['\u212Aind', 'K\u212AIND', '\u0130', 'caf\u00e9', '\u00de',
  ':-\u00de', '\u{1F600}', '\u{1F622}', 'x', 'I', 'a', '!', '?', '...', '--',
  ':)', ':(', ':-)', ';)', '<3', 'lol', 'LOL', 'OK', 'ok', 'xd', 'XD',
  'good', 'GOOD', 'Good', 'bad', 'BAD', 'great', 'GREAT', 'love', 'hate',
  '\u00e9t\u00e9', '\u4e2d\u6587', '\u00a0', '\ufffd'];
const puncts = ['', '', '', '', '.', '!', '?', ',', ';', ':', '-', "'", '"',
  '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?', '!!!!', '(', ')',
  '...', '*', '#', '@', '~'];
const spaces = [' ', ' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\u3000',
  '\u2028', '\u0085', '\u200b', '\ufeff', '\u2003'];

let seed = Number(process.argv[3] || 1) >>> 0;
function rnd(n) { // xorshift32
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
}
function pick(a) { return a[rnd(a.length)]; }

function word() {
  const r = rnd(10);
  let w = r < 4 ? pick(lex) : r < 8 ? pick(rules) : pick(extra);
  const c = rnd(8);
  if (c === 0) w = w.toUpperCase();
  else if (c === 1) w = w.charAt(0).toUpperCase() + w.slice(1);
  const p = rnd(6);
  if (p === 0) w = pick(puncts) + w;
  else if (p === 1) w = w + pick(puncts);
  else if (p === 2) w = pick(puncts) + w + pick(puncts);
  return w;
}

const n = Number(process.argv[2] || 1000);
const out = [];
for (let i = 0; i < n; i++) {
  const len = 1 + rnd(14);
  let s = '';
  for (let k = 0; k < len; k++) s += (k ? pick(spaces) : '') + word();
  out.push(Buffer.from(s.replace(/\n/g, ' '), 'utf8'));
  if (rnd(20) === 0) // a line holding bytes that are not UTF-8
    out.push(Buffer.concat([Buffer.from(word() + ' '),
      Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82, 0x20, 0xf0, 0x9f, 0x98]),
      Buffer.from(' ' + word() + ' ' + word())]));
}
process.stdout.write(Buffer.concat(out.flatMap(b => [b, Buffer.from('\n')])));
