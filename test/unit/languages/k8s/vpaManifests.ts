// VPA and workload builders shared by the VPA rule tests.

export function vpa(spec: string, target = 'api'): string {
  return `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: v\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}\n${spec.replace(/^(?=.)/gm, '  ')}\n`;
}

export function deployment(name: string, containers: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n${containers.replace(/^(?=.)/gm, '        ')}\n`;
}
