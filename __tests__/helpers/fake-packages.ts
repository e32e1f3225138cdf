/**
 * GitHub's Packages REST API for container packages, as routes of a FakeGitHub, over the
 * storage of the e2e world's distribution registry: what GHCR does (every manifest of the
 * repository is a package version, tagged or not, with its push time), read from the files
 * the registry keeps and not through its API, so the fake sees what the action's registry walk
 * cannot (an untagged manifest nothing points at) and does not share its logic.
 *
 *   _manifests/revisions/sha256/<hex>/link   a version; the link's mtime is its push time
 *   _manifests/tags/<tag>/current/link       the digest a tag is on
 *
 * A DELETE of a version deletes its manifest in the registry (GHCR's effect), through the
 * registry's API with the world's user. Versions come `pageSize` a page (GitHub: up to 100)
 * with Link headers; faults per route as for any FakeGitHub route: `package-versions`,
 * `package-version-delete`. The package belongs to a user: the org routes answer 404, as
 * GitHub does for a user's package.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { FakeGitHub, Reply } from './fake-github.js'

export interface PackageStorage {
  /** The registry's data directory (rootdirectory of its filesystem storage). */
  dataDir: string
  /** The registry's API base, e.g. https://localhost:5443, and its user, for deletions. */
  registryUrl: string
  user: string
  password: string
}

export interface PackageVersion {
  id: number
  name: string
  created_at: string
  updated_at: string
  metadata: { package_type: 'container'; container: { tags: string[] } }
}

export interface FakePackages {
  /** `owner/package` → the repository path in the registry (`e2e/app-x`). */
  versions(owner: string, pkg: string): PackageVersion[]
  /** Every version id deleted through the fake, in order. */
  deleted: number[]
}

/** A stable id per digest: GitHub's ids are numbers. */
function versionId(digest: string): number {
  return createHash('sha256').update(digest).digest().readUInt32BE(0)
}

export function addPackagesRoutes(
  fake: FakeGitHub,
  storage: PackageStorage,
  options: { pageSize?: number } = {}
): FakePackages {
  const pageSize = options.pageSize ?? 100
  const deleted: number[] = []
  const repositoryDir = (owner: string, pkg: string) =>
    join(storage.dataDir, 'docker/registry/v2/repositories', owner, pkg, '_manifests')

  const versions = (owner: string, pkg: string): PackageVersion[] => {
    const dir = repositoryDir(owner, pkg)
    if (!existsSync(dir)) return []
    const tags = new Map<string, string[]>()
    const tagsDir = join(dir, 'tags')
    for (const tag of existsSync(tagsDir) ? readdirSync(tagsDir) : []) {
      const link = join(tagsDir, tag, 'current', 'link')
      if (!existsSync(link)) continue
      const digest = readFileSync(link, 'utf8').trim()
      tags.set(digest, [...(tags.get(digest) ?? []), tag])
    }
    const revisions = join(dir, 'revisions', 'sha256')
    const found: PackageVersion[] = []
    for (const hex of existsSync(revisions) ? readdirSync(revisions) : []) {
      const link = join(revisions, hex, 'link')
      if (!existsSync(link)) continue
      const digest = `sha256:${hex}`
      const at = statSync(link).mtime.toISOString()
      found.push({
        id: versionId(digest),
        name: digest,
        created_at: at,
        updated_at: at,
        metadata: { package_type: 'container', container: { tags: tags.get(digest) ?? [] } }
      })
    }
    // GitHub lists the newest first.
    return found.sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id - b.id)
  }

  const notFound: Reply = {
    status: 404,
    body: { message: 'Package not found.', documentation_url: 'https://docs.github.com/rest' }
  }
  fake.route({
    name: 'org-package-versions',
    method: 'GET',
    path: '/orgs/:org/packages/:type/:name/versions',
    handle: () => notFound
  })
  fake.route({
    name: 'package-versions',
    method: 'GET',
    path: '/users/:user/packages/:type/:name/versions',
    handle: ({ params, query, fake: self }) => {
      if (params.type !== 'container') return notFound
      const all = versions(params.user ?? '', params.name ?? '')
      if (all.length === 0) return notFound
      const perPage = Math.min(pageSize, Number(query.get('per_page') ?? 30) || 30)
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const base = `${self.apiUrl}/users/${params.user}/packages/container/${encodeURIComponent(params.name ?? '')}/versions`
      const link = (n: number, rel: string) =>
        `<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])
      ]
      return {
        status: 200,
        body: all.slice((page - 1) * perPage, page * perPage),
        headers: links.length ? { link: links.join(', ') } : {}
      }
    }
  })
  fake.route({
    name: 'org-package-version-delete',
    method: 'DELETE',
    path: '/orgs/:org/packages/:type/:name/versions/:id',
    handle: () => notFound
  })
  fake.route({
    name: 'package-version-delete',
    method: 'DELETE',
    path: '/users/:user/packages/:type/:name/versions/:id',
    handle: async ({ params }) => {
      const version = versions(params.user ?? '', params.name ?? '').find(
        v => String(v.id) === params.id
      )
      if (!version) return notFound
      const auth = Buffer.from(`${storage.user}:${storage.password}`).toString('base64')
      const res = await fetch(
        `${storage.registryUrl}/v2/${params.user}/${params.name}/manifests/${version.name}`,
        { method: 'DELETE', headers: { authorization: `Basic ${auth}` } }
      )
      if (res.status !== 202) return { status: 500, body: { message: `registry ${res.status}` } }
      deleted.push(version.id)
      return { status: 204 }
    }
  })
  return { versions, deleted }
}
