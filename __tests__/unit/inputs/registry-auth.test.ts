/**
 * registry-auth's syntax (src/inputs/registry-auth.ts): docker/login-action's YAML list, the
 * spellings users paste (Docker Hub's aliases, an https:// prefix, a Harbor robot's `$`, a
 * numeric password), ECR entries without a password, and every password masked first.
 */
import { ValueError } from '../../../src/errors.js'
import { parseRegistryAuth } from '../../../src/inputs/registry-auth.js'
import { parse as yaml } from 'yaml'

const parse = (text: string) => {
  const masked: string[] = []
  return { auths: parseRegistryAuth(text, v => void masked.push(v), yaml), masked }
}

test('the spellings users paste', () => {
  const { auths, masked } = parse(
    [
      '- registry: https://index.docker.io/v1/',
      '  username: hubuser',
      '  password: dckr_pat_abc',
      '- registry: harbor.example.com',
      '  username: robot$team+ci',
      '  password: 123456',
      '- registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      '- registry: Europe-Docker.pkg.dev',
      '  username: oauth2accesstoken',
      '  password: ya29.token',
      '  ecr: false'
    ].join('\n')
  )
  expect(auths).toEqual([
    { registry: 'docker.io', username: 'hubuser', password: 'dckr_pat_abc', ecr: 'auto' },
    { registry: 'harbor.example.com', username: 'robot$team+ci', password: '123456', ecr: 'auto' },
    {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      username: '',
      password: '',
      ecr: 'auto'
    },
    {
      registry: 'europe-docker.pkg.dev',
      username: 'oauth2accesstoken',
      password: 'ya29.token',
      ecr: 'false'
    }
  ])
  expect(masked).toEqual(['dckr_pat_abc', '123456', 'ya29.token'])
})

test('a numeric password is masked as the text it is', () => {
  // YAML reads 123456 as a number; masked as what docker will be given.
  const { masked } = parse('- registry: quay.io\n  username: u\n  password: 123456')
  expect(masked).toEqual(['123456'])
})

test('a registry other than ECR needs its username and password', () => {
  expect(() => parse('- registry: quay.io')).toThrow(ValueError)
  expect(() => parse('- registry: quay.io')).toThrow(
    /^entry 1: username and password are empty: only an ECR registry may leave them out/
  )
  expect(() => parse('- registry: quay.io\n  ecr: true')).not.toThrow()
})

test('an earlier entry’s password is masked before a later entry is refused', () => {
  const masked: string[] = []
  expect(() =>
    parseRegistryAuth(
      '- registry: ghcr.io\n  username: a\n  password: first-secret\n- registry: x y\n  username: b\n  password: second-secret',
      v => void masked.push(v),
      yaml
    )
  ).toThrow(/entry 2: registry "x y" is not a registry host/)
  expect(masked).toEqual(['first-secret', 'second-secret'])
})
