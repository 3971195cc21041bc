// A tiny HTTP client with a cookie jar, like a browser without JavaScript: forms are posted as
// application/x-www-form-urlencoded and redirects are followed by hand so cookies are kept.
export class Client {
  private cookies = new Map<string, string>();
  constructor(public base: string, private headers: Record<string, string> = {}) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, body?: Record<string, string> | URLSearchParams, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    let payload: string | undefined;
    if (body) {
      payload = (body instanceof URLSearchParams ? body : new URLSearchParams(body)).toString();
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
    const send = () => fetch(new URL(path, this.base), { method, headers, body: payload, redirect: "manual" });
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      // A kept-alive connection the server closed while it sat idle (a test that paused, say to
      // run the command line) fails the next request; a browser sends a GET again, so do we.
      if (method !== "GET" || !closedIdle(error)) throw error;
      res = await send();
    }
    this.keep(res);
    return res;
  }

  /** GET or POST, then follow redirects (GET) up to 10 times; returns the last response. */
  async follow(method: string, path: string, body?: Record<string, string> | URLSearchParams, extra?: Record<string, string>) {
    let res = await this.request(method, path, body, extra);
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
      const next = res.headers.get("Location")!;
      res = await this.request("GET", next);
    }
    return res;
  }

  get(path: string) {
    return this.follow("GET", path);
  }

  post(path: string, body: Record<string, string> | URLSearchParams, extra?: Record<string, string>) {
    return this.follow("POST", path, body, extra);
  }
}

function closedIdle(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE";
}
