import { hasMessage, type Translator } from '../../../src-shared/i18n';

/** "Bonifico (MP05)"; an unknown code as it is. */
export function methodLabel(method: string, t: Translator): string {
  const key = `prices.method.${method}`;
  return hasMessage(key) ? `${t(key)}` : method;
}
