module ipa-e2e/referrers-registry

go 1.24.0

require github.com/google/go-containerregistry v0.20.7

// Built offline (GOPROXY=off) from Debian's golang-github-google-go-containerregistry-dev.
// scripts/e2e-env.sh builds a copy of this module in which this path is rewritten to where it
// unpacked that package ($E2E_ROOT/referrers/go/usr/share/gocode/src/...).
replace github.com/google/go-containerregistry => /usr/share/gocode/src/github.com/google/go-containerregistry
