import fs from 'node:fs';
import path from 'node:path';
import { issueNumberText, itemOrdinals, partOrdinal, sectionOrdinal } from '../../shared/newsletter-constants';
import type { Casebook } from '../core/casebook-open';
import { getNewsletter, listNewsletters } from '../core/newsletter/repo-reads';
import { optionString, positiveInt, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './main';
import { formatTable } from './table';

// The 《自贸动态》 commands: import an issue's text, list and show issues, export one to Word.
// The import (file readers, zod) and the export (the .docx writer) load with their commands: `list` and `show`
// start as light as `list batches` (issue 13).
export async function runNewsletterCommand(book: Casebook, args: ParsedArgs): Promise<CommandResult> {
  const { db } = book;
  const [, sub, target] = args.words;
  switch (sub) {
    case 'import': {
      if (!target) throw new UsageError('newsletter import 需要一个文件');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(target);
      } catch {
        throw new UsageError(`无法读取文件：${target}`);
      }
      const { newsletter: n, warnings } = await (await import('../core/newsletter/import')).importNewsletterFile(db, bytes, path.basename(target));
      const items = n.sections.reduce((k, s) => k + s.items.length, 0);
      return {
        data: { id: n.id, number: n.number, date: n.date, sections: n.sections.map((s) => s.name), items, warnings },
        text: [`已导入 ${issueNumberText(n.number)}（ID ${n.id}，${n.date}）：${n.sections.length} 个栏目，${items} 篇`, ...warnings.map((w) => `  警告：${w}`)].join('\n'),
      };
    }
    case 'list': {
      const rows = listNewsletters(db, optionString(args, 'query') ?? '').map((r) => ({ id: r.id, number: r.number, date: r.date, sections: r.sections, items: r.itemCount }));
      return { data: rows, text: formatTable(['ID', '期号', '日期', '栏目', '篇数'], rows.map((r) => [r.id, issueNumberText(r.number), r.date, r.sections.join('、'), r.items])) };
    }
    case 'show': {
      const n = getNewsletter(db, positiveInt(target, '期 ID'));
      const ordinals = itemOrdinals(n.sections);
      const lines = ['自贸动态', issueNumberText(n.number), [n.sponsor && `主办：${n.sponsor}`, n.editor && `编辑：${n.editor}`, n.date].filter(Boolean).join('　')];
      n.sections.forEach((s, si) => {
        lines.push('', `${sectionOrdinal(si)}${s.name}`);
        s.items.forEach((item, ii) => {
          lines.push(`${ordinals[si]![ii]!}${item.title}${item.unitName ? `　［${item.unitName}］` : ''}`);
          item.paragraphs.forEach((p, pi) => lines.push(pi === 0 && /电$/u.test(item.credit) ? `${item.credit}　${p}` : p));
          item.parts.forEach((part, pi) => lines.push(`${partOrdinal(pi)}${part.heading}`, ...part.paragraphs));
          if (item.credit && !/电$/u.test(item.credit)) lines.push(`（${item.credit}）`);
        });
      });
      const data = { ...n, sections: n.sections.map((s, si) => ({ ...s, items: s.items.map((i, ii) => ({ ordinal: ordinals[si]![ii]!, ...i })) })) };
      return { data, text: lines.join('\n') };
    }
    case 'export': {
      const id = positiveInt(target, '期 ID');
      const docx = optionString(args, 'docx');
      if (!docx) throw new UsageError('newsletter export 需要 --docx 文件');
      const fonts = optionString(args, 'fonts');
      if (fonts !== undefined && fonts !== 'gb' && fonts !== 'system') throw new UsageError(`--fonts 应为 gb 或 system：${fonts}`);
      const t0 = performance.now();
      const built = await (await import('../core/newsletter/exports')).buildNewsletterDocx(db, id, { fonts });
      const { writeFileAtomic } = await import('../core/export/service'); // docx stays out of every start (issue 13)
      writeFileAtomic(docx, built.bytes);
      const data = { path: path.resolve(docx), bytes: built.bytes.length, tookMs: Math.round(performance.now() - t0), warnings: built.warnings };
      return { data, text: [`已导出：${data.path}（${Math.round(data.bytes / 1024)} KB）`, ...built.warnings.map((w) => `  注意：${w}`)].join('\n') };
    }
    default:
      throw new UsageError('newsletter 后应为 import、list、show 或 export');
  }
}
