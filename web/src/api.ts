// The JSON API client (contract: src/api/openapi.json). Every request is
// same-origin with the session cookie; every state-changing request carries
// X-CSRF-Token. A 401 anywhere (outside sign-in) ends the session in the UI.

export interface ErrorDetail {
  line?: number;
  field?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details: ErrorDetail[] = [],
    public retryAfter: number | null = null,
  ) {
    super(message);
  }
}

let csrfToken = "";
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** raw body with its content type (TOML, CSV) */
  raw?: { type: string; text: string };
  /** a 401 is an expected answer (sign-in): do not end the session */
  expect401?: boolean;
}

export type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === null || v === undefined || v === "") continue;
    params.set(k, String(v));
  }
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

export async function api<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers["Content-Type"] = options.raw.type;
    body = options.raw.text;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check your connection and try again.");
  }
  const text = await response.text();
  let data: any = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data as T;

  const e = data && data.error ? data.error : {};
  const retry = response.headers.get("Retry-After");
  const err = new ApiError(
    response.status,
    e.code || `http_${response.status}`,
    e.message || response.statusText || `HTTP ${response.status}`,
    Array.isArray(e.details) ? e.details : [],
    retry && /^\d+$/.test(retry) ? Number(retry) : null,
  );
  if (response.status === 401 && !options.expect401 && unauthorizedHandler) unauthorizedHandler();
  throw err;
}
