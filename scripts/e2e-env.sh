#!/usr/bin/env bash
# e2e-env.sh — the real end-to-end test world (see docs/test-world.md).
#
# Usage (as root, Debian 12):
#   bash scripts/e2e-env.sh up       # install/unpack tools, start dockerd + the two TLS registries, push base image
#   bash scripts/e2e-env.sh status   # state of each component; exit 1 if any is down
#   bash scripts/e2e-env.sh env      # print $E2E_ROOT/env (KEY=value lines; `set -a; . FILE; set +a`)
#   bash scripts/e2e-env.sh down     # stop dockerd and the registries (downloads and data are kept)
#
# Knobs: E2E_ROOT (default /var/tmp/ipa-e2e), E2E_REGISTRY_PORT (default 5443: distribution 2.8,
# no referrers API), E2E_REFERRERS_PORT (default 5444: go-containerregistry's registry, built here
# from scripts/referrers-registry/, with the OCI referrers API).
# Tests read $E2E_ROOT/env.json (see __tests__/e2e/world.ts).
# The first registry is also served under an ECR-shaped name (ECR_HOST below, user AWS) and as a
# GHES container registry (GHES_HOST, user e2e): `up` adds a line marked `# ipa-e2e` to /etc/hosts
# for both; `down` leaves that line.
# `up` is idempotent: a second run only checks and is fast; .debs are cached under $E2E_ROOT/debs.
set -Eeuo pipefail

E2E_ROOT="${E2E_ROOT:-/var/tmp/ipa-e2e}"
PORT="${E2E_REGISTRY_PORT:-5443}"
REGISTRY="localhost:${PORT}"
REGISTRY_USER="e2e"
BASE_REPO="e2e/base:1"
BASE_IMAGE="${REGISTRY}/${BASE_REPO}"
# the second registry kind: one WITH the OCI referrers API (scripts/referrers-registry/main.go)
REF_PORT="${E2E_REFERRERS_PORT:-5444}"
REFERRERS_REGISTRY="localhost:${REF_PORT}"
REFERRERS_USER="e2e-ref"
# the first registry under an ECR-shaped name (the action recognises ECR by its host name), with
# ECR's fixed user name; its own password. Resolved by a marked line in /etc/hosts.
ECR_HOST="123456789012.dkr.ecr.us-east-1.amazonaws.com"
ECR_REGISTRY="${ECR_HOST}:${PORT}"
# GitHub Enterprise Server's container registry is containers.<GHES host>: the same registry under
# that name lets a run treat it as GitHub's (github-token login, ghcr-retention's Packages API)
GHES_HOST="containers.ghes.test"
GHES_REGISTRY="${GHES_HOST}:${PORT}"
ECR_USER="AWS"
HOSTS_MARK="# ipa-e2e"
HOSTS_LINE="127.0.0.1 $ECR_HOST $GHES_HOST $HOSTS_MARK"

APT_DIR="$E2E_ROOT/apt"
DEBS="$E2E_ROOT/debs"
DOCKER_PREFIX="$E2E_ROOT/docker"
COSIGN2_PREFIX="$E2E_ROOT/cosign2"
COSIGN3_PREFIX="$E2E_ROOT/cosign3"
NOTATION_PREFIX="$E2E_ROOT/notation"
DOCKERD_DIR="$E2E_ROOT/dockerd"
DOCKER_SOCK="$E2E_ROOT/docker.sock"
DOCKER_HOST_URL="unix://$DOCKER_SOCK"
WORLD_DOCKER_CONFIG="$E2E_ROOT/docker-config"
PKI="$E2E_ROOT/pki"
REG_DIR="$E2E_ROOT/registry"
BASE_DIR="$E2E_ROOT/base"
REF_DIR="$E2E_ROOT/referrers"
REF_BIN="$REF_DIR/bin/ipa-e2e-referrers-registry"
# Go 1.24 and go-containerregistry's sources, unpacked from .debs to build REF_BIN
GO_PREFIX="$E2E_ROOT/go"
GO_ROOT="$GO_PREFIX/usr/lib/go-1.24"
GGCR_SRC="$GO_PREFIX/usr/share/gocode/src/github.com/google/go-containerregistry"
REF_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/referrers-registry"
ENV_FILE="$E2E_ROOT/env"
ENV_JSON="$E2E_ROOT/env.json"

SYSTEM_PACKAGES=(runc tini iptables skopeo docker-registry qemu-user-static binfmt-support
  apache2-utils openssl ca-certificates curl debian-archive-keyring)
# busybox-static arches -> docker TARGETARCH (root-<TARGETARCH>) and platform
BUSYBOX_ARCHES=(amd64 arm64 armhf)
# one system CA file per world (state dir), so two worlds (E2E_ROOT, E2E_REGISTRY_PORT) can coexist
CA_SYSTEM_FILE="/usr/local/share/ca-certificates/ipa-e2e-$(printf '%s' "$E2E_ROOT" | sha256sum | cut -c1-12).crt"
# dockerd (rootful) reads registry CAs from /etc/docker/certs.d/HOST:PORT/ca.crt
CERTS_D="/etc/docker/certs.d"

CURRENT_STEP="start"
log() { printf '[e2e-env] %s\n' "$*" >&2; }
step() {
  CURRENT_STEP="$*"
  log "$*"
}
die() {
  printf '[e2e-env] ERROR (step: %s): %s\n' "$CURRENT_STEP" "$*" >&2
  exit 1
}
on_err() {
  local rc=$? line=$1 cmd=$2
  printf '[e2e-env] FAILED at step "%s" (line %s, exit %s): %s\n' "$CURRENT_STEP" "$line" "$rc" "$cmd" >&2
  exit "$rc"
}
trap 'on_err "$LINENO" "$BASH_COMMAND"' ERR

