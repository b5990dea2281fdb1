// Every language Infra Lens lints, by our language id.

import type { LanguageService } from '../core/languageService';
import type { LanguageId } from '../core/rules';
import { corefileLanguage } from './corefile';
import { k8sLanguage } from './k8s';
import { resolvconfLanguage } from './resolvconf';
import { zoneLanguage } from './zone';

export const LANGUAGES: Record<LanguageId, LanguageService> = {
  corefile: corefileLanguage as LanguageService,
  resolvconf: resolvconfLanguage as LanguageService,
  zone: zoneLanguage as LanguageService,
  k8s: k8sLanguage as LanguageService,
};
