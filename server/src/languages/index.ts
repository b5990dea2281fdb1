// Every language Infra Lens lints, by our language id.

import { withEmbeddedLanguages } from '../core/embedded';
import type { LanguageService } from '../core/languageService';
import type { LanguageId } from '../core/rules';
import { corefileLanguage } from './corefile';
import { k8sLanguage } from './k8s';
import { k8sEmbedding } from './k8s/embedded';
import { resolvconfLanguage } from './resolvconf';
import { zoneLanguage } from './zone';

export const LANGUAGES: Record<LanguageId, LanguageService> = {
  corefile: corefileLanguage as LanguageService,
  resolvconf: resolvconfLanguage as LanguageService,
  zone: zoneLanguage as LanguageService,
  // Kubernetes YAML with the Corefiles, zone files and resolv.confs its ConfigMaps hold.
  k8s: withEmbeddedLanguages(k8sLanguage, k8sEmbedding, { languageOf: (id) => LANGUAGES[id] }) as LanguageService,
};
