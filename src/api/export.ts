import ExcelJS from 'exceljs';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { vnDate } from '../graph/label.js';

/**
 * GET /xuat/trien-khai.csv?ref=… and .xlsx (issue 14): who carried out a directive, as a table for
 * Excel. The rows are read through the API itself — implementersPage, every page, in process, with the
 * caller's Authorization — so the export passes the same token, limits and guards as any query.
 */

/** The export's columns, as the staff name them. */
export const COLUMNS = [
  'Đơn vị',
  'Cấp',
  'Văn bản của đơn vị',
  'Quan hệ',
  'Qua văn bản',
  'Trích dẫn',
  'Ngày đầu',
  'Ngày cuối',
] as const;
const RELATION_WORDS: Record<string, string> = { IMPLEMENTS: 'thực hiện', REPORTS_ON: 'báo cáo' };

// The API's cost limit (armor) refuses a page of units with all their evidence in one operation (9,294 of
// 5,000 for the columns here): each page is read in four operations of the same cursor, each within it, and
// zipped back together by position (a page is the same units in the same order each time).
const DOCUMENT = 'query($ref: String!) { document(ref: $ref) { symbol label } }';
const PAGE = (fields: string) =>
  `query($ref: String!, $after: String) { implementersPage(directive: $ref, first: 100, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`;
const PARTS = [
  'unit { name level } firstOn lastOn',
  'via { relation quote }',
  'via { document { label } }',
  'via { through { label } }',
].map(PAGE);

