// Service and StatefulSet builders shared by the headless / DNS rule tests.

export function service(name: string, spec: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec.replace(/^(?=.)/gm, '  ')}\n`;
}

export function statefulSet(name: string, serviceName: string, labels = `{app: ${name}}`): string {
  return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${serviceName}\n  replicas: 3\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: ${name}, image: x}]\n`;
}
