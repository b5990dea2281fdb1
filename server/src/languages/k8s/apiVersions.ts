// API versions the API server no longer serves, by the release that removed them, and the
// replacement — the Kubernetes Deprecated API Migration Guide's table
// (kubernetes.io/docs/reference/using-api/deprecation-guide/). `compatible`: the object's
// fields read the same in the replacement, so changing apiVersion alone is a safe fix.
// Versions served in one release but not in another (betas added or dropped within
// 1.29–1.35) come from the schema table instead.

export interface RemovedApi {
  apiVersion: string;
  kinds: readonly string[];
  /** Deprecated since (a warning from then on). */
  deprecated: string;
  /** No longer served from this release. */
  removed: string;
  replacement?: string;
  compatible: boolean;
  /** What changes besides apiVersion, when not compatible. */
  note?: string;
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];

export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', compatible: true, note: 'spec.selector is required and immutable in apps/v1' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', compatible: true, note: 'spec.selector is required and immutable in apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: WORKLOADS, deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', compatible: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecated: '1.9', removed: '1.16', replacement: 'networking.k8s.io/v1', compatible: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.10', removed: '1.16', replacement: 'policy/v1beta1', compatible: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecated: '1.14', removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: false, note: 'backend.serviceName/servicePort became backend.service.name/port, and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: false, note: 'backend.serviceName/servicePort became backend.service.name/port, and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', compatible: true },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecated: '1.16', removed: '1.22', replacement: 'admissionregistration.k8s.io/v1', compatible: false, note: 'sideEffects and admissionReviewVersions are required, failurePolicy defaults to Fail' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecated: '1.16', removed: '1.22', replacement: 'apiextensions.k8s.io/v1', compatible: false, note: 'spec.validation became spec.versions[*].schema, a structural schema is required' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecated: '1.19', removed: '1.22', replacement: 'apiregistration.k8s.io/v1', compatible: true },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecated: '1.19', removed: '1.22', replacement: 'authentication.k8s.io/v1', compatible: true },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'SelfSubjectRulesReview'], deprecated: '1.19', removed: '1.22', replacement: 'authorization.k8s.io/v1', compatible: false, note: 'spec.group became spec.groups' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecated: '1.19', removed: '1.22', replacement: 'certificates.k8s.io/v1', compatible: false, note: 'spec.signerName is required' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecated: '1.19', removed: '1.22', replacement: 'coordination.k8s.io/v1', compatible: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecated: '1.17', removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1', compatible: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecated: '1.14', removed: '1.22', replacement: 'scheduling.k8s.io/v1', compatible: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecated: '1.19', removed: '1.22', replacement: 'storage.k8s.io/v1', compatible: true },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: '1.21', removed: '1.25', replacement: 'batch/v1', compatible: true },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecated: '1.21', removed: '1.25', replacement: 'discovery.k8s.io/v1', compatible: false, note: 'topology became deprecatedTopology and nodeName/zone fields' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: '1.19', removed: '1.25', replacement: 'events.k8s.io/v1', compatible: false, note: 'deprecatedFirstTimestamp and friends replace the old timestamps' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.22', removed: '1.25', replacement: 'autoscaling/v2', compatible: false, note: 'targetAverageUtilization became target.averageUtilization' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: '1.21', removed: '1.25', replacement: 'policy/v1', compatible: true, note: 'an empty spec.selector selects every pod in the namespace in policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.21', removed: '1.25', compatible: false, note: 'PodSecurityPolicy is gone: use Pod Security Admission' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecated: '1.20', removed: '1.25', replacement: 'node.k8s.io/v1', compatible: true },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.23', removed: '1.26', replacement: 'autoscaling/v2', compatible: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', compatible: false, note: 'spec.limited.assuredConcurrencyShares became nominalConcurrencyShares' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: '1.24', removed: '1.27', replacement: 'storage.k8s.io/v1', compatible: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', compatible: false, note: 'spec.limited.assuredConcurrencyShares became nominalConcurrencyShares' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', compatible: true },
];

/** Served, but deprecated: the API server answers with a warning. */
export const DEPRECATED_KINDS: ReadonlyArray<{ apiVersion: string; kind: string; since: string; instead: string }> = [
  { apiVersion: 'v1', kind: 'Endpoints', since: '1.33', instead: 'discovery.k8s.io/v1 EndpointSlice' },
  { apiVersion: 'v1', kind: 'ComponentStatus', since: '1.19', instead: 'the API server\'s /livez and /readyz endpoints' },
];

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((r) => r.apiVersion === apiVersion && r.kinds.includes(kind));
}