case "$E2E_ROOT" in
  /*) ;;
  *) die "E2E_ROOT must be an absolute path" ;;
esac
[[ "$E2E_ROOT" =~ ^[A-Za-z0-9_./-]+$ ]] || die "E2E_ROOT may only contain [A-Za-z0-9_./-]"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "E2E_REGISTRY_PORT must be a number"
[[ "$REF_PORT" =~ ^[0-9]+$ ]] || die "E2E_REFERRERS_PORT must be a number"
[[ "$REF_PORT" != "$PORT" ]] || die "E2E_REFERRERS_PORT and E2E_REGISTRY_PORT must differ (both $PORT)"

docker_path() { printf '%s' "$DOCKER_PREFIX/usr/bin:$DOCKER_PREFIX/usr/sbin:$PATH"; }
# docker CLI of the world, with the world's daemon and config
wdocker() {
  PATH="$(docker_path)" DOCKER_HOST="$DOCKER_HOST_URL" DOCKER_CONFIG="$WORLD_DOCKER_CONFIG" \
    "$DOCKER_PREFIX/usr/bin/docker" "$@"
}

# apt with a private sources/lists/cache dir (does not touch the machine's apt state)
apt_priv() {
  apt-get -q \
    -oDir::Etc::SourceList=/dev/null \
    -oDir::Etc::SourceParts="$APT_DIR/sources.d" \
    -oDir::Etc::PreferencesParts="$APT_DIR/preferences.d" \
    -oDir::State::Lists="$APT_DIR/lists" \
    -oDir::Cache="$APT_DIR/cache" \
    -oAPT::Architectures=amd64,arm64,armhf \
    -oAcquire::Languages=none \
    "$@"
}

pid_alive() { # pidfile expected-command-substring
  local pidfile=$1 want=$2 pid
  [[ -s "$pidfile" ]] || return 1
  pid=$(<"$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$want"
}

stop_pid() { # pidfile name command-substring
  local pidfile=$1 name=$2 want=$3 pid i
  if ! pid_alive "$pidfile" "$want"; then
    log "$name: not running"
    rm -f "$pidfile"
    return 0
  fi
  pid=$(<"$pidfile")
  log "$name: stopping pid $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    [[ -d "/proc/$pid" ]] || break
    sleep 0.5
  done
  if [[ -d "/proc/$pid" ]]; then
    log "$name: still alive after 30 s, SIGKILL pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$pidfile"
}

# ---------------------------------------------------------------------------------------------
# 1. system packages (bookworm)
# ---------------------------------------------------------------------------------------------
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

ensure_system_packages() {
  step "system packages: checking ${SYSTEM_PACKAGES[*]}"
  local missing=() p
  for p in "${SYSTEM_PACKAGES[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    log "system packages: all present"
    return 0
  fi
  step "system packages: apt-get update (missing: ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get -q update >"$E2E_ROOT/apt-update.log" 2>&1 ||
    {
      tail -20 "$E2E_ROOT/apt-update.log" >&2
      false
    }
  step "system packages: apt-get install ${missing[*]}"
  # docker-registry's postinst tries to start its own service (port 5000); with no init system
  # here invoke-rc.d does not start it ("could not determine current runlevel"). Not used anyway.
  DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends "${missing[@]}" \
    >"$E2E_ROOT/apt-install.log" 2>&1 ||
    {
      tail -30 "$E2E_ROOT/apt-install.log" >&2
      false
    }
}

# ---------------------------------------------------------------------------------------------
# 2. trixie/sid debs: docker.io, containerd, docker-cli, docker-buildx, cosign 2 + 3; busybox-static;
#    Go 1.24 + go-containerregistry's sources (to build the referrers registry)
# ---------------------------------------------------------------------------------------------
write_private_sources() {
  mkdir -p "$APT_DIR/sources.d" "$APT_DIR/preferences.d" "$APT_DIR/lists/partial" \
    "$APT_DIR/cache/archives/partial"
  cat >"$APT_DIR/sources.d/e2e.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Architectures: amd64 arm64 armhf
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie sid
Components: main
Architectures: amd64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

PRIVATE_LISTS_UPDATED=0
private_update() {
  ((PRIVATE_LISTS_UPDATED)) && return 0
  step "debs: apt-get update of private bookworm(amd64,arm64,armhf)/trixie/sid lists"
  write_private_sources
  apt_priv update >"$APT_DIR/update.log" 2>&1 || {
    tail -20 "$APT_DIR/update.log" >&2
    false
  }
  PRIVATE_LISTS_UPDATED=1
}

# download_debs SUBDIR PKG... : into $DEBS/SUBDIR unless already cached there
download_debs() {
  local sub=$1
  shift
  local dir="$DEBS/$sub"
  if [[ -f "$dir/.complete" && "$(<"$dir/.complete")" == "$*" ]]; then
    log "debs/$sub: cached ($(cd "$dir" && ls -- *.deb | tr '\n' ' '))"
    return 0
  fi
  private_update
  step "debs/$sub: apt-get download $*"
  rm -rf "$dir"
  mkdir -p "$dir"
  chown _apt "$dir" 2>/dev/null || true
  (cd "$dir" && apt_priv download "$@") >"$APT_DIR/download-$sub.log" 2>&1 || {
    tail -20 "$APT_DIR/download-$sub.log" >&2
    false
  }
  printf '%s' "$*" >"$dir/.complete"
}

# unpack SUBDIR PREFIX : dpkg -x every cached deb of SUBDIR into PREFIX (once per set of debs)
unpack_debs() {
  local sub=$1 prefix=$2 stamp want
  want=$(cd "$DEBS/$sub" && ls -- *.deb | sort | tr '\n' ' ')
  stamp="$prefix/.unpacked"
  if [[ -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then
    log "unpack $sub: up to date in $prefix"
    return 0
  fi
  step "unpack $sub: dpkg -x $want-> $prefix"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  local deb
  for deb in "$DEBS/$sub"/*.deb; do dpkg -x "$deb" "$prefix"; done
  if [[ "$sub" == cosign* || "$sub" == notation ]]; then
    # the package's own name: cosign2 and cosign3 both hold a cosign_<version>_<arch>.deb
    dpkg-deb -f "$DEBS/$sub/${sub%%[0-9]*}"_*.deb Version >"$prefix/.deb-version"
  fi
  printf '%s' "$want" >"$stamp"
}

# notation's own `version` output names it (Version: 1.3.2); the .deb's version must agree
notation_version() {
  local v deb
  [[ -x "$NOTATION_PREFIX/usr/bin/notation" ]] || return 0
  # Debian's build says `v1.3.2+unreleased`: the upstream version is what is between
  v=$("$NOTATION_PREFIX/usr/bin/notation" version 2>/dev/null | awk '/^Version:/ {print $2}')
  v=${v#v}
  v=${v%%+*}
  deb=$(<"$NOTATION_PREFIX/.deb-version")
  deb=${deb#*:}
  deb=${deb%%-*}
  [[ "$v" == "$deb" ]] && printf '%s' "$v" || printf '%s(deb %s)' "$v" "$deb"
}

# Debian's cosign builds report `GitVersion: devel` in `cosign version`, so the version comes from
# the .deb we unpacked (upstream part, e.g. 3.1.1), cross-checked by behaviour of the binary:
# only cosign 3 has the `signing-config` command.
cosign_version() { # prefix -> vX.Y.Z, or nothing
  local prefix=$1 v
  [[ -x "$prefix/usr/bin/cosign" && -s "$prefix/.deb-version" ]] || return 0
  v=$(<"$prefix/.deb-version")
  v=${v#*:}
  v=${v%%-*}
  v=${v%%+*}
  local has_sc=0
  "$prefix/usr/bin/cosign" signing-config --help >/dev/null 2>&1 && has_sc=1
  case "$v" in
    3.*) ((has_sc)) || v="$v(binary-lacks-signing-config)" ;;
    2.*) ((has_sc)) && v="$v(binary-has-signing-config)" ;;
  esac
  printf 'v%s' "$v"
}

# The referrers registry is built from scripts/referrers-registry/ with the unpacked Go, offline:
# GOPROXY=off, and the module's `replace` pointed at the unpacked go-containerregistry sources.
# Rebuilt only when main.go, go.mod or the unpacked .debs change (stamp next to the binary).
referrers_build_id() {
  {
    cat "$REF_SRC/go.mod" "$REF_SRC/main.go"
    cat "$GO_PREFIX/.unpacked"
  } | sha256sum | cut -c1-64
}

ensure_referrers_binary() {
  [[ -f "$REF_SRC/main.go" && -f "$REF_SRC/go.mod" ]] || die "missing $REF_SRC/main.go or go.mod"
  [[ -x "$GO_ROOT/bin/go" && -d "$GGCR_SRC/pkg/registry" ]] || die "Go or go-containerregistry not unpacked in $GO_PREFIX"
  local id stamp="$REF_BIN.build-id"
  id=$(referrers_build_id)
  if [[ -x "$REF_BIN" && -f "$stamp" && "$(<"$stamp")" == "$id" ]]; then
    log "referrers: binary up to date ($REF_BIN)"
    return 0
  fi
  local build="$REF_DIR/build" t0=$SECONDS
  step "referrers: go build (offline) $REF_SRC -> $REF_BIN (log $build/build.log)"
  mkdir -p "$REF_DIR/bin"
  chmod 700 "$REF_DIR"
  rm -rf "$build"
  mkdir -p "$build/src"
  cp "$REF_SRC/go.mod" "$REF_SRC/main.go" "$build/src/"
  local -a goenv=(env -i HOME="$build" PATH="$GO_ROOT/bin:/usr/bin:/bin" GOROOT="$GO_ROOT"
    GOPATH="$build/gopath" GOCACHE="$REF_DIR/go-build-cache" GOENV=off GOTOOLCHAIN=local
    GOTELEMETRY=off GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod CGO_ENABLED=0)
  (
    cd "$build/src" &&
      "${goenv[@]}" go mod edit -replace="github.com/google/go-containerregistry=$GGCR_SRC" &&
      "${goenv[@]}" go version &&
      "${goenv[@]}" go build -trimpath -o "$REF_BIN.tmp" .
  ) >"$build/build.log" 2>&1 || {
    tail -30 "$build/build.log" >&2
    false
  }
  mv "$REF_BIN.tmp" "$REF_BIN"
  printf '%s' "$id" >"$stamp"
  log "referrers: built in $((SECONDS - t0)) s ($(head -1 "$build/build.log"), go-containerregistry $(dpkg-deb -f "$DEBS"/referrers/golang-github-google-go-containerregistry-dev_*.deb Version))"
}

ensure_tools() {
  mkdir -p "$DEBS"
  download_debs docker docker.io/trixie containerd/trixie docker-cli/trixie docker-buildx/sid
  download_debs cosign3 cosign/sid
  download_debs cosign2 cosign/trixie
  download_debs notation notation/sid
  local bb=() a
  for a in "${BUSYBOX_ARCHES[@]}"; do bb+=("busybox-static:$a/bookworm"); done
  download_debs busybox "${bb[@]}"
  # pkg/registry imports only the standard library and go-containerregistry's own packages
  # (its depcheck_test.go holds it to that), so the -dev package's other Depends are not needed
  download_debs referrers golang-1.24-go/trixie golang-1.24-src/trixie \
    golang-github-google-go-containerregistry-dev/sid

  unpack_debs docker "$DOCKER_PREFIX"
  unpack_debs cosign3 "$COSIGN3_PREFIX"
  unpack_debs cosign2 "$COSIGN2_PREFIX"
  unpack_debs notation "$NOTATION_PREFIX"
  unpack_debs referrers "$GO_PREFIX"
  ensure_referrers_binary

  step "tools: checking versions"
  local b
  for b in usr/sbin/dockerd usr/bin/containerd usr/bin/docker usr/libexec/docker/cli-plugins/docker-buildx; do
    [[ -x "$DOCKER_PREFIX/$b" ]] || die "missing $DOCKER_PREFIX/$b after unpack"
  done
  COSIGN3_VERSION=$(cosign_version "$COSIGN3_PREFIX")
  COSIGN2_VERSION=$(cosign_version "$COSIGN2_PREFIX")
  [[ "$COSIGN3_VERSION" =~ ^v3\.[0-9.]+$ ]] || die "cosign/sid is '$COSIGN3_VERSION', expected major 3"
  [[ "$COSIGN2_VERSION" =~ ^v2\.[0-9.]+$ ]] || die "cosign/trixie is '$COSIGN2_VERSION', expected major 2"
  NOTATION_VERSION=$(notation_version)
  [[ "$NOTATION_VERSION" =~ ^1\.[0-9.]+$ ]] || die "notation/sid is '$NOTATION_VERSION', expected 1.x"
  log "versions: $(PATH="$(docker_path)" dockerd --version); $("$DOCKER_PREFIX/usr/bin/containerd" --version | awk '{print "containerd", $3}'); $("$DOCKER_PREFIX/usr/bin/docker" --version | cut -d, -f1); buildx $("$DOCKER_PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" version | awk '{print $2}'); cosign3 $COSIGN3_VERSION; cosign2 $COSIGN2_VERSION; $(skopeo --version); runc $(runc --version | awk 'NR==1{print $3}')"
}

# ---------------------------------------------------------------------------------------------
# 3. QEMU binfmt
# ---------------------------------------------------------------------------------------------
ensure_binfmt() {
  step "binfmt: mount binfmt_misc if needed and update-binfmts --enable"
  if ! mountpoint -q /proc/sys/fs/binfmt_misc; then
    log "binfmt: mounting binfmt_misc on /proc/sys/fs/binfmt_misc"
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  fi
  update-binfmts --enable >/dev/null 2>&1 || update-binfmts --enable
  local a
  for a in qemu-aarch64 qemu-arm; do
    grep -q '^enabled' "/proc/sys/fs/binfmt_misc/$a" 2>/dev/null || die "binfmt $a not enabled"
    grep -q '^flags:.*F' "/proc/sys/fs/binfmt_misc/$a" || die "binfmt $a lacks the F (fix-binary) flag"
  done
}

# ---------------------------------------------------------------------------------------------
# 4. dockerd
# ---------------------------------------------------------------------------------------------
dockerd_ready() { wdocker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

ensure_dockerd() {
  mkdir -p "$DOCKERD_DIR/data" "$DOCKERD_DIR/exec" "$WORLD_DOCKER_CONFIG/cli-plugins"
  step "docker-config: link buildx plugin into $WORLD_DOCKER_CONFIG/cli-plugins"
  ln -sfn "$DOCKER_PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" \
    "$WORLD_DOCKER_CONFIG/cli-plugins/docker-buildx"
  [[ -f "$WORLD_DOCKER_CONFIG/config.json" ]] || printf '{}\n' >"$WORLD_DOCKER_CONFIG/config.json"
  chmod 700 "$WORLD_DOCKER_CONFIG"

  printf '{"features":{"containerd-snapshotter":true}}\n' >"$DOCKERD_DIR/daemon.json"
  if pid_alive "$DOCKERD_DIR/dockerd.pid" dockerd && dockerd_ready; then
    log "dockerd: already running (pid $(<"$DOCKERD_DIR/dockerd.pid"))"
    return 0
  fi
  if pid_alive "$DOCKERD_DIR/dockerd.pid" dockerd; then
    step "dockerd: pid $(<"$DOCKERD_DIR/dockerd.pid") alive but not answering, restarting"
    stop_pid "$DOCKERD_DIR/dockerd.pid" dockerd dockerd
  fi
  rm -f "$DOCKERD_DIR/dockerd.pid"
  step "dockerd: starting on $DOCKER_HOST_URL (containerd image store; log $DOCKERD_DIR/dockerd.log)"
  {
    printf '\n==== %s dockerd start ====\n' "$(date -Is)"
  } >>"$DOCKERD_DIR/dockerd.log"
  PATH="$(docker_path)" setsid nohup "$DOCKER_PREFIX/usr/sbin/dockerd" \
    --config-file "$DOCKERD_DIR/daemon.json" \
    -H "$DOCKER_HOST_URL" \
    --exec-root "$DOCKERD_DIR/exec" \
    --data-root "$DOCKERD_DIR/data" \
    --pidfile "$DOCKERD_DIR/dockerd.pid" \
    --iptables=false --ip6tables=false --bridge=none \
    </dev/null >>"$DOCKERD_DIR/dockerd.log" 2>&1 9>&- &
  local i
  for i in $(seq 1 120); do
    dockerd_ready && break
    sleep 0.5
  done
  if ! dockerd_ready; then
    tail -30 "$DOCKERD_DIR/dockerd.log" >&2
    die "dockerd not ready after 60 s (log above: $DOCKERD_DIR/dockerd.log)"
  fi
  local store
  store=$(wdocker info --format '{{.DriverStatus}}')
  [[ "$store" == *io.containerd.snapshotter* ]] || die "dockerd is not using the containerd image store: $store"
  log "dockerd: ready (server $(wdocker version --format '{{.Server.Version}}'), pid $(<"$DOCKERD_DIR/dockerd.pid"))"
}

# ---------------------------------------------------------------------------------------------
# 4b. the ECR-shaped host name -> 127.0.0.1 (/etc/hosts, one line marked "# ipa-e2e")
# ---------------------------------------------------------------------------------------------
ecr_host_address() { # first address the resolver gives for ECR_HOST (files before dns)
  getent hosts "${1:-$ECR_HOST}" 2>/dev/null | awk 'NR == 1 {print $1}' || true
}

ensure_ecr_host() {
  if grep -qxF -- "$HOSTS_LINE" /etc/hosts; then
    log "hosts: $ECR_HOST already in /etc/hosts"
  else
    step "hosts: adding '$HOSTS_LINE' to /etc/hosts (other lines kept)"
    # /etc/hosts may be a bind mount (containers): written in place, never replaced by a rename
    if grep -q -- " $HOSTS_MARK\$" /etc/hosts; then
      local keep
      keep=$(grep -v -- " $HOSTS_MARK\$" /etc/hosts || true)
      printf '%s\n' "$keep" >/etc/hosts
    fi
    # a last line without its newline gets one before ours
    if [[ -s /etc/hosts && -n "$(tail -c1 /etc/hosts)" ]]; then printf '\n' >>/etc/hosts; fi
    printf '%s\n' "$HOSTS_LINE" >>/etc/hosts
  fi
  local addr h
  for h in "$ECR_HOST" "$GHES_HOST"; do
    addr=$(ecr_host_address "$h")
    [[ "$addr" == 127.0.0.1 ]] ||
      die "$h resolves to '${addr:-nothing}', not 127.0.0.1 (an earlier /etc/hosts line? nsswitch.conf?)"
  done
}

# ---------------------------------------------------------------------------------------------
# 5. PKI + TLS registry with htpasswd
# ---------------------------------------------------------------------------------------------
# the server cert must verify with the CA for every name the registries are reached by
server_cert_ok() {
  [[ -s "$PKI/server.crt" && -s "$PKI/server.key" ]] || return 1
  local h
  for h in localhost "$ECR_HOST" "$GHES_HOST"; do
    openssl verify -CAfile "$PKI/ca.crt" -verify_hostname "$h" "$PKI/server.crt" >/dev/null 2>&1 || return 1
  done
  openssl verify -CAfile "$PKI/ca.crt" -verify_ip 127.0.0.1 "$PKI/server.crt" >/dev/null 2>&1
}

# A Notary Project signing PKI: a CA and a code-signing leaf under it (the key the tests sign
# with), and a second CA with its own leaf (a signer outside the trust store). The leaf follows
# the Notary Project's certificate requirements: digitalSignature, codeSigning, not a CA.
notary_pair() { # name subject-cn -> $NOTARY/<name>-ca.{crt,key}, <name>.{key,crt}, <name>-chain.crt
  local name=$1 cn=$2 ca_name
  ca_name=$([[ $name == signer ]] && echo ca || echo "$name-ca")
  if [[ ! -s "$NOTARY/$ca_name.crt" ]]; then
    openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 \
      -keyout "$NOTARY/$ca_name.key" -out "$NOTARY/$ca_name.crt" \
      -subj "/C=US/O=ipa-e2e/CN=$cn CA" \
      -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  fi
  if [[ ! -s "$NOTARY/$name-chain.crt" ]]; then
    openssl req -newkey rsa:3072 -nodes -sha256 -keyout "$NOTARY/$name.key" -out "$NOTARY/$name.csr" \
      -subj "/C=US/ST=WA/O=ipa-e2e/CN=$cn" 2>/dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=codeSigning" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" >"$NOTARY/$name.ext"
    openssl x509 -req -in "$NOTARY/$name.csr" -CA "$NOTARY/$ca_name.crt" -CAkey "$NOTARY/$ca_name.key" \
      -CAcreateserial -days 825 -sha256 -extfile "$NOTARY/$name.ext" -out "$NOTARY/$name.crt" 2>/dev/null
    cat "$NOTARY/$name.crt" "$NOTARY/$ca_name.crt" >"$NOTARY/$name-chain.crt"
    rm -f "$NOTARY/$name.csr"
  fi
  chmod 600 "$NOTARY"/*.key
}

ensure_notary_pki() {
  NOTARY="$PKI/notary"
  mkdir -p "$NOTARY"
  notary_pair signer "ipa-e2e signer"
  notary_pair rogue "ipa-e2e rogue signer"
  openssl verify -CAfile "$NOTARY/ca.crt" "$NOTARY/signer.crt" >/dev/null ||
    die "the Notary signer certificate does not verify with its CA"
  log "pki: Notary Project signing PKI in $NOTARY (signer under ca.crt, rogue under rogue-ca.crt)"
}

ensure_pki() {
  mkdir -p "$PKI"
  chmod 700 "$PKI"
  if [[ ! -s "$PKI/ca.crt" || ! -s "$PKI/ca.key" ]]; then
    step "pki: creating CA $PKI/ca.crt"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -keyout "$PKI/ca.key" -out "$PKI/ca.crt" \
      -subj "/CN=ipa-e2e test CA $(date +%s)" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -addext "subjectKeyIdentifier=hash" 2>/dev/null
    rm -f "$PKI/server.crt"
  fi
  # (a changed server cert restarts both registries: it is part of what they were started with)
  if ! server_cert_ok; then
    step "pki: creating server cert for localhost, $ECR_HOST, $GHES_HOST, 127.0.0.1"
    openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$PKI/server.key" -out "$PKI/server.csr" \
      -subj "/CN=localhost" 2>/dev/null
    cat >"$PKI/server.ext" <<EOF
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,DNS:$ECR_HOST,DNS:$GHES_HOST,IP:127.0.0.1
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOF
    openssl x509 -req -in "$PKI/server.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
      -days 825 -sha256 -extfile "$PKI/server.ext" -out "$PKI/server.crt" 2>/dev/null
    rm -f "$PKI/server.csr"
    server_cert_ok || die "the new server cert does not verify for localhost, $ECR_HOST, $GHES_HOST and 127.0.0.1"
  fi
  chmod 600 "$PKI"/*.key
  chmod 644 "$PKI/ca.crt" "$PKI/server.crt"

  if ! cmp -s "$PKI/ca.crt" "$CA_SYSTEM_FILE"; then
    step "pki: trusting CA system-wide ($CA_SYSTEM_FILE, update-ca-certificates)"
    install -m 644 "$PKI/ca.crt" "$CA_SYSTEM_FILE"
    update-ca-certificates --fresh >/dev/null 2>&1
  else
    log "pki: CA already trusted system-wide"
  fi
  local h
  for h in "localhost:$PORT" "127.0.0.1:$PORT" "$ECR_REGISTRY" "$GHES_REGISTRY" "localhost:$REF_PORT" "127.0.0.1:$REF_PORT"; do
    if ! cmp -s "$PKI/ca.crt" "$CERTS_D/$h/ca.crt"; then
      step "pki: trusting CA for docker in $CERTS_D/$h/ca.crt"
      install -D -m 644 "$PKI/ca.crt" "$CERTS_D/$h/ca.crt"
    fi
  done
}

reg_password() { cat "$REG_DIR/password"; }
ecr_password() { cat "$REG_DIR/ecr-password"; }

# htpasswd holds exactly REGISTRY_USER and ECR_USER, each with its current password
# (bcrypt salts are random: the file is rebuilt only when this fails, so `up` stays idempotent)
htpasswd_ok() {
  local f="$REG_DIR/htpasswd"
  [[ -s "$f" ]] || return 1
  [[ "$(cut -d: -f1 "$f" | sort | tr '\n' ' ')" == "$(printf '%s\n' "$REGISTRY_USER" "$ECR_USER" | sort | tr '\n' ' ')" ]] ||
    return 1
  reg_password | htpasswd -vi "$f" "$REGISTRY_USER" >/dev/null 2>&1 || return 1
  ecr_password | htpasswd -vi "$f" "$ECR_USER" >/dev/null 2>&1
}

# A registry port must be free or held by this world's registry; checked before anything is
# written for this port (/etc/docker/certs.d/localhost:PORT belongs to whoever serves it).
check_port_of() { # port knob pidfile command-substring
  local port=$1 knob=$2
  pid_alive "$3" "$4" && return 0
  if curl -s -o /dev/null --max-time 2 -k "https://127.0.0.1:$port/" ||
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "port 127.0.0.1:$port is already in use by another process (another world? set $knob)"
  fi
}
check_port() { check_port_of "$PORT" E2E_REGISTRY_PORT "$REG_DIR/registry.pid" docker-registry; }
check_ref_port() { check_port_of "$REF_PORT" E2E_REFERRERS_PORT "$REF_DIR/registry.pid" "$REF_BIN"; }

registry_status_code() { # [auth|ecr|ecr-auth] -> HTTP code of GET /v2/ (ecr*: by the ECR name)
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$PKI/ca.crt") host=$REGISTRY
  [[ "${1:-}" == ecr* ]] && host=$ECR_REGISTRY
  [[ "${1:-}" == *auth ]] && args+=(--netrc-file "$REG_DIR/netrc")
  curl "${args[@]}" "https://$host/v2/" 2>/dev/null || true
}

registry_ready() {
  [[ "$(registry_status_code)" == 401 && "$(registry_status_code auth)" == 200 ]]
}
# the same registry by the ECR name (needs the /etc/hosts line and the cert's SAN), as AWS
ecr_ready() { [[ "$(registry_status_code ecr-auth)" == 200 ]]; }

ensure_registry() {
  mkdir -p "$REG_DIR/data"
  chmod 700 "$REG_DIR"
  if [[ ! -s "$REG_DIR/password" ]]; then
    step "registry: generating credentials for user $REGISTRY_USER (kept in $REG_DIR)"
    (umask 077 && openssl rand -hex 24 >"$REG_DIR/password")
    rm -f "$REG_DIR/htpasswd"
  fi
  if [[ ! -s "$REG_DIR/ecr-password" ]]; then
    step "registry: generating the password of user $ECR_USER (for $ECR_HOST, kept in $REG_DIR)"
    (umask 077 && openssl rand -hex 24 >"$REG_DIR/ecr-password")
  fi
  if ! htpasswd_ok; then
    step "registry: writing htpasswd (bcrypt; users $REGISTRY_USER and $ECR_USER)"
    # htpasswd takes the password in argv only with -b; -i reads it from stdin instead.
    # -n prints "user:hash" and an empty line; the file is rebuilt from both passwords.
    (umask 077 && {
      reg_password | htpasswd -niB "$REGISTRY_USER"
      ecr_password | htpasswd -niB "$ECR_USER"
    } | grep -v '^$' >"$REG_DIR/htpasswd.tmp")
    mv "$REG_DIR/htpasswd.tmp" "$REG_DIR/htpasswd"
    htpasswd_ok || die "htpasswd just written does not verify for $REGISTRY_USER and $ECR_USER"
  fi
  (umask 077 && printf 'machine localhost login %s password %s\nmachine %s login %s password %s\n' \
    "$REGISTRY_USER" "$(reg_password)" "$ECR_HOST" "$ECR_USER" "$(ecr_password)" >"$REG_DIR/netrc")
  local secret_file="$REG_DIR/http-secret"
  [[ -s "$secret_file" ]] || (umask 077 && openssl rand -hex 32 >"$secret_file")
  local cfg="$REG_DIR/config.yml" new
  new=$(
    cat <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $REG_DIR/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$PORT
  secret: $(<"$secret_file")
  tls:
    certificate: $PKI/server.crt
    key: $PKI/server.key
auth:
  htpasswd:
    realm: ipa-e2e
    path: $REG_DIR/htpasswd
EOF
  )
  if [[ ! -f "$cfg" || "$(<"$cfg")" != "$new" ]]; then
    (umask 077 && printf '%s\n' "$new" >"$cfg")
  fi
  # what the running registry was started with: distribution reads its config, TLS cert and key
  # and the htpasswd file at start only, so a change of any of them means a restart
  local want
  want=$(printf '%s\n' "$new" "$(sha256sum <"$PKI/server.crt")" "$(sha256sum <"$PKI/server.key")" \
    "$(sha256sum <"$REG_DIR/htpasswd")")
  if pid_alive "$REG_DIR/registry.pid" docker-registry; then
    if [[ -f "$REG_DIR/started-with" && "$(<"$REG_DIR/started-with")" == "$want" ]] && registry_ready && ecr_ready; then
      log "registry: already running on https://$REGISTRY and https://$ECR_REGISTRY (pid $(<"$REG_DIR/registry.pid"))"
      return 0
    fi
    step "registry: config, cert or htpasswd changed, or not answering: restarting"
    stop_pid "$REG_DIR/registry.pid" registry docker-registry
  fi
  check_port
  step "registry: starting docker-registry on https://$REGISTRY and https://$ECR_REGISTRY (log $REG_DIR/registry.log)"
  printf '\n==== %s registry start ====\n' "$(date -Is)" >>"$REG_DIR/registry.log"
  (umask 077 && printf '%s' "$want" >"$REG_DIR/started-with")
  # the wrapper records the pid of the process that then execs docker-registry
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$REG_DIR/registry.pid" \
    /usr/bin/docker-registry serve "$cfg" </dev/null >>"$REG_DIR/registry.log" 2>&1 9>&- &
  local i
  for i in $(seq 1 60); do
    registry_ready && ecr_ready && break
    sleep 0.5
  done
  if ! registry_ready || ! ecr_ready; then
    tail -20 "$REG_DIR/registry.log" >&2
    die "registry not ready after 30 s: /v2/ unauthenticated=$(registry_status_code) authenticated=$(registry_status_code auth) as $ECR_USER on $ECR_REGISTRY=$(registry_status_code ecr-auth) (want 401/200/200)"
  fi
  log "registry: ready (/v2/ 401 without auth, 200 with auth, also as $ECR_USER on $ECR_REGISTRY; TLS verified with the CA)"
}

# ---------------------------------------------------------------------------------------------
# 5b. the second registry kind: WITH the OCI referrers API (scripts/referrers-registry/main.go:
#     go-containerregistry's pkg/registry, TLS with the same server cert, Basic auth of its own)
# ---------------------------------------------------------------------------------------------
ref_password() { cat "$REF_DIR/password"; }

ref_status_code() { # [auth] -> HTTP code of GET /v2/
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$PKI/ca.crt")
  [[ "${1:-}" == auth ]] && args+=(--netrc-file "$REF_DIR/netrc")
  curl "${args[@]}" "https://$REFERRERS_REGISTRY/v2/" 2>/dev/null || true
}

ref_ready() {
  [[ "$(ref_status_code)" == 401 && "$(ref_status_code auth)" == 200 ]]
}

ensure_referrers_registry() {
  mkdir -p "$REF_DIR/data"
  chmod 700 "$REF_DIR"
  if [[ ! -s "$REF_DIR/password" ]]; then
    step "referrers: generating credentials for user $REFERRERS_USER (kept in $REF_DIR)"
    (umask 077 && openssl rand -hex 24 >"$REF_DIR/password")
  fi
  # the server reads "user:sha256:<hex of SHA-256(password)>" from a file (argv is public)
  local auth
  auth="$REFERRERS_USER:sha256:$(ref_password | tr -d '\n' | sha256sum | cut -c1-64)"
  if [[ ! -f "$REF_DIR/auth" || "$(<"$REF_DIR/auth")" != "$auth" ]]; then
    (umask 077 && printf '%s\n' "$auth" >"$REF_DIR/auth")
  fi
  (umask 077 && printf 'machine localhost login %s password %s\n' "$REFERRERS_USER" "$(ref_password)" \
    >"$REF_DIR/netrc")
  local -a args=(-addr "127.0.0.1:$REF_PORT" -tls-cert "$PKI/server.crt" -tls-key "$PKI/server.key"
    -auth-file "$REF_DIR/auth" -data "$REF_DIR/data" -realm ipa-e2e-referrers)
  # what the running server was started with: its arguments, binary, credentials and certificate
  local want
  want=$(printf '%s\n' "${args[*]}" "$(<"$REF_BIN.build-id")" "$auth" "$(sha256sum <"$PKI/server.crt")")
  if pid_alive "$REF_DIR/registry.pid" "$REF_BIN"; then
    if [[ -f "$REF_DIR/started-with" && "$(<"$REF_DIR/started-with")" == "$want" ]] && ref_ready; then
      log "referrers: already running on https://$REFERRERS_REGISTRY (pid $(<"$REF_DIR/registry.pid"))"
      return 0
    fi
    step "referrers: binary, arguments, credentials or server cert changed, or not answering: restarting"
    stop_pid "$REF_DIR/registry.pid" referrers "$REF_BIN"
  fi
  check_ref_port
  step "referrers: starting $REF_BIN on https://$REFERRERS_REGISTRY (log $REF_DIR/registry.log)"
  printf '\n==== %s referrers registry start ====\n' "$(date -Is)" >>"$REF_DIR/registry.log"
  (umask 077 && printf '%s' "$want" >"$REF_DIR/started-with")
  # (as for the first registry: the wrapper records its pid, then execs the server)
  # shellcheck disable=SC2016
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$REF_DIR/registry.pid" \
    "$REF_BIN" "${args[@]}" </dev/null >>"$REF_DIR/registry.log" 2>&1 9>&- &
  local i
  for i in $(seq 1 60); do
    ref_ready && break
    sleep 0.5
  done
  if ! ref_ready; then
    tail -20 "$REF_DIR/registry.log" >&2
    die "referrers registry not ready after 30 s: /v2/ unauthenticated=$(ref_status_code) authenticated=$(ref_status_code auth) (want 401/200)"
  fi
  log "referrers: ready (/v2/ 401 without auth, 200 with auth, TLS verified with the CA)"
}

ensure_referrers_login() {
  step "docker login $REFERRERS_REGISTRY as $REFERRERS_USER (password via stdin, world DOCKER_CONFIG)"
  local out
  out=$(ref_password | wdocker login --username "$REFERRERS_USER" --password-stdin "$REFERRERS_REGISTRY" 2>&1) || {
    printf '%s\n' "$out" | tail -5 >&2
    false
  }
}

# ---------------------------------------------------------------------------------------------
# 6. multi-arch base image FROM scratch with busybox-static
# ---------------------------------------------------------------------------------------------
deb_arch_to_target() { # debian arch -> TARGETARCH and platform
  case $1 in
    amd64) echo "amd64 linux/amd64" ;;
    arm64) echo "arm64 linux/arm64" ;;
    armhf) echo "arm linux/arm/v7" ;;
    *) die "unknown arch $1" ;;
  esac
}

BASE_PLATFORMS=""
compute_platforms() {
  local a t p list=()
  for a in "${BUSYBOX_ARCHES[@]}"; do
    if compgen -G "$DEBS/busybox/busybox-static_*_${a}.deb" >/dev/null; then
      read -r t p < <(deb_arch_to_target "$a")
      list+=("$p")
    fi
  done
  BASE_PLATFORMS=$(
    IFS=,
    echo "${list[*]}"
  )
}

base_image_ok() {
  local raw
  raw=$(skopeo inspect --raw --authfile "$WORLD_DOCKER_CONFIG/config.json" "docker://$BASE_IMAGE" 2>/dev/null) ||
    return 1
  local p os arch variant plats
  IFS=, read -r -a plats <<<"$BASE_PLATFORMS"
  for p in "${plats[@]}"; do
    IFS=/ read -r os arch variant <<<"$p"
    grep -q "\"architecture\":\"$arch\"" <<<"${raw//[[:space:]]/}" || return 1
  done
}

ensure_login() {
  # always (re)login: cheap, and it repairs a config.json from an earlier world or password
  step "docker login $REGISTRY as $REGISTRY_USER (password via stdin, world DOCKER_CONFIG)"
  local out
  out=$(reg_password | wdocker login --username "$REGISTRY_USER" --password-stdin "$REGISTRY" 2>&1) || {
    printf '%s\n' "$out" | tail -5 >&2
    false
  }
}

ensure_base_image() {
  compute_platforms
  ensure_login
  if base_image_ok; then
    log "base image: $BASE_IMAGE present ($BASE_PLATFORMS)"
    return 0
  fi
  step "base image: preparing busybox-static roots in $BASE_DIR"
  rm -rf "$BASE_DIR"
  mkdir -p "$BASE_DIR"
  local a t p deb root applets
  for a in "${BUSYBOX_ARCHES[@]}"; do
    deb=$(compgen -G "$DEBS/busybox/busybox-static_*_${a}.deb" | head -1) || continue
    read -r t p < <(deb_arch_to_target "$a")
    root="$BASE_DIR/root-$t"
    mkdir -p "$BASE_DIR/x-$a" "$root/bin" "$root/etc" "$root/tmp" "$root/root"
    dpkg -x "$deb" "$BASE_DIR/x-$a"
    install -m 755 "$BASE_DIR/x-$a/bin/busybox" "$root/bin/busybox"
    chmod 1777 "$root/tmp"
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    rm -rf "$BASE_DIR/x-$a"
  done
  # applet names from the host's (amd64) busybox; the same build config for every arch
  applets=$("$BASE_DIR/root-amd64/bin/busybox" --list)
  for root in "$BASE_DIR"/root-*; do
    while read -r a; do
      [[ -n "$a" && "$a" != busybox ]] && ln -sf busybox "$root/bin/$a"
    done <<<"$applets"
  done
  cat >"$BASE_DIR/Dockerfile" <<'EOF'
FROM scratch
ARG TARGETARCH
COPY root-${TARGETARCH}/ /
ENV PATH=/bin
CMD ["/bin/sh"]
EOF
  step "base image: docker buildx build --platform $BASE_PLATFORMS --push -t $BASE_IMAGE"
  wdocker buildx build --platform "$BASE_PLATFORMS" --network host --provenance=false \
    --push -t "$BASE_IMAGE" "$BASE_DIR" >"$BASE_DIR/build.log" 2>&1 || {
    tail -30 "$BASE_DIR/build.log" >&2
    false
  }
  base_image_ok || die "base image pushed but $BASE_IMAGE does not list $BASE_PLATFORMS"
  log "base image: pushed $BASE_IMAGE ($BASE_PLATFORMS)"
}

# ---------------------------------------------------------------------------------------------
# 7. env files
# ---------------------------------------------------------------------------------------------
json_str() { # minimal JSON string escaping (values are paths, hex, versions)
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

write_env() {
  step "env: writing $ENV_FILE and $ENV_JSON"
  local base_digest
  base_digest=$(skopeo inspect --raw --authfile "$WORLD_DOCKER_CONFIG/config.json" "docker://$BASE_IMAGE" |
    sha256sum | awk '{print "sha256:" $1}')
  local -a keys=(
    E2E_ROOT "$E2E_ROOT"
    E2E_PATH "$DOCKER_PREFIX/usr/bin:$DOCKER_PREFIX/usr/sbin"
    DOCKER "$DOCKER_PREFIX/usr/bin/docker"
    DOCKER_HOST "$DOCKER_HOST_URL"
    DOCKER_CONFIG "$WORLD_DOCKER_CONFIG"
    BUILDX_PLUGIN "$DOCKER_PREFIX/usr/libexec/docker/cli-plugins/docker-buildx"
    REGISTRY "$REGISTRY"
    REGISTRY_USER "$REGISTRY_USER"
    REGISTRY_PASSWORD "$(reg_password)"
    CA_CERT "$PKI/ca.crt"
    COSIGN2 "$COSIGN2_PREFIX/usr/bin/cosign"
    COSIGN2_VERSION "$COSIGN2_VERSION"
    COSIGN3 "$COSIGN3_PREFIX/usr/bin/cosign"
    COSIGN3_VERSION "$COSIGN3_VERSION"
    NOTATION "$NOTATION_PREFIX/usr/bin/notation"
    NOTATION_VERSION "$(notation_version)"
    NOTARY_CA "$PKI/notary/ca.crt"
    NOTARY_KEY "$PKI/notary/signer.key"
    NOTARY_CERT "$PKI/notary/signer-chain.crt"
    NOTARY_ROGUE_KEY "$PKI/notary/rogue.key"
    NOTARY_ROGUE_CERT "$PKI/notary/rogue-chain.crt"
    SKOPEO "$(command -v skopeo)"
    BASE_IMAGE "$BASE_IMAGE"
    BASE_IMAGE_DIGEST "$base_digest"
    BASE_PLATFORMS "$BASE_PLATFORMS"
    REFERRERS_REGISTRY "$REFERRERS_REGISTRY"
    REFERRERS_USER "$REFERRERS_USER"
    REFERRERS_PASSWORD "$(ref_password)"
    ECR_REGISTRY "$ECR_REGISTRY"
    ECR_USER "$ECR_USER"
    ECR_PASSWORD "$(ecr_password)"
    GHES_REGISTRY "$GHES_REGISTRY"
  )
  local i env="" json="{" sep=""
  for ((i = 0; i < ${#keys[@]}; i += 2)); do
    [[ "${keys[i + 1]}" =~ ^[A-Za-z0-9_./:,@+=-]*$ ]] || die "unexpected characters in ${keys[i]}"
    env+="${keys[i]}=${keys[i + 1]}"$'\n'
    json+="$sep"$'\n'"  $(json_str "${keys[i]}"): $(json_str "${keys[i + 1]}")"
    sep=","
  done
  json+=$'\n}\n'
  (umask 077 && printf '%s' "$env" >"$ENV_FILE.tmp" && printf '%s' "$json" >"$ENV_JSON.tmp")
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  mv "$ENV_JSON.tmp" "$ENV_JSON"
}

# ---------------------------------------------------------------------------------------------
cmd_up() {
  [[ $EUID -eq 0 ]] || die "must run as root"
  local t0=$SECONDS
  mkdir -p "$E2E_ROOT"
  exec 9>"$E2E_ROOT/.lock"
  step "lock: $E2E_ROOT/.lock"
  flock -w 600 9 || die "another e2e-env.sh holds $E2E_ROOT/.lock"
  step "registry ports: checking 127.0.0.1:$PORT and 127.0.0.1:$REF_PORT are free or ours"
  check_port
  check_ref_port
  ensure_system_packages
  ensure_tools
  ensure_binfmt
  ensure_dockerd
  ensure_ecr_host
  ensure_pki
  ensure_notary_pki
  ensure_registry
  ensure_referrers_registry
  ensure_base_image
  ensure_referrers_login
  write_env
  CURRENT_STEP="done"
  log "up: world ready in $((SECONDS - t0)) s — env: $ENV_FILE, $ENV_JSON"
}

cmd_down() {
  [[ $EUID -eq 0 ]] || die "must run as root"
  mkdir -p "$E2E_ROOT"
  exec 9>"$E2E_ROOT/.lock"
  flock -w 600 9 || die "another e2e-env.sh holds $E2E_ROOT/.lock"
  step "down: stopping the registries"
  stop_pid "$REF_DIR/registry.pid" referrers "$REF_BIN"
  stop_pid "$REG_DIR/registry.pid" registry docker-registry
  step "down: stopping dockerd"
  stop_pid "$DOCKERD_DIR/dockerd.pid" dockerd dockerd
  rm -f "$DOCKER_SOCK"
  # dockerd leaves mounts of its own under its exec/data roots (e.g. exec/netns/default);
  # release those (only those: everything under $DOCKERD_DIR) so the state dir can be removed.
  local m
  while read -r m; do
    log "down: umount $m (left by our dockerd)"
    umount "$m" || umount -l "$m"
  done < <(awk -v d="$DOCKERD_DIR/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r)
  # The tests read env.json to find the world: without it they know it is down (and skip).
  rm -f "$ENV_JSON" "$ENV_FILE"
  CURRENT_STEP="done"
  log "down: stopped (cached debs, tools, registries' data and credentials kept in $E2E_ROOT)"
}

cmd_status() {
  local bad=0
  st() { # name ok|down detail
    printf '%-14s %-5s %s\n' "$1" "$2" "$3"
    [[ "$2" == ok ]] || bad=1
  }
  local p missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]})); then st packages down "missing: ${missing[*]}"; else st packages ok "bookworm packages installed"; fi
  if [[ -x "$DOCKER_PREFIX/usr/sbin/dockerd" && -x "$DOCKER_PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" ]]; then
    st docker-bins ok "$(PATH="$(docker_path)" dockerd --version 2>/dev/null); buildx $("$DOCKER_PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" version 2>/dev/null | awk '{print $2}')"
  else st docker-bins down "not unpacked in $DOCKER_PREFIX"; fi
  local v
  v=$(cosign_version "$COSIGN3_PREFIX" 2>/dev/null || true)
  if [[ "$v" =~ ^v3\.[0-9.]+$ ]]; then st cosign3 ok "$v"; else st cosign3 down "${v:-missing}"; fi
  v=$(cosign_version "$COSIGN2_PREFIX" 2>/dev/null || true)
  if [[ "$v" =~ ^v2\.[0-9.]+$ ]]; then st cosign2 ok "$v"; else st cosign2 down "${v:-missing}"; fi
  if grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null &&
    grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-arm 2>/dev/null; then
    st binfmt ok "qemu-aarch64, qemu-arm enabled"
  else st binfmt down "qemu binfmt handlers not enabled"; fi
  if pid_alive "$DOCKERD_DIR/dockerd.pid" dockerd && dockerd_ready; then
    st dockerd ok "pid $(<"$DOCKERD_DIR/dockerd.pid"), $DOCKER_HOST_URL, server $(wdocker version --format '{{.Server.Version}}')"
  else st dockerd down "not running/answering ($DOCKERD_DIR/dockerd.log)"; fi
  if cmp -s "$PKI/ca.crt" "$CA_SYSTEM_FILE" 2>/dev/null && cmp -s "$PKI/ca.crt" "$CERTS_D/localhost:$PORT/ca.crt" &&
    cmp -s "$PKI/ca.crt" "$CERTS_D/localhost:$REF_PORT/ca.crt" && cmp -s "$PKI/ca.crt" "$CERTS_D/$ECR_REGISTRY/ca.crt" &&
    cmp -s "$PKI/ca.crt" "$CERTS_D/$GHES_REGISTRY/ca.crt"; then
    st ca ok "trusted system-wide and in $CERTS_D/{localhost:$PORT,localhost:$REF_PORT,$ECR_REGISTRY}"
  else st ca down "CA missing or not trusted (system-wide, $CERTS_D/localhost:$PORT, :$REF_PORT or $ECR_REGISTRY)"; fi
  local addr
  addr=$(ecr_host_address)
  if grep -qxF -- "$HOSTS_LINE" /etc/hosts 2>/dev/null && [[ "$addr" == 127.0.0.1 ]] && server_cert_ok; then
    st ecr-host ok "$ECR_HOST -> 127.0.0.1 (/etc/hosts), in the server cert"
  else st ecr-host down "/etc/hosts line '$HOSTS_LINE' missing, resolves to '${addr:-nothing}', or not in the server cert"; fi
  if pid_alive "$REG_DIR/registry.pid" docker-registry && [[ -s "$REG_DIR/netrc" ]] && registry_ready; then
    st registry ok "pid $(<"$REG_DIR/registry.pid"), https://$REGISTRY (401 anon / 200 auth)"
    if ecr_ready; then st ecr-registry ok "https://$ECR_REGISTRY (the same registry, 200 as $ECR_USER)"
    else st ecr-registry down "https://$ECR_REGISTRY does not answer 200 as $ECR_USER (ecr-host? htpasswd?)"; fi
  else st registry down "not running/answering ($REG_DIR/registry.log)"; fi
  if pid_alive "$REF_DIR/registry.pid" "$REF_BIN" && [[ -s "$REF_DIR/netrc" ]] && ref_ready; then
    st referrers ok "pid $(<"$REF_DIR/registry.pid"), https://$REFERRERS_REGISTRY (401 anon / 200 auth, OCI referrers API)"
  elif [[ ! -x "$REF_BIN" ]]; then
    st referrers down "not built ($REF_BIN)"
  else st referrers down "not running/answering ($REF_DIR/registry.log)"; fi
  compute_platforms
  if [[ -f "$WORLD_DOCKER_CONFIG/config.json" ]] && base_image_ok 2>/dev/null; then
    st base-image ok "$BASE_IMAGE ($BASE_PLATFORMS)"
  else st base-image down "$BASE_IMAGE not in registry"; fi
  if [[ -s "$ENV_JSON" && -s "$ENV_FILE" ]]; then st env-file ok "$ENV_JSON"; else st env-file down "no $ENV_JSON"; fi
  return "$bad"
}

cmd_env() {
  [[ -s "$ENV_FILE" ]] || die "no $ENV_FILE: run 'bash scripts/e2e-env.sh up' first"
  cat "$ENV_FILE"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status)
    # (an `if` keeps the non-zero status of a down world out of the ERR trap)
    if cmd_status; then exit 0; else exit 1; fi
    ;;
  env) cmd_env ;;
  *)
    echo "usage: $0 up|down|status|env" >&2
    exit 2
    ;;
esac
