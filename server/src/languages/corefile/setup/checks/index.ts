// Plugin checks that go beyond the table, one module per plugin (or family of plugins).

import type { PluginCheck } from '..';
import { checkCache } from './cache';
import { checkErrors } from './errors';
import { checkForward } from './forward';
import { checkKubernetes } from './kubernetes';
import { checkRewrite } from './rewrite';
import * as small from './small';
import { checkTemplate } from './template';

export const PLUGIN_CHECKS: Record<string, PluginCheck> = {
  acl: small.checkAcl,
  auto: small.checkAuto,
  autopath: small.checkAutopath,
  azure: small.checkAzure,
  cache: checkCache,
  clouddns: small.checkCloudDNS,
  dns64: small.checkDns64,
  dnssec: small.checkDnssec,
  dnstap: small.checkDnstap,
  erratic: small.checkErratic,
  errors: checkErrors,
  etcd: small.checkEtcd,
  forward: checkForward,
  grpc: small.checkGrpc,
  grpc_server: small.checkServerTransport,
  header: small.checkHeader,
  hosts: small.checkHosts,
  https: small.checkServerTransport,
  https3: small.checkServerTransport,
  k8s_external: small.checkK8sExternal,
  kubernetes: checkKubernetes,
  loadbalance: small.checkLoadbalance,
  log: small.checkLog,
  pprof: small.checkPprof,
  proxyproto: small.checkProxyproto,
  quic: small.checkServerTransport,
  reload: small.checkReload,
  rewrite: checkRewrite,
  route53: small.checkRoute53,
  secondary: small.checkSecondary,
  shed: small.checkShed,
  sign: small.checkSign,
  template: checkTemplate,
  timeouts: small.checkTimeouts,
  tls: small.checkTls,
  transfer: small.checkTransfer,
  trace: small.checkTrace,
  tsig: small.checkTsig,
  view: small.checkView,
};
