// Command referrers-registry is the e2e world's second registry kind: a registry WITH the OCI
// referrers API (GET /v2/<name>/referrers/<digest>), where the world's first registry
// (distribution 2.8, like GHCR) has none. It is go-containerregistry's pkg/registry with
// registry.WithReferrersSupport(true), served over TLS and behind HTTP Basic auth that answers
// 401 the way distribution's htpasswd auth does, so that docker, skopeo, cosign and Node clients
// log in to it the ordinary way. scripts/e2e-env.sh builds and starts it (docs/test-world.md).
//
// Storage: blobs are kept on disk, with pkg/registry's own NewDiskBlobHandler (-data/blobs).
// pkg/registry keeps manifests and tags in memory only, so this program journals every manifest
// PUT and DELETE that the registry accepted (-data/manifests.jsonl) and replays the journal at
// start: a restart (`e2e-env.sh down` then `up`) keeps what was pushed, as the first registry does.
//
// pkg/registry 0.20.7's referrers API is partial, so that clients would see a registry unlike any
// real one; unless -pkg-registry-as-is is given, this program completes it as the OCI
// distribution spec 1.1 says (the rest is pkg/registry's own):
//   - a manifest PUT with a `subject` is answered with an `OCI-Subject: <subject digest>` header
//     (pkg/registry sends none, so that oras-like clients would also write a fallback tag);
//   - each descriptor of GET /v2/<name>/referrers/<digest> has the manifest's `artifactType`
//     (pkg/registry puts config.mediaType there even when the manifest has an artifactType: for a
//     cosign 3 bundle, application/vnd.oci.empty.v1+json) and its `annotations` (pkg/registry: none);
//   - `?artifactType=` filters the list, with `OCI-Filters-Applied: artifactType` (pkg/registry
//     ignores it).
//
// Credentials come from a file (-auth-file), never from argv (argv is visible to every process):
// one "user:sha256:<hex>" line per user, <hex> being the SHA-256 of the password.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/google/go-containerregistry/pkg/registry"
)

// the largest manifest accepted (distribution's limit is 4 MiB too)
const maxManifestBytes = 4 << 20

var (
	manifestPath  = regexp.MustCompile(`^/v2/(.+)/manifests/([^/]+)$`)
	referrersPath = regexp.MustCompile(`^/v2/(.+)/referrers/([^/]+)$`)
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5444", "listen address")
	certFile := flag.String("tls-cert", "", "TLS certificate (PEM)")
	keyFile := flag.String("tls-key", "", "TLS private key (PEM)")
	authFile := flag.String("auth-file", "", `credentials file: "user:sha256:<hex of SHA-256(password)>" lines`)
	dataDir := flag.String("data", "", "data directory (blobs/ and manifests.jsonl)")
	realm := flag.String("realm", "ipa-e2e-referrers", "Basic auth realm")
	asIs := flag.Bool("pkg-registry-as-is", false, "serve pkg/registry's referrers API without the OCI 1.1 completions")
	flag.Parse()
	if *certFile == "" || *keyFile == "" || *authFile == "" || *dataDir == "" {
		log.Fatal("-tls-cert, -tls-key, -auth-file and -data are required")
	}

	users, err := readAuthFile(*authFile)
	if err != nil {
		log.Fatalf("auth file: %v", err)
	}
	blobDir := filepath.Join(*dataDir, "blobs")
	if err := os.MkdirAll(blobDir, 0o700); err != nil {
		log.Fatal(err)
	}
	reg := registry.New(
		registry.WithReferrersSupport(true),
		registry.WithBlobHandler(registry.NewDiskBlobHandler(blobDir)),
		registry.Logger(log.New(os.Stderr, "registry: ", log.LstdFlags)),
	)
	store, err := openJournal(filepath.Join(*dataDir, "manifests.jsonl"), reg, !*asIs)
	if err != nil {
		log.Fatalf("manifest journal: %v", err)
	}

	srv := &http.Server{
		Addr:              *addr,
		Handler:           basicAuth(*realm, users, store),
		ReadHeaderTimeout: 30 * time.Second,
		TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12},
	}
	done := make(chan struct{})
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
		s := <-sig
		log.Printf("%v: shutting down", s)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		close(done)
	}()
	log.Printf("serving https://%s (referrers API on, OCI 1.1 completions %v, blobs in %s, %d user(s))",
		*addr, !*asIs, blobDir, len(users))
	if err := srv.ListenAndServeTLS(*certFile, *keyFile); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-done
	store.close()
}

// ---- auth -----------------------------------------------------------------------------------

func readAuthFile(path string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	users := map[string][]byte{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		user, rest, ok := strings.Cut(line, ":sha256:")
		sum, err := hex.DecodeString(rest)
		if !ok || user == "" || err != nil || len(sum) != sha256.Size {
			return nil, fmt.Errorf("%s:%d: want user:sha256:<64 hex digits>", path, n)
		}
		users[user] = sum
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, fmt.Errorf("%s: no user", path)
	}
	return users, nil
}

