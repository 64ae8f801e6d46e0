// The pages' one way to the data: POST /graphql, with the token when the person gave one (kept for the tab
// only, in sessionStorage). A failure becomes an ApiError whose message is Vietnamese and says what failed.

const TOKEN_KEY = 'luocdo-token';

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

type GqlError = { message: string; extensions?: { code?: string; candidates?: unknown[] } };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly candidates: unknown[] = [],
  ) {
    super(message);
  }
}

const REASONS: Record<string, string> = {
  UNAUTHENTICATED: 'cần mã truy cập (token); nhập mã ở đầu trang',
  NOT_FOUND: 'không tìm thấy',
  AMBIGUOUS_REF: 'số hiệu này có nhiều văn bản',
  BAD_REF: 'không đọc được số hiệu hay tên văn bản này',
  BAD_INPUT: 'dữ liệu nhập chưa đúng',
  BAD_USER_INPUT: 'dữ liệu nhập chưa đúng',
  LIMIT: 'yêu cầu vượt giới hạn của máy chủ',
  TIMEOUT: 'máy chủ trả lời quá lâu',
  UNAVAILABLE: 'cơ sở dữ liệu không trả lời',
};

function fromStatus(status: number): ApiError {
  if (status === 401) return new ApiError(REASONS['UNAUTHENTICATED'] ?? '', 'UNAUTHENTICATED');
  if (status === 413) return new ApiError('tệp hoặc nội dung quá lớn', 'LIMIT');
  return new ApiError(`máy chủ báo lỗi ${status}`, 'HTTP');
}

function fromErrors(errors: GqlError[]): ApiError {
  const first = errors[0];
  const code = first?.extensions?.code ?? 'ERROR';
  const reason = REASONS[code] ?? 'máy chủ báo lỗi';
  // The server's own words after ours: a person passing it on to IT gives them the detail.
  return new ApiError(`${reason} (${first?.message ?? code})`, code, first?.extensions?.candidates ?? []);
}

async function send(body: BodyInit, headers: Record<string, string>): Promise<unknown> {
  const t = token.get();
  if (t) headers['authorization'] = `Bearer ${t}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body });
  } catch {
    throw new ApiError('không kết nối được tới máy chủ', 'NETWORK');
  }
  let parsed: { data?: unknown; errors?: GqlError[] };
  try {
    parsed = (await res.json()) as typeof parsed;
  } catch {
    throw fromStatus(res.status);
  }
  if (parsed.errors?.length) throw fromErrors(parsed.errors);
  if (!res.ok) throw fromStatus(res.status);
  return parsed.data;
}

/** One GraphQL operation; its data, or an ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  return (await send(JSON.stringify({ query, variables }), headers)) as T;
}

/** One operation with a file in variable `name` (the GraphQL multipart request). */
export async function gqlFile<T>(query: string, name: string, file: File): Promise<T> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { [name]: null } }));
  form.set('map', JSON.stringify({ 0: [`variables.${name}`] }));
  form.set('0', file, file.name);
  // The browser sets the multipart content type with its boundary; a header naming the request as
  // GraphQL keeps servers that refuse simple cross-site posts satisfied.
  return (await send(form, { 'graphql-preflight': '1' })) as T;
}

/** A file the server makes (the export), fetched with the token and saved under the name it gives. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  const t = token.get();
  if (t) headers['authorization'] = `Bearer ${t}`;
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch {
    throw new ApiError('không kết nối được tới máy chủ', 'NETWORK');
  }
  if (!res.ok) throw fromStatus(res.status);
  const blob = await res.blob();
  const name = fileName(res.headers.get('content-disposition')) ?? fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function fileName(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return null;
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}
