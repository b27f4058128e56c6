// Shows loading and load errors the same way on every screen, with a retry.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import type { AsyncState } from '../app/useAsync';
import { useLanguage } from './useLanguage';

export function LoadState<T>({
  state,
  retry,
  children,
}: {
  state: AsyncState<T>;
  retry: () => void;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (state.status === 'loading')
    return (
      <p className="muted" aria-busy="true">
        …
      </p>
    );
  if (state.status === 'error') {
    const message = state.error instanceof ApiError ? state.error.body.message[lang] : String(state.error);
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('error.load', { message })}</p>
        <button type="button" onClick={retry}>
          {t('error.retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.value)}</>;
}
