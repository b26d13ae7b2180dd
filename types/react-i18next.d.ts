// Minimal types for react-i18next 11 (provided by the NocoBase host page at runtime).
declare module 'react-i18next' {
  export interface TFunction {
    (key: string, options?: Record<string, unknown>): string;
  }
  export interface I18n {
    language: string;
    resolvedLanguage?: string;
    t: TFunction;
  }
  export function useTranslation(
    ns?: string | string[],
    options?: { nsMode?: 'fallback' | 'default'; useSuspense?: boolean; keyPrefix?: string },
  ): { t: TFunction; i18n: I18n; ready: boolean };
}
