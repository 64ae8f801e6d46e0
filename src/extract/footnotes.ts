/**
 * Footnotes as PDF and Word extraction leave them: a marker in the running text (`chuyên môn¹.`,
 * `chuyên môn1.`, `kinh tế 2⏎`, or the number alone on a line) and, later, the body: a line that opens
 * with the same number, dropped into the running text wherever the page ended. Markers are numbered in
 * order, which is what tells a marker from a number in the text.
 */
export type FootnoteMarker = { n: number; start: number; end: number };
export type FootnoteBody = { n: number; start: number; end: number; marker: FootnoteMarker };
export type Footnotes = { markers: FootnoteMarker[]; bodies: FootnoteBody[] };

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const supToNumber = (s: string) => Number([...s].map((c) => SUPERSCRIPT.indexOf(c)).join(''));

type Line = { start: number; end: number; text: string };

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

const BODY_START = /^(\s*)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,2})(?:\s+(\S.*))?$/u;
const UPPER_START = /^\s*[\p{Lu}“"(]/u;
const LONE_NUMBER = /^\s*(\d{1,2})\s*$/;
// A marker glued to a lower-case word or closing quote, or after a space at the end of a line.
const GLUED = /(?<=[\p{Ll}”")])(\d{1,2})(?=[\s.,;:]|$)/gu;
const SPACED_AT_EOL = /(?<=\p{Ll}[”")]?\s)(\d{1,2})\s*$/u;
const SUPER_RUN = /(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/gu;
/** Cheap tests that a line can hold a glued or end-of-line marker at all, before the full patterns run. */
const MAY_GLUE = /[\p{Ll}”")]\d/u;
const MAY_END = /\d\s*$/;

function nextNonBlank(lines: Line[], i: number): Line | undefined {
  for (let k = i + 1; k < lines.length; k++) if ((lines[k] as Line).text.trim() !== '') return lines[k];
  return undefined;
}

export function findFootnotes(text: string): Footnotes {
  const markers: FootnoteMarker[] = [];
  const bodies: FootnoteBody[] = [];
  if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹]|\d/.test(text)) return { markers, bodies };
  const lines = splitLines(text);
  const hasSuperscripts = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text);
  let expected = 1;
  const pending: FootnoteMarker[] = [];
  let body: { n: number; start: number; marker: FootnoteMarker } | undefined;

  const closeBody = (end: number) => {
    if (body) bodies.push({ n: body.n, start: body.start, end, marker: body.marker });
    body = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A body opens with the number of the oldest marker still waiting for one.
    const head = pending[0];
    const m = head ? BODY_START.exec(line.text) : null;
    if (head && m) {
      const raw = m[2] as string;
      const n = /\d/.test(raw) ? Number(raw) : supToNumber(raw);
      const rest = m[3];
      const follows =
        rest !== undefined ? UPPER_START.test(rest) : UPPER_START.test(nextNonBlank(lines, i)?.text ?? '');
      if (n === head.n && follows) {
        closeBody(line.start);
        pending.shift();
        body = { n, start: line.start + (m[1] as string).length, marker: head };
        if (rest !== undefined && /[.]\s*$/.test(line.text)) closeBody(line.end);
        continue;
      }
    }
    if (body) {
      // A body ends with the line that ends its last sentence.
      if (/[.]\s*$/.test(line.text)) closeBody(line.end);
      continue;
    }
    // Markers in the running text, in number order.
    if (!/\d/.test(line.text) && !hasSuperscripts) continue;
    const found: FootnoteMarker[] = [];
    if (hasSuperscripts)
      for (const s of line.text.matchAll(SUPER_RUN)) {
        found.push({
          n: supToNumber(s[1] as string),
          start: line.start + (s.index ?? 0),
          end: line.start + (s.index ?? 0) + (s[1] as string).length,
        });
      }
    if (MAY_GLUE.test(line.text))
      for (const g of line.text.matchAll(GLUED)) {
        found.push({
          n: Number(g[1]),
          start: line.start + (g.index ?? 0),
          end: line.start + (g.index ?? 0) + (g[1] as string).length,
        });
      }
    const eol = MAY_END.test(line.text) ? SPACED_AT_EOL.exec(line.text) : null;
    if (eol)
      found.push({
        n: Number(eol[1]),
        start: line.start + eol.index,
        end: line.start + eol.index + (eol[1] as string).length,
      });
    const lone = LONE_NUMBER.exec(line.text);
    if (lone && i > 0) {
      const prev = lines[i - 1] as Line;
      const next = nextNonBlank(lines, i);
      if (/[\p{L}”")]\s*$/u.test(prev.text) && next && /^\s*[\p{Ll}.,;:]/u.test(next.text)) {
        const at = line.start + line.text.indexOf(lone[1] as string);
        found.push({ n: Number(lone[1]), start: at, end: at + (lone[1] as string).length });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      if (f.n !== expected) continue;
      markers.push(f);
      pending.push(f);
      expected++;
    }
  }
  closeBody(text.length);
  return { markers, bodies };
}