const docData = z.object({
  document: z.object({ symbol: z.string().nullable(), label: z.string() }).nullable(),
});
const edges = <S extends z.ZodType>(node: S) =>
  z.object({
    implementersPage: z.object({
      edges: z.array(z.object({ node })),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  });
const label = z.object({ label: z.string() });
const units = edges(
  z.object({
    unit: z.object({ name: z.string(), level: z.string().nullable() }),
    firstOn: z.string().nullable(),
    lastOn: z.string().nullable(),
  }),
);
const vias = edges(
  z.object({ via: z.array(z.object({ relation: z.string(), quote: z.string().nullable() })) }),
);
const docs = edges(z.object({ via: z.array(z.object({ document: label })) }));
const throughs = edges(z.object({ via: z.array(z.object({ through: label })) }));

export type ExportRow = {
  unit: string;
  level: string;
  document: string;
  relation: string;
  through: string;
  quote: string;
  firstOn: string | null;
  lastOn: string | null;
};
type GqlError = { message: string; extensions?: { code?: string } };
type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** A failed GraphQL answer as the export's own: the API's error and an HTTP status that says its kind. */
class Refused {
  constructor(
    readonly status: number,
    readonly errors: GqlError[],
  ) {}
}
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, LIMIT: 429, TIMEOUT: 503 };

/** One operation through the API, its data; its errors as the export's answer. */
async function operation(fetcher: Fetcher, auth: string | null, query: string, variables: object) {
  const res = await fetcher('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: GqlError[] };
  if (body.errors?.length) {
    const code = body.errors[0]?.extensions?.code ?? '';
    throw new Refused(STATUS[code] ?? (res.status >= 500 ? 500 : 400), body.errors);
  }
  return body.data;
}

/** One page of units, each with its evidence: the four parts of the page read and put together. */
async function pageRows(fetcher: Fetcher, auth: string | null, ref: string, after: string | null) {
  const run = (i: number) => operation(fetcher, auth, PARTS[i] as string, { ref, after });
  const [u, v, d, t] = await Promise.all([0, 1, 2, 3].map(run));
  const a = units.parse(u).implementersPage;
  const vs = vias.parse(v).implementersPage.edges;
  const ds = docs.parse(d).implementersPage.edges;
  const ts = throughs.parse(t).implementersPage.edges;
  const rows: ExportRow[] = a.edges.flatMap(({ node: i }, n) =>
    (vs[n]?.node.via ?? []).map((e, k) => ({
      unit: i.unit.name,
      level: i.unit.level ?? '',
      document: ds[n]?.node.via[k]?.document.label ?? '',
      relation: RELATION_WORDS[e.relation] ?? e.relation,
      through: ts[n]?.node.via[k]?.through.label ?? '',
      quote: e.quote ?? '',
      firstOn: i.firstOn,
      lastOn: i.lastOn,
    })),
  );
  return { rows, next: a.pageInfo.hasNextPage ? a.pageInfo.endCursor : null };
}

/** Every page of implementersPage for `ref`, through the API; the document's symbol and label with them. */
async function rowsOf(fetcher: Fetcher, ref: string, auth: string | null) {
  const { document: doc } = docData.parse(await operation(fetcher, auth, DOCUMENT, { ref }));
  const rows: ExportRow[] = [];
  let after: string | null = null;
  do {
    const p = await pageRows(fetcher, auth, ref, after);
    rows.push(...p.rows);
    after = p.next;
  } while (after !== null);
  return { rows, doc };
}

const cells = (r: ExportRow): string[] => [
  r.unit,
  r.level,
  r.document,
  r.relation,
  r.through,
  r.quote,
  r.firstOn ? vnDate(r.firstOn) : '',
  r.lastOn ? vnDate(r.lastOn) : '',
];

/** RFC 4180: CRLF between records, a field quoted when it holds a quote, a comma or a line break. */
export function toCsv(rows: readonly ExportRow[]): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.map(field).join(','), ...rows.map((r) => cells(r).map(field).join(','))];
  // The BOM tells Excel the file is UTF-8; without it Vietnamese opens as mojibake.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const dateOf = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

export async function toXlsx(rows: readonly ExportRow[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Triển khai');
  sheet.columns = COLUMNS.map((header, i) => ({
    header,
    width: [36, 8, 40, 12, 40, 80, 12, 12][i] ?? 20,
    ...(i >= 6 ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
  }));
  for (const r of rows)
    sheet.addRow([
      r.unit,
      r.level,
      r.document,
      r.relation,
      r.through,
      r.quote,
      dateOf(r.firstOn),
      dateOf(r.lastOn),
    ]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  book.title = title;
  // A copy as a plain Uint8Array: exceljs gives a Node Buffer, which a Response does not take as such.
  return new Uint8Array((await book.xlsx.writeBuffer()) as unknown as ArrayLike<number>);
}

/** Content-Disposition with an ASCII name for old clients and the real one (RFC 5987) for the rest. */
export function disposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The export routes; `fetcher` is the server's own yoga.fetch, known once the server is made. */
export function exportRoutes(fetcher: () => Fetcher): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      const m = /^\/xuat\/trien-khai\.(csv|xlsx)$/.exec(url.pathname);
      if (!m) return;
      const format = m[1] as keyof typeof TYPES;
      const json = (status: number, errors: GqlError[]) =>
        new fetchAPI.Response(JSON.stringify({ errors }), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      const ref = url.searchParams.get('ref')?.trim();
      if (request.method !== 'GET') return endResponse(json(405, [{ message: 'GET only' }]));
      if (!ref)
        return endResponse(
          json(400, [{ message: 'give the document: ?ref=22-CT/TU', extensions: { code: 'BAD_INPUT' } }]),
        );
      try {
        const { rows, doc } = await rowsOf(fetcher(), ref, request.headers.get('authorization'));
        const name = `trien-khai-${(doc?.symbol ?? ref).replace(/[/\\]/g, '-')}.${format}`;
        const body = format === 'csv' ? toCsv(rows) : await toXlsx(rows, doc?.label ?? ref);
        const headers = { 'content-type': TYPES[format], 'content-disposition': disposition(name) };
        endResponse(new fetchAPI.Response(body, { status: 200, headers }));
      } catch (e) {
        if (e instanceof Refused) return endResponse(json(e.status, e.errors));
        throw e;
      }
    },
  };
}
