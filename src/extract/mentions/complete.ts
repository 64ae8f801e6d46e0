import { fold, issuerCode } from '../codes.js';
import type { AliasDef, Mention, NumberMention } from './types.js';
import { shortKey } from './types.js';

/**
 * The resolve pass over the ordered mentions: a number without codes takes the symbol of the alias defined
 * before it (`(viết tắt Chỉ thị số 22)` … `Chỉ thị số 22`), else of the one full mention of that type and
 * number earlier in the text, else the one its issuer's code makes (`Chỉ thị 05 của Bộ Chính trị` →
 * 05-CT/TW); a short name takes what its alias stands for; the issuer written after the last of a list
 * belongs to all of it.
 */
export function completeShortForms(
  text: string,
  mentions: Mention[],
  aliases: readonly AliasDef[],
): Mention[] {
  const out: Mention[] = [];
  const earlier = new Map<string, Mention[]>();
  const aliasFor = aliasIndex(aliases);
  for (const m of mentions) {
    const done =
      m.kind === 'number' && m.symbol === null
        ? completeNumber(m, aliasFor, earlier)
        : completeName(m, aliasFor);
    out.push(done);
    if (done.kind === 'symbol' && done.number) {
      const key = shortKey(done.type, done.number);
      const list = earlier.get(key);
      if (list) list.push(done);
      else earlier.set(key, [done]);
    }
  }
  shareListIssuer(text, out);
  return out;
}

type AliasFor = (key: string, at: number) => AliasDef | undefined;

/** The last alias of a key defined before a position, by key and binary search (aliases come in text order). */
function aliasIndex(aliases: readonly AliasDef[]): AliasFor {
  const byKey = new Map<string, AliasDef[]>();
  for (const a of aliases) {
    const list = byKey.get(a.key);
    if (list) list.push(a);
    else byKey.set(a.key, [a]);
  }
  return (key, at) => {
    const list = byKey.get(key) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.end ?? Infinity) <= at) lo = mid + 1;
      else hi = mid;
    }
    return list[lo - 1];
  };
}

function completeNumber(m: NumberMention, aliasFor: AliasFor, earlier: Map<string, Mention[]>): Mention {
  const key = shortKey(m.type, m.number);
  const alias = aliasFor(key, m.start)?.target;
  const fits = (s: Mention) =>
    (!m.issuedOn || m.issuedOn === s.issuedOn) && (m.year === null || s.year === null || m.year === s.year);
  if (alias && alias.symbol !== null && fits(alias)) return copyFrom(m, alias, 'alias');
  const seen = (earlier.get(key) ?? []).filter(fits);
  const distinct = new Set(seen.map((s) => `${s.symbol}|${s.issuedOn ?? ''}`));
  const first = seen[0];
  if (first && distinct.size === 1) return copyFrom(m, first, 'earlier');
  if (m.issuer?.code && m.type !== 'CV') {
    const party = issuerCode(m.issuer.text)?.system === 'party';
    const symbol = party
      ? `${m.number}-${m.type}/${m.issuer.code}`
      : `${m.number}/${m.type}-${m.issuer.code}`;
    return { ...m, symbol, completedBy: 'issuer' };
  }
  return m;
}

function copyFrom(m: NumberMention, source: Mention, how: 'alias' | 'earlier'): NumberMention {
  return {
    ...m,
    symbol: source.symbol,
    parsed: source.parsed,
    completedBy: how,
    issuedOn: m.issuedOn ?? source.issuedOn,
    year: m.year ?? source.year,
    issuer: m.issuer ?? source.issuer,
  };
}

/** `(sau đây gọi là Luật Đất đai)`: later `Luật Đất đai` is the document named before, with its year or symbol. */
function completeName(m: Mention, aliasFor: AliasFor): Mention {
  if (m.kind !== 'name' || m.year !== null) return m;
  const target = aliasFor(`name:${fold(m.name)}`, m.start)?.target;
  if (!target || target === m) return m;
  if (target.symbol !== null && target.number !== null) {
    return {
      ...m,
      kind: 'number',
      name: null,
      number: target.number,
      symbol: target.symbol,
      parsed: target.parsed,
      completedBy: 'alias',
      year: target.year,
      issuedOn: target.issuedOn,
      issuer: m.issuer ?? target.issuer,
    };
  }
  return { ...m, name: target.name ?? m.name, year: target.year, issuedOn: m.issuedOn ?? target.issuedOn };
}

/** `Quyết định số 217-QĐ/TW; Quyết định số 218-QĐ/TW của Bộ Chính trị`: the issuer closes the whole list. */
function shareListIssuer(text: string, mentions: Mention[]): void {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const next = mentions[i + 1] as Mention;
    if (m.issuer || m.subject || !next.issuer || next.type !== m.type) continue;
    if (m.kind === 'name' || next.kind === 'name') continue;
    if (/^\s*[,;]?\s*(?:và\s*)?$/u.test(text.slice(m.tailEnd, next.start))) m.issuer = next.issuer;
  }
}
