import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readContext, type EventPayload, type RunContext } from '../../../src/context.js'
import { ValueError } from '../../../src/errors.js'
import { ociLabels } from '../../../src/plan/labels.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { computeTags, needsDefaultBranch } from '../../../src/plan/tags.js'

/**
 * docker/metadata-action's own tag tables, as data: every row of the describe blocks null, push,
 * tag, latest, pr, pr-head-sha, schedule, release and raw of its __tests__/meta.test.ts (commit
 * dc802804100637a589fabce1cb79ff13a1411302), with the tags it expects (image names removed,
 * each tag once) and its org.opencontainers.image.revision label.
 *
 * Each row runs as the action runs it: readContext on the fixture's GITHUB_* variables and event
 * payload (the fields we read of its __tests__/fixtures/event_*.env and .json), then
 * parseTagRules, parseFlavor, computeTags and ociLabels. Two of its defaults are given explicitly
 * because ours differ: its default tags (UPSTREAM_DEFAULT_TAGS) and flavor latest=auto. Its
 * repository comes from the REST API (fixtures/repo.json, default_branch master), so where a
 * payload does not name the default branch, `master` stands in for what resolveDefaultBranch
 * would read, exactly when needsDefaultBranch asks for it (as main.ts does).
 */

// GITHUB_SHA of the fixtures, and the head commit of pull request #15.
const MASTER_SHA = '266574110acf203503badf966df2ea24b5d732d7'
const DEV_SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const PR_MERGE_SHA = 'a9c8c5828b91be19d9728548b24759e352367ef1'
const PR_HEAD_SHA = '3370e228f2209994d57af4427fe64e71bb79ac96'
const INVALIDCHARS_SHA = '983315b5e8d46e46fc4c49869e85e7ee5fb289ba'
const NOW = new Date('2020-01-10T00:30:00.000Z')
/** default_branch of metadata-action's fixtures/repo.json (its GET /repos/{owner}/{repo}). */
const API_DEFAULT_BRANCH = 'master'

/** metadata-action's tags when the input is empty (src/tag.ts Transform). */
const UPSTREAM_DEFAULT_TAGS = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr'
]

interface Fixture {
  event_name?: string
  ref?: string
  sha?: string
  /** undefined: no GITHUB_EVENT_PATH (the fixtures of most tag pushes have it commented out). */
  payload: EventPayload | undefined
}

