// The facts the rules, hovers and docs share, one table each, with where they come from
// (see ../shared/research/k8s-rules.md): validation.go in kubernetes/kubernetes, the VPA's
// types.go / admission-controller validation.go / docs/features.md, KEP-1287.

/** In-place pod resize (KEP-1287): validateResizePolicy and its history. */
export const RESIZE = {
  resourceNames: ['cpu', 'memory'],
  restartPolicies: ['NotRequired', 'RestartContainer'],
  gate: 'InPlacePodVerticalScaling',
  alpha: '1.27',
  beta: '1.33',
  ga: '1.35',
  /** Restartable init containers (sidecars) may carry resizePolicy from this version. */
  sidecarsSince: '1.33',
  /** Before this, a memory-limit decrease needs memory's policy to be RestartContainer. */
  memoryDecreaseNotRequiredSince: '1.35',
} as const;

export const RESIZE_RESTART_POLICIES: Record<string, string> = {
  NotRequired: 'The kubelet applies the new value to the running container (the default). A memory-limit decrease is best-effort: the resize stays pending while usage is above the new limit.',
  RestartContainer: 'The kubelet restarts the container to apply the new value (for apps that read their limits only at start, like a JVM heap).',
};

/** Values blog posts and early KEP drafts used, and what the API has instead. */
export const RESIZE_POLICY_MISTAKES: Record<string, string> = {
  RestartNotRequired: 'NotRequired',
  Restart: 'RestartContainer',
  Always: 'RestartContainer',
  Never: 'NotRequired',
};

export const RESIZE_HOVER = [
  '**In-place resize** (KEP-1287; alpha 1.27 behind `InPlacePodVerticalScaling`, beta 1.33, GA 1.35).',
  '',
  'Resize a running pod through the `resize` subresource:',
  '```sh',
  "kubectl patch pod NAME --subresource resize --patch '{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"800m\"}}}]}}'",
  '```',
  'Progress shows in pod conditions (since 1.33, replacing `status.resize`): `PodResizePending` (reason `Deferred` or `Infeasible`) and `PodResizeInProgress`; `status.containerStatuses[].resources` shows what is applied.',
  '',
  'A resize may not change the pod\'s QoS class; Windows pods and pods under static CPU/memory manager policies cannot be resized in place.',
].join('\n');

export const DNS_POLICIES: Record<string, string> = {
  ClusterFirst: 'Queries go to the cluster DNS (CoreDNS) with the `<ns>.svc.cluster.local` search path (the default). With `hostNetwork: true` this silently acts like `Default`.',
  ClusterFirstWithHostNet: 'Like `ClusterFirst`, also for pods with `hostNetwork: true`.',
  Default: "The pod inherits the node's resolv.conf (the kubelet's `--resolv-conf`): no cluster names.",
  None: 'Kubernetes writes only what `dnsConfig` says: `nameservers` are required.',
};

/** validatePodDNSConfig's caps (MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars). */
export const DNS_CONFIG_LIMITS = { nameservers: 3, searches: 32, searchChars: 2048 } as const;

export interface VpaUpdateMode {
  doc: string;
  /** The VPA release that introduced the mode, and the feature gate it needs there. */
  vpaSince?: string;
  gate?: string;
  /** The Kubernetes version the cluster needs. */
  kubernetesSince?: string;
  deprecated?: string;
}

/** spec.updatePolicy.updateMode: the CRD enum, in its order. */
export const VPA_UPDATE_MODES: Record<string, VpaUpdateMode> = {
  Off: { doc: 'Recommend only: the VPA computes recommendations and never changes pods.' },
  Initial: { doc: 'Apply recommendations only when a pod is created; running pods are never touched.' },
  Recreate: { doc: 'Evict pods whose requests are far from the recommendation; the admission controller sets the new values on the replacement pods. The default.' },
  InPlaceOrRecreate: {
    doc: 'Try an in-place resize first (no restart unless a container\'s `resizePolicy` says `RestartContainer`), fall back to eviction when the resize is infeasible, would change the QoS class, or would lower a memory limit in place. VPA 1.4.0 alpha behind the VPA feature gate `InPlaceOrRecreate`, 1.5.0 beta (on by default), 1.6.0 GA; needs Kubernetes 1.33+.',
    vpaSince: '1.4.0',
    gate: 'InPlaceOrRecreate',
    kubernetesSince: '1.33',
  },
  InPlace: {
    doc: 'Resize in place only, never evict (VPA 1.7.0 alpha; the admission controller needs `--feature-gates=InPlace=true`). Needs Kubernetes 1.33+.',
    vpaSince: '1.7.0',
    gate: 'InPlace',
    kubernetesSince: '1.33',
  },
  Auto: {
    doc: 'Deprecated (kubernetes/autoscaler#8424): today the same as `Recreate`.',
    deprecated: '"Auto" mode is deprecated and will be removed in a future API version. Use explicit update modes like: "Off", "Initial", "Recreate", "InPlaceOrRecreate"',
  },
};

export const VPA_CONTAINER_MODES = ['Auto', 'Off'];
export const VPA_CONTROLLED_RESOURCES = ['cpu', 'memory'];
export const VPA_CONTROLLED_VALUES = ['RequestsAndLimits', 'RequestsOnly'];

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** spec.restartPolicy of a pod (Jobs take only OnFailure and Never). */
export const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** The cluster DNS zone the hovers use for names (kubelet --cluster-domain default). */
export const CLUSTER_DOMAIN = 'cluster.local';
