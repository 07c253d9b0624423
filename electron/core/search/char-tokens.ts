// One token per Chinese character for the short-query index: «出口退税» → «出 口 退 税». Latin words and numbers
// stay whole. A query of one or two characters is then the phrase of its characters.
const HAN = /(\p{Script=Han})/gu;

export function charTokens(text: string): string {
  return text.replace(HAN, ' $1 ').replace(/\s+/gu, ' ').trim();
}

export function charPhrase(term: string): string {
  return `"${charTokens(term).replace(/"/gu, '""')}"`;
}