// prettier-ignore
const FIXTURES: Record<string, Fixture> = {
  'empty': { event_name: '', ref: '', sha: '', payload: undefined },
  'null': { payload: undefined },
  'pull_request': { event_name: 'pull_request', ref: 'refs/pull/15/merge', sha: PR_MERGE_SHA, payload: {"repository": {"default_branch": "master"}, "number": 15, "pull_request": {"number": 15, "head": {"sha": "3370e228f2209994d57af4427fe64e71bb79ac96"}, "base": {"ref": "master"}}} },
  'pull_request_target': { event_name: 'pull_request_target', ref: 'refs/heads/master', sha: MASTER_SHA, payload: {"repository": {"default_branch": "master"}, "number": 15, "pull_request": {"number": 15, "head": {"sha": "3370e228f2209994d57af4427fe64e71bb79ac96"}, "base": {"ref": "master"}}} },
  'push_dev': { event_name: 'push', ref: 'refs/heads/dev', sha: DEV_SHA, payload: {"repository": {"default_branch": "master"}, "commits": [{"id": "860c1904a1ce19322e91ac35af1ab07466440c37", "timestamp": "2022-04-19T11:27:24+02:00"}], "head_commit": {"id": "860c1904a1ce19322e91ac35af1ab07466440c37", "timestamp": "2022-04-19T11:27:24+02:00"}} },
  'push_invalidchars': { event_name: 'push', ref: 'refs/heads/my/feature#1245', sha: INVALIDCHARS_SHA, payload: {"repository": {"default_branch": "master"}, "commits": [{"id": "983315b5e8d46e46fc4c49869e85e7ee5fb289ba", "timestamp": "2022-04-19T11:36:08+02:00"}], "head_commit": {"id": "983315b5e8d46e46fc4c49869e85e7ee5fb289ba", "timestamp": "2022-04-19T11:36:08+02:00"}} },
  'push_master': { event_name: 'push', ref: 'refs/heads/master', sha: MASTER_SHA, payload: {"repository": {"default_branch": "master"}, "commits": [{"id": "266574110acf203503badf966df2ea24b5d732d7", "timestamp": "2022-04-19T11:04:39+02:00"}], "head_commit": {"id": "266574110acf203503badf966df2ea24b5d732d7", "timestamp": "2022-04-19T11:04:39+02:00"}} },
  'release_created': { event_name: 'release', ref: 'refs/tags/v1.1.1', sha: DEV_SHA, payload: {} },
  'schedule': { event_name: 'schedule', ref: 'refs/heads/master', sha: DEV_SHA, payload: {"schedule": "*/10 * * * *"} },
  'tag_1.0dev4': { event_name: 'push', ref: 'refs/tags/1.0dev4', sha: DEV_SHA, payload: undefined },
  'tag_1.1beta2': { event_name: 'push', ref: 'refs/tags/1.1beta2', sha: DEV_SHA, payload: undefined },
  'tag_1.2': { event_name: 'push', ref: 'refs/tags/1.2', sha: DEV_SHA, payload: undefined },
  'tag_1.2.3rc2': { event_name: 'push', ref: 'refs/tags/1.2.3rc2', sha: DEV_SHA, payload: undefined },
  'tag_1.2post1': { event_name: 'push', ref: 'refs/tags/1.2post1', sha: DEV_SHA, payload: undefined },
  'tag_20200110-RC2': { event_name: 'push', ref: 'refs/tags/20200110-RC2', sha: DEV_SHA, payload: undefined },
  'tag_p1-v1.0.0': { event_name: 'push', ref: 'refs/tags/p1/v1.0.0', sha: DEV_SHA, payload: undefined },
  'tag_release1': { event_name: 'push', ref: 'refs/tags/release1', sha: DEV_SHA, payload: undefined },
  'tag_sometag': { event_name: 'push', ref: 'refs/tags/sometag', sha: DEV_SHA, payload: undefined },
  'tag_v1.1.1': { event_name: 'push', ref: 'refs/tags/v1.1.1', sha: DEV_SHA, payload: {"repository": {"default_branch": "master"}, "base_ref": "refs/heads/master", "head_commit": {"id": "860c1904a1ce19322e91ac35af1ab07466440c37", "timestamp": "2022-04-19T11:39:35+02:00"}} },
  'tag_v1.2.3rc2': { event_name: 'push', ref: 'refs/tags/v1.2.3rc2', sha: DEV_SHA, payload: undefined },
  'tag_v2.0.8-beta.67': { event_name: 'push', ref: 'refs/tags/v2.0.8-beta.67', sha: DEV_SHA, payload: undefined },
  'workflow_dispatch': { event_name: 'workflow_dispatch', ref: 'refs/heads/master', sha: DEV_SHA, payload: {"repository": {"default_branch": "master"}} },
}

/** id, fixture, tags (null: upstream's default), flavor (null: none), tags expected, revision. */
type Row = [string, string, string[] | null, string[] | null, string[], string]

