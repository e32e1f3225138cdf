#!/usr/bin/env bash
# The wall time of a two-platform compiled build (issue 18): one job building linux/amd64 and
# linux/arm64 (arm64 under QEMU, as on a single x64 runner) versus a fan-out, each platform in a
# job of its own. On this one machine the arm64 job still runs under QEMU, so the script
# prints what it measures and the fan-out's expected figure on native runners, with its
# assumption (an arm64 runner compiles as fast as the x64 one).
#
# The workload: a small Go program (net/http, encoding/json, crypto) compiled in the image by a
# Go toolchain image the script makes from Debian's golang-1.19 and libc6 .debs on the world's
# busybox base (no pull from Docker Hub). Needs the e2e world (`npm run e2e:up`). Not part of the tests.
#
#   bash scripts/bench-fan-out.sh [runs]      # default 1 run of each build, no cache
set -Eeuo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-1}
E2E_ROOT="${E2E_ROOT:-/var/tmp/ipa-e2e}"
# shellcheck disable=SC1091
set -a && source "$E2E_ROOT/env" && set +a
APT_DIR="$E2E_ROOT/apt"
DEBS="$E2E_ROOT/debs/bench-go"
WORK="$E2E_ROOT/bench-fan-out"
TOOLCHAIN="$REGISTRY/e2e/go-toolchain:1.19"
export PATH="$E2E_PATH:$PATH" DOCKER_HOST DOCKER_CONFIG

if ! compgen -G "$DEBS/libc6_*_arm64.deb" >/dev/null; then
  mkdir -p "$DEBS"
  chown _apt "$DEBS" 2>/dev/null || true
  (cd "$DEBS" && apt-get -q -oDir::Etc::SourceList=/dev/null \
    -oDir::Etc::SourceParts="$APT_DIR/sources.d" -oDir::Etc::PreferencesParts="$APT_DIR/preferences.d" \
    -oDir::State::Lists="$APT_DIR/lists" -oDir::Cache="$APT_DIR/cache" \
    -oAPT::Architectures=amd64,arm64,armhf -oAcquire::Languages=none \
    download golang-1.19-go:amd64/bookworm golang-1.19-go:arm64/bookworm golang-1.19-src/bookworm \
    libc6:amd64/bookworm libc6:arm64/bookworm) >/dev/null
fi

# The toolchain image: the world's busybox base plus Go 1.19 for each architecture.
if ! skopeo inspect --raw --authfile "$DOCKER_CONFIG/config.json" "docker://$TOOLCHAIN" >/dev/null 2>&1; then
  rm -rf "$WORK/toolchain" && mkdir -p "$WORK/toolchain"
  for arch in amd64 arm64; do
    root="$WORK/toolchain/go-$arch"
    mkdir -p "$root"
    dpkg -x "$(compgen -G "$DEBS/golang-1.19-go_*_$arch.deb" | head -1)" "$root"
    dpkg -x "$(compgen -G "$DEBS/golang-1.19-src_*_all.deb" | head -1)" "$root"
    # Debian's go is linked against glibc: its loader and libc come along
    dpkg -x "$(compgen -G "$DEBS/libc6_*_$arch.deb" | head -1)" "$root"
    rm -rf "$root/usr/share/doc" "$root/usr/share/man"
  done
  cat >"$WORK/toolchain/Dockerfile" <<EOF
FROM $BASE_IMAGE
ARG TARGETARCH
COPY go-\${TARGETARCH}/ /
ENV PATH=/usr/lib/go-1.19/bin:/bin GOROOT=/usr/lib/go-1.19 CGO_ENABLED=0 HOME=/tmp GOCACHE=/tmp/gocache GOPATH=/tmp/go GOFLAGS=-mod=mod GOTOOLCHAIN=local
EOF
  docker buildx build --platform linux/amd64,linux/arm64 --network host --provenance=false \
    --push -t "$TOOLCHAIN" "$WORK/toolchain" >"$WORK/toolchain.log" 2>&1 || {
    tail -20 "$WORK/toolchain.log" >&2
    exit 1
  }
fi

# The workload: a program that pulls in a good part of the standard library.
mkdir -p "$WORK/app"
cat >"$WORK/app/main.go" <<'EOF'
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func main() {
	sum := sha256.Sum256([]byte(os.Args[0]))
	out, _ := json.Marshal(map[string]string{"sum": fmt.Sprintf("%x", sum)})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write(out) })
	fmt.Println(string(out))
}
EOF
printf 'module example.com/app\n\ngo 1.19\n' >"$WORK/app/go.mod"
cat >"$WORK/app/Dockerfile" <<EOF
FROM $TOOLCHAIN AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .
FROM $BASE_IMAGE
COPY --from=build /out/app /app
EOF

# One build of `platforms` into an OCI layout, no cache: its wall time in seconds.
build() {
  local platforms=$1 out t0
  out=$(mktemp -d)
  t0=$(date +%s.%N)
  docker buildx build --no-cache --platform "$platforms" --network host --provenance=false \
    --output "type=oci,dest=$out,tar=false" "$WORK/app" >"$WORK/build.log" 2>&1 || {
    tail -20 "$WORK/build.log" >&2
    exit 1
  }
  echo "$(date +%s.%N) - $t0" | bc
  rm -rf "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
one=() amd=() arm=()
for ((i = 0; i < RUNS; i++)); do
  one+=("$(build linux/amd64,linux/arm64)")
  amd+=("$(build linux/amd64)")
  arm+=("$(build linux/arm64)")
done
ONE=$(printf '%s\n' "${one[@]}" | median)
AMD=$(printf '%s\n' "${amd[@]}" | median)
ARM=$(printf '%s\n' "${arm[@]}" | median)
# The merge job measured by the fan-out e2e on this machine (`fan-out e2e: merge job 1.8 s`).
MERGE=${MERGE_SECONDS:-1.8}
printf 'compiled two-platform build (Go 1.19, net/http + encoding/json + crypto), %s run(s), no cache\n' "$RUNS"
printf '  one job, amd64 native + arm64 under QEMU   %6.1f s\n' "$ONE"
printf '  platform job linux/amd64 (native)          %6.1f s\n' "$AMD"
printf '  platform job linux/arm64 (QEMU, here)      %6.1f s   QEMU/native %.1fx\n' "$ARM" "$(echo "$ARM / $AMD" | bc -l)"
printf '  merge job (index + sign + verify + tag)    %6.1f s   (measured by the fan-out e2e; MERGE_SECONDS)\n' "$MERGE"
printf '  fan-out here: max(amd64, arm64) + merge    %6.1f s\n' "$(echo "if ($AMD > $ARM) $AMD else $ARM" | bc -l | awk -v m="$MERGE" '{print $1 + m}')"
printf '  fan-out on native runners (assumes arm64 compiles as fast as amd64): max(%.1f, %.1f) + %.1f = %.1f s, %.1fx faster than one job\n' \
  "$AMD" "$AMD" "$MERGE" "$(echo "$AMD + $MERGE" | bc -l)" "$(echo "$ONE / ($AMD + $MERGE)" | bc -l)"
