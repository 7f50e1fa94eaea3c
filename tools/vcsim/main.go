// Command vcsim runs govmomi's vCenter/ESX simulator (package
// github.com/vmware/govmomi/simulator) for integration tests.
//
// Debian ships only the simulator *library* (golang-github-vmware-govmomi-dev),
// not the upstream vcsim command, so this is our own small main. It is built in
// GOPATH mode (GO111MODULE=off GOPATH=/usr/share/gocode) by build.sh.
//
// Contract with the test harness: exactly one JSON line on stdout once the
// server is listening, everything else on stderr; runs until SIGINT/SIGTERM.
package main

import (
	"bufio"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"log"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	log.SetOutput(os.Stderr) // stdout is reserved for the single JSON line
	log.SetPrefix("vcsim: ")
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	listen := flag.String("listen", "127.0.0.1:0", "host:port to listen on (port 0 = pick a free port)")
	esx := flag.Bool("esx", false, "simulate a standalone ESX host instead of vCenter (ignores -dc/-cluster/-host/-standalone-host/-pool/-folder)")
	// Count flags: the defaults below are only for -help; a count is applied to the
	// model only when the flag is given explicitly, so "-standalone-host 0" means zero
	// and an omitted flag keeps simulator.VPX()/ESX() defaults.
	dc := flag.Int("dc", 1, "datacenters")
	cluster := flag.Int("cluster", 1, "clusters per datacenter")
	host := flag.Int("host", 3, "hosts per cluster (Model.ClusterHost)")
	standalone := flag.Int("standalone-host", 1, "standalone hosts per datacenter (Model.Host)")
	vm := flag.Int("vm", 2, "VMs per resource pool: per cluster root pool and per standalone host (Model.Machine)")
	ds := flag.Int("ds", 1, "local datastores, mounted on every host of a datacenter")
	pool := flag.Int("pool", 0, "extra child resource pools per cluster (they get no VMs)")
	folder := flag.Int("folder", 0, "datacenters to place inside a folder")
	username := flag.String("username", "", "only accept this user (with -password); default accepts any non-empty user/password")
	password := flag.String("password", "", "password for -username")
	useTLS := flag.Bool("tls", true, "serve https (use -tls=false for plain http)")
	certOut := flag.String("cert-out", "", "write the server's leaf certificate (PEM) to this file")
	delay := flag.Int("delay", 0, "delay in ms for every SOAP call")
	methodDelay := flag.String("method-delay", "", "per-method delays, e.g. RetrieveProperties:200,PowerOnVM_Task:1000")
	sessionIdle := flag.Int("session-idle", 0, "expire sessions idle for this many seconds (0 = never)")
	flag.Parse()

	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })

	model := simulator.VPX()
	if *esx {
		model = simulator.ESX()
	} else {
		apply(set, "dc", *dc, &model.Datacenter)
		apply(set, "cluster", *cluster, &model.Cluster)
		apply(set, "host", *host, &model.ClusterHost)
		apply(set, "standalone-host", *standalone, &model.Host)
		apply(set, "pool", *pool, &model.Pool)
		apply(set, "folder", *folder, &model.Folder)
	}
	apply(set, "vm", *vm, &model.Machine)
	apply(set, "ds", *ds, &model.Datastore)

	model.DelayConfig.Delay = *delay
	if *methodDelay != "" {
		md, err := parseMethodDelay(*methodDelay)
		if err != nil {
			log.Fatalf("-method-delay: %v", err)
		}
		model.DelayConfig.MethodDelay = md
	}
	// A package-level variable in govmomi 0.24; the idle watcher is started per login.
	simulator.SessionIdleTimeout = time.Duration(*sessionIdle) * time.Second

	// SessionManager.validLogin: with Listen.User nil any non-empty user/password
	// logs in; with Listen.User set only that exact pair does (others: InvalidLogin).
	listenURL := &url.URL{Host: *listen}
	if *username != "" && *password != "" {
		listenURL.User = url.UserPassword(*username, *password)
	} else if *username != "" || *password != "" {
		log.Fatal("-username and -password must be given together")
	}

	var tlsConfig *tls.Config
	if *useTLS {
		// new(tls.Config) would make govmomi use Go's httptest localhost cert: a fixed
		// 1024-bit RSA key, so every run has the same thumbprint, and OpenSSL 3 at its
		// default security level fails any *verifying* client that trusts the PEM
		// ("EE certificate key too weak"). A fresh RSA-2048 cert avoids both; the
		// thumbprint therefore changes on every start.
		cert, err := selfSignedCert()
		if err != nil {
			log.Fatalf("generating certificate: %v", err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	}

	// Register before anything needs cleaning up, so an early SIGTERM is not fatal
	// and the temp datastore dirs are still removed.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)

	if err := model.Create(); err != nil {
		log.Fatalf("model.Create: %v", err)
	}
	model.Service.Listen = listenURL
	model.Service.TLS = tlsConfig
	server, err := newServer(model.Service)
	if err != nil {
		model.Remove()
		log.Fatal(err)
	}

	// From here on, failures must stop the server and remove the temp dirs
	// (log.Fatal would skip that).
	stop := func() {
		server.Close()
		model.Remove()
	}
	fail := func(format string, args ...interface{}) {
		stop()
		log.Fatalf(format, args...)
	}

	u := *server.URL
	u.User = nil // never leak credentials in the JSON line
	out := struct {
		URL        string `json:"url"`
		Thumbprint string `json:"thumbprint"`
		CertFile   string `json:"certFile"`
		Pid        int    `json:"pid"`
	}{URL: u.String(), Pid: os.Getpid()}

	if *useTLS {
		der := server.Certificate().Raw
		out.Thumbprint = thumbprint(der)
		if *certOut != "" {
			path, err := filepath.Abs(*certOut)
			if err == nil {
				err = os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
			}
			if err != nil {
				fail("-cert-out: %v", err)
			}
			out.CertFile = path
		}
	}

	w := bufio.NewWriter(os.Stdout)
	if err := json.NewEncoder(w).Encode(out); err != nil { // Encode appends the '\n'
		fail("writing JSON: %v", err)
	}
	if err := w.Flush(); err != nil {
		fail("writing JSON: %v", err)
	}
	log.Printf("listening on %s (esx=%v)", u.String(), *esx)

	log.Printf("got %v, shutting down", <-sig)
	stop()
	log.Printf("stopped")
}

// newServer turns NewServer's panic (bad -listen address, port in use) into an error.
func newServer(svc *simulator.Service) (server *simulator.Server, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("starting server: %v", r)
		}
	}()
	return svc.NewServer(), nil
}

// apply copies v into *dst only if the flag was given on the command line.
func apply(set map[string]bool, name string, v int, dst *int) {
	if !set[name] {
		return
	}
	if v < 0 {
		log.Fatalf("-%s must be >= 0", name)
	}
	*dst = v
}

// parseMethodDelay parses "Method:MS,Method2:MS".
func parseMethodDelay(s string) (map[string]int, error) {
	m := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		kv := strings.SplitN(part, ":", 2)
		if len(kv) != 2 {
			return nil, fmt.Errorf("%q is not Method:MS", part)
		}
		ms, err := strconv.Atoi(strings.TrimSpace(kv[1]))
		if err != nil || ms < 0 {
			return nil, fmt.Errorf("%q: bad milliseconds", part)
		}
		m[strings.TrimSpace(kv[0])] = ms
	}
	return m, nil
}

// thumbprint is the SHA-256 of the DER certificate as "AB:CD:..." (vSphere style).
func thumbprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// selfSignedCert makes a throwaway server cert for 127.0.0.1, ::1 and localhost.
func selfSignedCert() (tls.Certificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "vcsim", Organization: []string{"vcsim test"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(1, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // self-signed, so a client may pin it as its own trust anchor
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