// prettier-ignore
const GROUPS: Record<string, Row[]> = {
  null: [
    ['null01', 'null', null, null, [], ''],
    ['null02', 'empty', ['type=sha', 'type=raw,{{branch}}'], null, [], ''],
  ],
  push: [
    ['push01', 'push_dev', null, null, ['dev'], DEV_SHA],
    ['push02', 'push_master', ['type=edge'], null, ['edge'], MASTER_SHA],
    ['push03', 'push_master', null, null, ['master'], MASTER_SHA],
    ['push04', 'workflow_dispatch', ['type=edge'], null, ['edge'], DEV_SHA],
    ['push05', 'push_dev', null, null, ['dev'], DEV_SHA],
    ['push06', 'push_master', ['type=edge'], null, ['edge'], MASTER_SHA],
    ['push07', 'push_dev', ['type=ref,event=branch', 'type=sha'], null, ['dev', 'sha-860c190'], DEV_SHA],
    ['push08', 'push_master', ['type=edge', 'type=sha'], null, ['edge', 'sha-2665741'], MASTER_SHA],
    ['push09', 'push_dev', ['type=edge,branch=dev', 'type=sha'], null, ['edge', 'sha-860c190'], DEV_SHA],
    ['push10', 'push_master', ['type=edge,branch=dev', 'type=sha'], null, ['sha-2665741'], MASTER_SHA],
    ['push11', 'push_invalidchars', ['type=edge', 'type=sha'], null, ['sha-983315b'], INVALIDCHARS_SHA],
    ['push12', 'push_invalidchars', ['type=semver,pattern={{version}}', 'type=pep440,pattern={{version}}', 'type=edge'], null, [], INVALIDCHARS_SHA],
    ['push13', 'push_master', ['type=ref,priority=2000,event=branch', 'type=edge'], null, ['master', 'edge'], MASTER_SHA],
    ['push14', 'push_master', ['type=semver,pattern={{version}},value=v1.2.3', 'type=pep440,pattern={{version}},value=v1.2.3', 'type=edge'], null, ['1.2.3', 'edge', 'latest'], MASTER_SHA],
    ['push15', 'push_master', ['type=match,pattern=v(.*),group=1,value=v1.2.3', 'type=edge'], null, ['1.2.3', 'edge', 'latest'], MASTER_SHA],
    ['push16', 'push_master', ['type=match,enable=false,pattern=v(.*),group=1,value=v1.2.3', 'type=edge'], null, ['edge'], MASTER_SHA],
    ['push17', 'push_master', ['type=raw,value=mytag-{{branch}}', "type=raw,value=mytag-{{date 'YYYYMMDD'}}", "type=raw,value=mytag-cd-{{commit_date 'YYYYMMDD'}}", "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", 'type=raw,value=mytag-tag-{{tag}}', 'type=raw,value=mytag-baseref-{{base_ref}}', 'type=raw,value=mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master', 'mytag-20200110', 'mytag-cd-20200110', 'mytag-20200110-093000', 'mytag-tag-', 'mytag-baseref-', 'mytag-defbranch'], MASTER_SHA],
    ['push18', 'push_dev', ['type=ref,event=branch', 'type=sha,format=long'], null, ['dev', 'sha-860c1904a1ce19322e91ac35af1ab07466440c37'], DEV_SHA],
    ['push19', 'push_dev', ['type=edge,branch=master', 'type=ref,event=branch,enable=false', 'type=sha,format=long', 'type=raw,value=defbranch,enable={{is_default_branch}}'], null, ['sha-860c1904a1ce19322e91ac35af1ab07466440c37'], DEV_SHA],
    ['push20', 'push_dev', ['type=edge,branch=master', 'type=ref,event=branch,enable=false', 'type=sha,format=long'], null, ['sha-860c1904a1ce19322e91ac35af1ab07466440c37'], DEV_SHA],
    ['push21', 'push_master', ['type=raw,value=mytag-{{branch}}', "type=raw,value=mytag-{{date 'YYYYMMDD'}}", "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", "type=raw,value=mytag-src-{{commit_date 'YYYYMMDD'}}", 'type=raw,value=mytag-tag-{{tag}}', 'type=raw,value=mytag-baseref-{{base_ref}}', 'type=raw,value=mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master', 'mytag-20200110', 'mytag-20200110-093000', 'mytag-src-20200110', 'mytag-tag-', 'mytag-baseref-', 'mytag-defbranch'], MASTER_SHA],
    ['push22', 'push_dev', ['type=edge,branch=master', 'type=sha,format=long', 'type=raw,value=notdefbranch,enable={{is_not_default_branch}}'], null, ['notdefbranch', 'sha-860c1904a1ce19322e91ac35af1ab07466440c37'], DEV_SHA],
  ],
  tag: [
    ['tag01', 'tag_release1', null, null, ['release1', 'latest'], DEV_SHA],
    ['tag02', 'tag_20200110-RC2', null, null, ['20200110-RC2', 'latest'], DEV_SHA],
    ['tag03', 'tag_20200110-RC2', ['type=match,pattern=\\d{8}'], ['latest=false'], ['20200110'], DEV_SHA],
    ['tag04', 'tag_20200110-RC2', ['type=match,pattern=(.*)-RC,group=1'], ['latest=false'], ['20200110'], DEV_SHA],
    ['tag05', 'tag_v1.1.1', ['type=match,"pattern=\\d.\\d.\\d"'], null, ['1.1.1', 'latest'], DEV_SHA],
    ['tag06', 'tag_v1.1.1', ['type=match,"pattern=^v(\\d.\\d.\\d)$",group=1'], null, ['1.1.1', 'latest'], DEV_SHA],
    ['tag07', 'tag_v2.0.8-beta.67', ['type=match,"pattern=\\d.\\d.\\d-(alpha|beta).\\d+"'], null, ['2.0.8-beta.67', 'latest'], DEV_SHA],
    ['tag08', 'tag_v2.0.8-beta.67', ['type=match,"pattern=\\d.\\d"'], null, ['2.0', 'latest'], DEV_SHA],
    ['tag09', 'tag_v2.0.8-beta.67', ['type=match,"pattern=v(.*)-beta.(.*)",group=1', 'type=match,"pattern=v(.*)-beta.(.*)",group=2'], null, ['2.0.8', '67', 'latest'], DEV_SHA],
    ['tag10', 'tag_sometag', ['type=match,"pattern=\\d.\\d"'], null, [], DEV_SHA],
    ['tag11', 'tag_v1.1.1', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'], null, ['1.1.1', '1.1', '1', 'latest'], DEV_SHA],
    ['tag12', 'tag_v1.1.1', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'], null, ['1.1.1', 'latest'], DEV_SHA],
    ['tag13', 'tag_v2.0.8-beta.67', ['type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'], null, ['2.0.8-beta.67'], DEV_SHA],
    ['tag14', 'tag_sometag', ['type=ref,event=tag', 'type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'], ['latest=false'], ['sometag'], DEV_SHA],
    ['tag15', 'tag_v2.0.8-beta.67', ['type=raw,priority=2000,foo', 'type=semver,pattern={{version}}', 'type=match,"pattern=\\d.\\d"'], null, ['foo', '2.0.8-beta.67', '2.0'], DEV_SHA],
    ['tag16', 'tag_v1.1.1', ['type=raw,priority=2000,foo', 'type=ref,event=tag', 'type=edge'], null, ['foo', 'v1.1.1'], DEV_SHA],
    ['tag17', 'tag_p1-v1.0.0', ['type=match,"pattern=/^v(\\d.\\d.\\d)$/ig",group=1', 'type=match,pattern=\\d.\\d.\\d', 'type=match,pattern=\\d.\\d', 'type=ref,event=pr', 'type=sha'], null, ['1.0.0', '1.0', 'sha-860c190', 'latest'], DEV_SHA],
    ['tag18', 'tag_p1-v1.0.0', ['type=match,pattern=p1/v(\\d.\\d.\\d),group=1', 'type=match,pattern=p1/v(\\d.\\d),group=1', 'type=match,pattern=p1/v(\\d.\\d),group=3', 'type=ref,event=pr', 'type=sha'], null, ['1.0.0', '1.0', 'sha-860c190', 'latest'], DEV_SHA],
    ['tag19', 'tag_p1-v1.0.0', ['type=match,pattern=p1/v(\\d.\\d.\\d),group=1', 'type=match,pattern=p1/v(\\d.\\d),group=1,suffix=', 'type=ref,event=pr', 'type=sha'], ['suffix=-dev'], ['1.0.0-dev', '1.0', 'sha-860c190-dev', 'latest'], DEV_SHA],
    ['tag20', 'tag_v1.1.1', ['type=raw,{{tag}}-{{sha}}-foo', 'type=raw,{{base_ref}}-foo', 'type=raw,defbranch-foo,enable={{is_default_branch}}'], null, ['v1.1.1-860c190-foo', 'master-foo'], DEV_SHA],
    ['tag21', 'tag_v1.1.1', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'], ['suffix=-dev,onlatest=true'], ['1.1.1-dev', 'latest-dev'], DEV_SHA],
    ['tag22', 'tag_v1.1.1', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'], ['prefix=foo-,onlatest=true', 'suffix=-dev,onlatest=true'], ['foo-1.1.1-dev', 'foo-latest-dev'], DEV_SHA],
    ['tag23', 'tag_v1.1.1', ['type=pep440,pattern={{raw}}', 'type=pep440,pattern={{major}}.{{minor}}'], null, ['v1.1.1', '1.1', 'latest'], DEV_SHA],
    ['tag24', 'tag_1.2', ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'], null, ['1.2', 'latest'], DEV_SHA],
    ['tag25', 'tag_1.1beta2', ['type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.1b2'], DEV_SHA],
    ['tag26', 'tag_1.0dev4', ['type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.0.dev4'], DEV_SHA],
    ['tag27', 'tag_1.2.3rc2', ['type=pep440,pattern={{raw}}', 'type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.2.3rc2'], DEV_SHA],
    ['tag28', 'tag_v1.1.1', ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}.{{patch}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.1.1', '1.1', '1', 'latest'], DEV_SHA],
    ['tag29', 'tag_1.2post1', ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.2.post1'], DEV_SHA],
    ['tag30', 'tag_sometag', ['type=ref,event=tag', 'type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], ['latest=false'], ['sometag'], DEV_SHA],
    ['tag31', 'tag_v2.0.8-beta.67', ['type=semver,pattern={{raw}}'], null, ['v2.0.8-beta.67'], DEV_SHA],
    ['tag32', 'tag_v1.2.3rc2', ['type=pep440,pattern={{raw}}', 'type=pep440,pattern={{major}}.{{minor}}'], null, ['v1.2.3rc2', '1.2.3rc2'], DEV_SHA],
    ['tag33', 'tag_v1.1.1', ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}.{{patch}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'], null, ['1.1.1', '1.1', '1', 'latest'], DEV_SHA],
    ['tag34', 'tag_p1-v1.0.0', ['type=semver,pattern={{version}},"match=v(\\d.\\d.\\d)$"'], null, ['1.0.0', 'latest'], DEV_SHA],
    ['push35', 'push_master', ['type=semver,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"', 'type=pep440,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"', 'type=edge'], null, ['1.2.3', 'edge', 'latest'], MASTER_SHA],
  ],
  latest: [
    ['latest01', 'tag_release1', ['type=match,"pattern=^release\\d{1,2}"'], null, ['release1', 'latest'], DEV_SHA],
    ['latest02', 'tag_20200110-RC2', ['type=match,"pattern=^\\d+-RC\\d{1,2}"'], null, ['20200110-RC2', 'latest'], DEV_SHA],
    ['latest03', 'tag_20200110-RC2', ['type=match,pattern=\\d{8}'], null, ['20200110', 'latest'], DEV_SHA],
    ['latest04', 'tag_v1.1.1', ['type=match,"pattern=\\d.\\d.\\d"'], null, ['1.1.1', 'latest'], DEV_SHA],
    ['latest05', 'tag_v1.1.1', null, null, ['v1.1.1', 'latest'], DEV_SHA],
    ['latest06', 'tag_v2.0.8-beta.67', ['type=match,"pattern=\\d.\\d.\\d"'], null, ['2.0.8', 'latest'], DEV_SHA],
    ['latest07', 'tag_v1.1.1', ['type=ref,event=tag'], ['latest=false'], ['v1.1.1'], DEV_SHA],
    ['latest08', 'tag_v1.1.1', ['type=ref,event=tag'], ['latest=false'], ['v1.1.1'], DEV_SHA],
    ['latest09', 'tag_v1.1.1', ['type=ref,event=tag'], ['latest=false'], ['v1.1.1'], DEV_SHA],
    ['latest10', 'tag_v2.0.8-beta.67', ['type=match,"pattern=\\d.\\d.\\d"'], null, ['2.0.8', 'latest'], DEV_SHA],
  ],
  pr: [
    ['pr01', 'pull_request', null, null, ['pr-15'], PR_MERGE_SHA],
    ['pr02', 'pull_request', null, null, ['pr-15'], PR_MERGE_SHA],
    ['pr03', 'pull_request', ['type=ref,event=pr', 'type=sha'], null, ['pr-15', 'sha-a9c8c58'], PR_MERGE_SHA],
    ['pr04', 'pull_request', ['type=sha,priority=2000', 'type=ref,event=pr'], null, ['sha-a9c8c58', 'pr-15'], PR_MERGE_SHA],
    ['pr05', 'pull_request', ['type=ref,event=pr'], ['prefix=glo-', 'suffix=-bal'], ['pr-15-bal'], PR_MERGE_SHA],
    ['pr06', 'pull_request', ['type=ref,event=pr,prefix='], ['prefix=glo-', 'suffix=-bal'], ['15-bal'], PR_MERGE_SHA],
    ['pr07', 'pull_request_target', ['type=sha,priority=2000', 'type=ref,event=pr'], null, ['sha-2665741', 'pr-15'], MASTER_SHA],
    ['pr08', 'pull_request_target', ['type=ref,event=pr,prefix='], ['prefix=glo-', 'suffix=-bal'], ['15-bal'], MASTER_SHA],
    ['pr09', 'pull_request_target', ['type=ref,event=tag', 'type=ref,event=pr', 'type=ref,event=branch', 'type=sha', 'type=sha,format=long'], null, ['pr-15', 'sha-2665741', 'sha-266574110acf203503badf966df2ea24b5d732d7'], MASTER_SHA],
    ['pr10', 'pull_request_target', ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master'], MASTER_SHA],
    ['pr11', 'pull_request', ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master'], PR_MERGE_SHA],
    ['pr12', 'pull_request', ['type=raw,value={{commit_date YYYY-MM-DD-HHmmSS}}'], null, ['2020-01-10T00-30-00Z'], PR_MERGE_SHA],
  ],
  'pr-head-sha': [
    ['pr01', 'pull_request', null, null, ['pr-15'], PR_HEAD_SHA],
    ['pr02', 'pull_request', null, null, ['pr-15'], PR_HEAD_SHA],
    ['pr03', 'pull_request', ['type=ref,event=pr', 'type=sha'], null, ['pr-15', 'sha-3370e22'], PR_HEAD_SHA],
    ['pr04', 'pull_request', ['type=sha,priority=2000', 'type=ref,event=pr'], null, ['sha-3370e22', 'pr-15'], PR_HEAD_SHA],
    ['pr05', 'pull_request', ['type=ref,event=pr'], ['prefix=glo-', 'suffix=-bal'], ['pr-15-bal'], PR_HEAD_SHA],
    ['pr06', 'pull_request', ['type=ref,event=pr,prefix='], ['prefix=glo-', 'suffix=-bal'], ['15-bal'], PR_HEAD_SHA],
    ['pr07', 'pull_request_target', ['type=sha,priority=2000', 'type=ref,event=pr'], null, ['sha-3370e22', 'pr-15'], PR_HEAD_SHA],
    ['pr08', 'pull_request_target', ['type=ref,event=pr,prefix='], ['prefix=glo-', 'suffix=-bal'], ['15-bal'], PR_HEAD_SHA],
    ['pr09', 'pull_request_target', ['type=ref,event=tag', 'type=ref,event=pr', 'type=ref,event=branch', 'type=sha', 'type=sha,format=long'], null, ['pr-15', 'sha-3370e22', 'sha-3370e228f2209994d57af4427fe64e71bb79ac96'], PR_HEAD_SHA],
    ['pr10', 'pull_request_target', ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master'], PR_HEAD_SHA],
    ['pr11', 'pull_request', ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'], null, ['mytag-master'], PR_HEAD_SHA],
    ['pr12', 'pull_request', ['type=raw,value=src-{{commit_date YYYY-MM-DD}}'], null, ['src-2020-01-10T00-30-00Z'], PR_HEAD_SHA],
  ],
  schedule: [
    ['schedule01', 'schedule', null, null, ['nightly', 'master'], DEV_SHA],
    ['schedule02', 'schedule', ["type=schedule,pattern={{date 'YYYYMMDD'}}", "type=schedule,pattern=source-date-{{commit_date 'YYYY-MM-DD'}}"], null, ['20200110', 'source-date-2020-01-10'], DEV_SHA],
    ['schedule03', 'schedule', ["type=schedule,pattern={{date 'YYYYMMDD-HHmmss'}}"], null, ['20200110-003000'], DEV_SHA],
    ['schedule04', 'schedule', null, null, ['nightly', 'master'], DEV_SHA],
    ['schedule05', 'schedule', ['type=schedule', 'type=sha'], null, ['nightly', 'sha-860c190'], DEV_SHA],
    ['schedule06', 'schedule', ['type=schedule', 'type=sha,priority=2000', 'type=raw,value=defbranch,enable={{is_default_branch}}'], null, ['sha-860c190', 'nightly', 'defbranch'], DEV_SHA],
    ['schedule07', 'schedule', ['type=schedule'], ['prefix=glo-', 'suffix=-bal'], ['glo-nightly-bal'], DEV_SHA],
    ['schedule08', 'schedule', ["type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", "type=schedule,pattern=src-{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"], null, ['20200110-093000', 'src-20200110-093000'], DEV_SHA],
  ],
  release: [
    ['release01', 'release_created', null, null, ['v1.1.1', 'latest'], DEV_SHA],
    ['release02', 'release_created', ['type=ref,event=tag', 'type=raw,value=baseref-{{base_ref}}', 'type=raw,value=defbranch,enable={{is_default_branch}}'], null, ['v1.1.1', 'baseref-', 'latest'], DEV_SHA],
    ['release03', 'release_created', ["type=raw,value=src-{{commit_date 'YYYYMMDD-HHmmss'}}", "type=raw,value={{date 'YYYYMMDD-HHmmss'}}"], null, ['src-20200110-003000', '20200110-003000'], DEV_SHA],
  ],
  raw: [
    ['raw01', 'push_dev', ['type=ref,event=branch', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], null, ['dev', 'my', 'custom', 'tags'], DEV_SHA],
    ['raw02', 'push_dev', ['type=ref,event=branch', 'type=raw,my'], null, ['dev', 'my'], DEV_SHA],
    ['raw03', 'tag_release1', ['type=ref,event=tag', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], null, ['release1', 'my', 'custom', 'tags', 'latest'], DEV_SHA],
    ['raw04', 'tag_20200110-RC2', ['type=match,pattern=\\d{8}', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], ['latest=false'], ['20200110', 'my', 'custom', 'tags'], DEV_SHA],
    ['raw05', 'tag_v1.1.1', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], null, ['1.1.1', '1.1', '1', 'my', 'custom', 'tags', 'latest'], DEV_SHA],
    ['raw06', 'tag_v1.1.1', ['type=raw,my', 'type=raw,custom', 'type=raw,tags'], null, ['my', 'custom', 'tags'], DEV_SHA],
    ['raw07', 'push_dev', ['type=ref,priority=90,event=branch', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], ['latest=true'], ['my', 'custom', 'tags', 'dev', 'latest'], DEV_SHA],
    ['raw08', 'push_dev', ['type=match,pattern=\\d{8}', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'], ['latest=false'], ['my', 'custom', 'tags'], DEV_SHA],
    ['raw09', 'push_dev', ['type=match,pattern=\\d{8}', 'type=raw,my,prefix=foo-,suffix=-bar', 'type=raw,custom', 'type=raw,tags'], ['latest=false', 'prefix=glo-', 'suffix=-bal'], ['foo-my-bar', 'glo-custom-bal', 'glo-tags-bal'], DEV_SHA],
    ['raw10', 'push_dev', ['type=raw,foo', 'type=raw,bar,enable=false', 'type=raw,baz,enable=true'], ['latest=false'], ['foo', 'baz'], DEV_SHA],
  ],
}

/** Where metadata-action's expectation is not ours, and why. */
const DEVIATIONS: Record<
  string,
  { tags: string[]; why: string } | { refused: string; why: string }
> = {
  'push/push17': {
    tags: [
      'mytag-master',
      'mytag-20200110',
      'mytag-cd-20220419',
      'mytag-20200110-093000',
      'mytag-tag-',
      'mytag-baseref-',
      'mytag-defbranch'
    ],
    why: "its test mocks moment-timezone to 2020-01-10 for every input, the payload's commit date (2022-04-19T11:04:39+02:00) included; metadata-action itself renders that commit date"
  },
  'push/push21': {
    tags: [
      'mytag-master',
      'mytag-20200110',
      'mytag-20200110-093000',
      'mytag-src-20220419',
      'mytag-tag-',
      'mytag-baseref-',
      'mytag-defbranch'
    ],
    why: 'as push17'
  },
  'pr/pr12': {
    refused: '{{commit_date YYYY-MM-DD-HHmmSS}} has the unquoted parameter YYYY-MM-DD-HHmmSS',
    why: "an unquoted format is a Handlebars lookup of a variable that does not exist: metadata-action renders moment's default format instead (README difference)"
  },
  'pr-head-sha/pr12': {
    refused: '{{commit_date YYYY-MM-DD}} has the unquoted parameter YYYY-MM-DD',
    why: 'as pr/pr12'
  }
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upstream-tags-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The RunContext of a metadata-action fixture, through readContext. */
function upstreamContext(name: string, env: NodeJS.ProcessEnv = {}): RunContext {
  const fixture = FIXTURES[name]
  if (!fixture) throw new Error(`No fixture ${name}`)
  const vars: NodeJS.ProcessEnv = { GITHUB_REPOSITORY: 'docker/test-docker-action', ...env }
  if (fixture.event_name !== undefined) vars.GITHUB_EVENT_NAME = fixture.event_name
  if (fixture.ref !== undefined) vars.GITHUB_REF = fixture.ref
  if (fixture.sha !== undefined) vars.GITHUB_SHA = fixture.sha
  if (fixture.payload) {
    vars.GITHUB_EVENT_PATH = join(dir, `${name}.json`)
    writeFileSync(vars.GITHUB_EVENT_PATH, JSON.stringify(fixture.payload))
  }
  return readContext(vars, NOW)
}

/** Tags, version and revision label, the default branch read from "the API" when needed. */
function plan(tags: string[], flavor: string[], ctx: RunContext) {
  const rules = parseTagRules(tags)
  if (needsDefaultBranch(rules, ctx)) ctx.defaultBranch = API_DEFAULT_BRANCH
  // metadata-action's flavor default is latest=auto; a latest= line of the row comes after it.
  const result = computeTags(rules, parseFlavor(['latest=auto', ...flavor]), ctx)
  const labels = ociLabels(ctx, result.version)
  return {
    tags: result.tags,
    version: result.version,
    revision: labels['org.opencontainers.image.revision'] ?? ''
  }
}

const cases = Object.entries(GROUPS).flatMap(([group, rows]) =>
  rows.map(row => ({ key: `${group}/${row[0]}`, group, row }))
)

describe("metadata-action's meta.test.ts", () => {
  test('every row of its tag tables is here', () => {
    expect(cases).toHaveLength(114)
  })

  test.each(cases)('$key', ({ key, group, row: [, fixture, tags, flavor, expected, revision] }) => {
    // Its pr-head-sha block sets DOCKER_METADATA_PR_HEAD_SHA=true for every row.
    const env = group === 'pr-head-sha' ? { DOCKER_METADATA_PR_HEAD_SHA: 'true' } : {}
    const ctx = upstreamContext(fixture, env)
    const deviation = DEVIATIONS[key]
    const run = () => plan(tags ?? UPSTREAM_DEFAULT_TAGS, flavor ?? [], ctx)
    if (deviation && 'refused' in deviation) {
      expect(run).toThrow(ValueError)
      expect(run).toThrow(deviation.refused)
      return
    }
    const ours = deviation?.tags ?? expected
    if (deviation) expect(ours).not.toEqual(expected)
    expect(run()).toEqual({ tags: ours, version: ours[0] ?? '', revision })
  })
})

/**
 * type=edge where the payload does not name the default branch. metadata-action has no row for
 * it: it reads the default branch from the API on every run. Its fixture schedule (payload
 * `{"schedule": "*\/10 * * * *"}`, GITHUB_REF=refs/heads/master) with the rows derived here.
 */
describe('type=edge without a default branch in the payload', () => {
  test.each([
    [['type=edge'], ['edge']],
    [
      ['type=schedule', 'type=edge'],
      ['nightly', 'edge']
    ],
    [
      ['type=edge', 'type=sha,priority=2000'],
      ['sha-860c190', 'edge']
    ],
    [['type=edge,branch=dev'], []],
    [['type=edge,branch=master,prefix=nightly-'], ['nightly-edge']]
  ])('schedule: %j → %j', (tags, expected) => {
    expect(plan(tags, [], upstreamContext('schedule')).tags).toEqual(expected)
  })

  test('a default branch other than the run’s branch: no edge', () => {
    const ctx = upstreamContext('schedule')
    ctx.defaultBranch = 'main'
    expect(computeTags(parseTagRules(['type=edge']), parseFlavor([]), ctx).tags).toEqual([])
  })

  test.each([
    ['schedule', ['type=edge'], true],
    ['schedule', ['type=schedule', 'type=edge,enable=true'], true],
    ['schedule', ['type=edge,enable={{is_default_branch}}'], true],
    ['schedule', ['type=edge,branch=main'], false],
    ['schedule', ['type=edge,enable=false'], false],
    ['schedule', ['type=edge,enable={{is_not_default_branch}}'], false],
    ['schedule', ['type=schedule', 'type=sha'], false],
    // The payload names it: no request.
    ['push_master', ['type=edge'], false],
    ['workflow_dispatch', ['type=edge'], false],
    // Not a branch: metadata-action's edge ignores the run, so nothing is read.
    ['tag_1.2', ['type=edge'], false],
    ['release_created', ['type=edge'], false],
    ['null', ['type=edge'], false]
  ])('needsDefaultBranch: %s with %j → %s', (fixture, tags, needed) => {
    expect(needsDefaultBranch(parseTagRules(tags), upstreamContext(fixture))).toBe(needed)
  })

  test('readContext takes the default branch from the payload', () => {
    expect(upstreamContext('push_master').defaultBranch).toBe('master')
    expect(upstreamContext('schedule').defaultBranch).toBeUndefined()
  })

  test('computed without the default branch it needs, type=edge says how to name it', () => {
    const run = () =>
      computeTags(parseTagRules(['type=edge']), parseFlavor([]), upstreamContext('schedule'))
    expect(run).toThrow(ValueError)
    expect(run).toThrow(
      `rule "type=edge" needs the repository's default branch, which this event's payload does not name. Expected the branch in the rule, e.g. type=edge,branch=main`
    )
  })
})
