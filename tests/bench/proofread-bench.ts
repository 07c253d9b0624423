import fs from 'node:fs';
import { checkText } from '../../electron/core/proofread/text-rules';
import type { Figure } from './run';
import { median, round, SEED } from './run';

// The proofreader on one 100,000-character paragraph (pasted whole): ordinary text, and the inputs that made the
// former rules quadratic (a long run of Chinese before a bracket, runs of brackets and spaces).
export function proofreadBench(): Figure[] {
  const N = 100_000;
  const inputs: [string, string][] = [
    ['the seed circular', fs.readFileSync(SEED, 'utf8').repeat(4).slice(0, N)],
    ['one run of Chinese and 〔2023〕', `${'汉'.repeat(N - 12)}〔2023〕 5号`],
    ['mixed faults (dates, 文号, brackets, spaces)', 'a(b)c 2023 年 01 月 5 日 黑自贸工办函[2023]第05号 ,中'.repeat(N / 40).slice(0, N)],
    ['half-width brackets only', '('.repeat(N)],
  ];
  return inputs.map(([what, text]) => {
    checkText(text); // warm-up
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      checkText(text);
      t.push(performance.now() - t0);
    }
    return { name: `proofread 100,000 characters: ${what}`, value: round(median(t)), unit: 'ms', target: 100 };
  });
}
