import neo4j from 'neo4j-driver';

/**
 * How Neo4j values cross into TypeScript, decided once: integers become numbers (an integer beyond
 * 2^53 is an error, never a silent rounding), temporal values become ISO strings, nodes and
 * relationships become their properties (plus labels or type), lists and maps are converted deeply.
 */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return bigToNumber(value);
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`integer ${value.toString()} is beyond 2^53`);
    return value.toNumber();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (neo4j.isNode(value)) {
    return { ...plainMap(value.properties), _labels: value.labels };
  }
  if (neo4j.isRelationship(value)) {
    return { ...plainMap(value.properties), _type: value.type };
  }
  if (neo4j.isPath(value)) {
    return value.segments.map((s) => toPlain(s.relationship));
  }
  if (neo4j.isPoint(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') return plainMap(value as Record<string, unknown>);
  return String(value);
}

function plainMap(obj: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}

function bigToNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`integer ${v.toString()} is beyond 2^53`);
  }
  return Number(v);
}

/** Integers we send are always Neo4j integers, so a number never becomes a float property by accident. */
export function toParam(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParam(v)]));
  }
  return value;
}
