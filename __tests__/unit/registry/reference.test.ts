import {
  authKey,
  isGhcr,
  registryOf,
  registryOfAuthKey,
  repositoryOf
} from '../../../src/reference.js'

describe('registryOf / repositoryOf: docker normalisation', () => {
  test.each([
    // image, registry, repository
    ['ghcr.io/o/r', 'ghcr.io', 'o/r'],
    ['ghcr.io/owner/group/app', 'ghcr.io', 'owner/group/app'],
    ['octo/app', 'docker.io', 'octo/app'],
    ['app', 'docker.io', 'library/app'],
    ['app:1.2', 'docker.io', 'library/app'],
    ['app@sha256:' + 'a'.repeat(64), 'docker.io', 'library/app'],
    ['docker.io/app', 'docker.io', 'library/app'],
    ['docker.io/octo/app', 'docker.io', 'octo/app'],
    ['index.docker.io/octo/app', 'docker.io', 'octo/app'],
    ['registry-1.docker.io/library/app', 'docker.io', 'library/app'],
    ['localhost/x', 'localhost', 'x'],
    ['localhost:5443/x', 'localhost:5443', 'x'],
    ['localhost:5443/e2e/base:1', 'localhost:5443', 'e2e/base'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000', 'a/b'],
    ['[::1]:5000/x', '[::1]:5000', 'x'],
    ['[2001:db8::1]/team/app:tag', '[2001:db8::1]', 'team/app'],
    ['registry:5000/app', 'registry:5000', 'app'],
    ['myregistry.local/app', 'myregistry.local', 'app'],
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'app'
    ],
    ['us-docker.pkg.dev/proj/repo/img', 'us-docker.pkg.dev', 'proj/repo/img'],
    ['Registry/app', 'Registry', 'app'],
    ['library/app', 'docker.io', 'library/app'],
    ['host.example:8443/a/b@sha256:' + 'b'.repeat(64), 'host.example:8443', 'a/b'],
    ['localhostx/app', 'docker.io', 'localhostx/app']
  ])('%s → %s, %s', (image, registry, repository) => {
    expect(registryOf(image)).toBe(registry)
    expect(repositoryOf(image)).toBe(repository)
  })
})

describe('isGhcr', () => {
  test.each([
    ['ghcr.io', true],
    ['GHCR.io', true],
    ['docker.io', false],
    ['ghcr.io:443', false],
    ['containers.ghe.example', false]
  ])('%s → %s', (registry, expected) => {
    expect(isGhcr(registry)).toBe(expected)
  })
})

describe('auths keys', () => {
  test.each([
    ['docker.io', 'https://index.docker.io/v1/'],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5443', 'localhost:5443'],
    ['[::1]:5000', '[::1]:5000']
  ])('authKey(%s) = %s, as docker login writes it', (registry, key) => {
    expect(authKey(registry)).toBe(key)
    expect(registryOfAuthKey(key)).toBe(registry)
  })

  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['http://localhost:5443/v2/', 'localhost:5443'],
    ['harbor.example.com', 'harbor.example.com']
  ])('registryOfAuthKey(%s) = %s', (key, registry) => {
    expect(registryOfAuthKey(key)).toBe(registry)
  })
})
