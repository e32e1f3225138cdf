/**
 * A loopback Git host for the Git context e2e (issue 20, item 3): the real `git http-backend`
 * (Git's smart HTTP server, run as CGI) behind a node HTTP server that, like GitHub for a
 * private repository, answers 401 to any request without the token. BuildKit's Git source
 * sends `Authorization: basic base64(x-access-token:<token>)` when it holds the build secret
 * GIT_AUTH_TOKEN.<host> (moby/buildkit source/git), which is what build-push-action and this
 * action give it. Every request is recorded (path, the user name it authenticated as).
 */
import { execFileSync, spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface GitRequest {
  method: string
  path: string
  /** The Basic user name that carried the right token; undefined when refused. */
  user?: string
  status: number
}

export class GitServer {
  readonly requests: GitRequest[] = []
  private constructor(
    private readonly server: Server,
    readonly root: string,
    readonly url: string,
    private readonly token: string
  ) {}

  /** Serves the bare repositories under a fresh directory; `token` is the only credential. */
  static async start(token: string): Promise<GitServer> {
    const root = mkdtempSync(join(tmpdir(), 'git-server-'))
    const holder: { self?: GitServer } = {}
    const server = createServer((req, res) => holder.self?.handle(req, res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('git server has no port')
    holder.self = new GitServer(server, root, `http://127.0.0.1:${address.port}`, token)
    return holder.self
  }

  /**
   * Commits the files of `source` (a directory) and `extra` as `owner/repo`'s one commit on
   * `main`; returns the commit's SHA, what GITHUB_SHA names in the run. BuildKit reuses what it
   * fetched for a commit without asking the host again: a test that needs a fetch needs a
   * commit of its own (`extra`).
   */
  publish(repository: string, source: string, extra: Record<string, string> = {}): string {
    const work = mkdtempSync(join(tmpdir(), 'git-work-'))
    cpSync(source, work, { recursive: true })
    for (const [name, content] of Object.entries(extra)) writeFileSync(join(work, name), content)
    const git = (args: string[], cwd = work) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: work,
          GIT_AUTHOR_NAME: 'e2e',
          GIT_AUTHOR_EMAIL: 'e2e@example.com',
          GIT_COMMITTER_NAME: 'e2e',
          GIT_COMMITTER_EMAIL: 'e2e@example.com',
          GIT_CONFIG_NOSYSTEM: '1'
        }
      }).trim()
    git(['init', '-q', '-b', 'main'])
    git(['add', '-A'])
    git(['commit', '-q', '-m', 'e2e'])
    const sha = git(['rev-parse', 'HEAD'])
    const bare = join(this.root, `${repository}.git`)
    mkdirSync(dirname(bare), { recursive: true })
    git(['clone', '-q', '--bare', work, bare])
    writeFileSync(join(bare, 'git-daemon-export-ok'), '')
    return sha
  }

  async close(): Promise<void> {
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url)
    const record: GitRequest = { method: req.method ?? 'GET', path: url.pathname, status: 0 }
    this.requests.push(record)
    const user = this.authenticated(req.headers.authorization)
    if (user === undefined) {
      record.status = 401
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="e2e git"' })
      res.end('token required\n')
      return
    }
    record.user = user
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: record.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
        ...(req.headers['git-protocol']
          ? { GIT_PROTOCOL: String(req.headers['git-protocol']) }
          : {})
      },
      stdio: ['pipe', 'pipe', 'inherit']
    })
    req.pipe(cgi.stdin)
    this.relay(cgi.stdout, res, record)
  }

  /** The CGI response: headers up to the blank line (Status: sets the code), then the body. */
  private relay(out: NodeJS.ReadableStream, res: ServerResponse, record: GitRequest): void {
    let head = Buffer.alloc(0)
    let sent = false
    out.on('data', (chunk: Buffer) => {
      if (sent) return void res.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end === -1) return
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of head.subarray(0, end).toString('utf8').split('\r\n')) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0])
        else headers[name] = value
      }
      record.status = status
      res.writeHead(status, headers)
      res.write(head.subarray(end + 4))
      sent = true
    })
    out.on('end', () => res.end())
  }

  /** The user name of `basic base64(user:token)` when its password is the token. */
  private authenticated(header: string | undefined): string | undefined {
    const match = /^basic\s+(\S+)$/i.exec(header ?? '')
    if (!match?.[1]) return undefined
    const decoded = Buffer.from(match[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon !== -1 && decoded.slice(colon + 1) === this.token
      ? decoded.slice(0, colon)
      : undefined
  }
}