// basicAuth lets a request through with a known user and password; otherwise it answers 401
// with the headers and body of distribution 2.8's htpasswd auth (realm aside).
func basicAuth(realm string, users map[string][]byte, next http.Handler) http.Handler {
	challenge := fmt.Sprintf("Basic realm=%q", realm)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); ok {
			if want, known := users[user]; known {
				got := sha256.Sum256([]byte(pass))
				if subtle.ConstantTimeCompare(got[:], want) == 1 {
					next.ServeHTTP(w, r)
					return
				}
			}
			log.Printf("auth: %s %s: bad credentials for user %q", r.Method, r.URL.Path, user)
		}
		h := w.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Docker-Distribution-Api-Version", "registry/2.0")
		h.Set("WWW-Authenticate", challenge)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}`+"\n")
	})
}

// ---- manifest journal -----------------------------------------------------------------------

type entry struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	ContentType string `json:"contentType,omitempty"`
	Body        []byte `json:"body,omitempty"`
}

type journal struct {
	mu   sync.Mutex // serialises manifest writes, so the journal has them in the order they were accepted
	f    *os.File
	next http.Handler
	// OCI 1.1 completions on; then info holds what a referrers descriptor needs of each manifest
	complete bool
	infoMu   sync.RWMutex
	info     map[string]manifestInfo // by manifest digest
}

// what the OCI spec puts in a referrers descriptor, besides mediaType, size and digest
type manifestInfo struct {
	ArtifactType string                     `json:"artifactType"`
	Config       struct{ MediaType string } `json:"config"`
	Annotations  map[string]string          `json:"annotations"`
	Subject      *struct{ Digest string }   `json:"subject"`
}

func (j *journal) remember(body []byte) (subject string) {
	var m manifestInfo
	if json.Unmarshal(body, &m) != nil {
		return ""
	}
	sum := sha256.Sum256(body)
	j.infoMu.Lock()
	j.info["sha256:"+hex.EncodeToString(sum[:])] = m
	j.infoMu.Unlock()
	if m.Subject != nil {
		return m.Subject.Digest
	}
	return ""
}

func openJournal(path string, next http.Handler, complete bool) (*journal, error) {
	j := &journal{next: next, complete: complete, info: map[string]manifestInfo{}}
	replayed := 0
	if f, err := os.Open(path); err == nil {
		dec := json.NewDecoder(bufio.NewReader(f))
		for {
			var e entry
			if err := dec.Decode(&e); err == io.EOF {
				break
			} else if err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: entry %d: %w", path, replayed+1, err)
			}
			req := httptest.NewRequest(e.Method, e.Path, bytes.NewReader(e.Body))
			if e.ContentType != "" {
				req.Header.Set("Content-Type", e.ContentType)
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, req)
			if rec.Code >= 300 {
				log.Printf("journal: replaying %s %s: %d %s", e.Method, e.Path, rec.Code, strings.TrimSpace(rec.Body.String()))
			} else if e.Method == http.MethodPut {
				j.remember(e.Body)
			}
			replayed++
		}
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	log.Printf("journal: replayed %d manifest write(s) from %s", replayed, path)
	j.f = f
	return j, nil
}

func (j *journal) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	_ = j.f.Close()
}

type statusWriter struct {
	http.ResponseWriter
	status    int
	onCreated map[string]string // headers added to a 201
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
		if code == http.StatusCreated {
			for k, v := range s.onCreated {
				s.Header().Set(k, v)
			}
		}
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (j *journal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if j.complete && r.Method == http.MethodGet && referrersPath.MatchString(r.URL.Path) {
		j.referrers(w, r)
		return
	}
	if (r.Method != http.MethodPut && r.Method != http.MethodDelete) || !manifestPath.MatchString(r.URL.Path) {
		j.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxManifestBytes+1))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if len(body) > maxManifestBytes {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		_, _ = io.WriteString(w, `{"errors":[{"code":"MANIFEST_INVALID","message":"manifest too large"}]}`+"\n")
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	sw := &statusWriter{ResponseWriter: w}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.complete && r.Method == http.MethodPut {
		if subject := j.remember(body); subject != "" {
			sw.onCreated = map[string]string{"OCI-Subject": subject}
		}
	}
	j.next.ServeHTTP(sw, r)
	if (r.Method == http.MethodPut && sw.status == http.StatusCreated) ||
		(r.Method == http.MethodDelete && sw.status == http.StatusAccepted) {
		line, _ := json.Marshal(entry{Method: r.Method, Path: r.URL.Path, ContentType: r.Header.Get("Content-Type"), Body: body})
		if _, err := j.f.Write(append(line, '\n')); err != nil {
			log.Printf("journal: %v (this write will not survive a restart)", err)
		}
	}
}

// ---- referrers: the OCI 1.1 completions ------------------------------------------------------

type descriptor struct {
	MediaType    string            `json:"mediaType"`
	Size         int64             `json:"size"`
	Digest       string            `json:"digest"`
	ArtifactType string            `json:"artifactType,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
}

type index struct {
	SchemaVersion int          `json:"schemaVersion"`
	MediaType     string       `json:"mediaType"`
	Manifests     []descriptor `json:"manifests"`
}

// referrers answers pkg/registry's list, each descriptor completed from its manifest, filtered
// by the artifactType query parameters if any.
func (j *journal) referrers(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	j.next.ServeHTTP(rec, r)
	var idx index
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &idx) != nil {
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		return
	}
	want := map[string]bool{}
	for _, t := range r.URL.Query()["artifactType"] {
		want[t] = true
	}
	out := make([]descriptor, 0, len(idx.Manifests))
	j.infoMu.RLock()
	for _, d := range idx.Manifests {
		if m, ok := j.info[d.Digest]; ok {
			d.ArtifactType = m.ArtifactType
			if d.ArtifactType == "" {
				d.ArtifactType = m.Config.MediaType
			}
			d.Annotations = m.Annotations
		}
		if len(want) == 0 || want[d.ArtifactType] {
			out = append(out, d)
		}
	}
	j.infoMu.RUnlock()
	idx.Manifests = out
	body, _ := json.Marshal(idx)
	w.Header().Set("Content-Type", idx.MediaType)
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	if len(want) > 0 {
		w.Header().Set("OCI-Filters-Applied", "artifactType")
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}
