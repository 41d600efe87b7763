// The one way the app reads data: GET /api/... as JSON, with the error shape
// {error: {code, message}} turned into an Error carrying code and status.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  const response = await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'internal', message: response.statusText };
    throw new ApiError(response.status, error.code, `${error.message} (${response.status})`);
  }
  return body;
}

/** Items of a list response (`{items, total}`), or the body itself when it is already an array. */
export function items(body) {
  if (Array.isArray(body)) return body;
  return Array.isArray(body?.items) ? body.items : [];
}

/** GeoJSON features of a FeatureCollection response. */
export function features(body) {
  return Array.isArray(body?.features) ? body.features : [];
}
