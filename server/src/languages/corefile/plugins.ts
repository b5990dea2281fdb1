// Every in-tree CoreDNS plugin, in plugin.cfg order (the order CoreDNS runs them, whatever
// order a server block lists them in). Source: github.com/coredns/coredns @ 4b26cced32717eac6dd725e308d7415c8b9db147 (CoreVersion 1.14.7).
// The Corefile issue grows this into the full table of arguments and block properties.

export const PLUGIN_NAMES: readonly string[] = ["root", "metadata", "geoip", "cancel", "proxyproto", "quic", "grpc_server", "https", "https3", "timeouts", "multisocket", "reload", "nsid", "bufsize", "bind", "debug", "trace", "ready", "health", "pprof", "shed", "prometheus", "errors", "log", "dnstap", "local", "dns64", "any", "chaos", "loadbalance", "tsig", "rewrite", "autopath", "acl", "cache", "header", "dnssec", "tls", "minimal", "template", "transfer", "hosts", "route53", "azure", "clouddns", "k8s_external", "kubernetes", "file", "auto", "secondary", "etcd", "loop", "forward", "grpc", "erratic", "whoami", "on", "sign", "view", "nomad"];

const PLUGIN_SET = new Set(PLUGIN_NAMES);

export function isKnownPlugin(name: string): boolean {
  return PLUGIN_SET.has(name);
}
