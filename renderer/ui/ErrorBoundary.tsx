import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  error: Error | null;
}

/** A rendering bug shows a translated message with a way out instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const message = this.state.error.message;
    return (
      <Translation>
        {(t) => (
          <main className="fatal">
            <p role="alert">{t('errors.unexpected', { message })}</p>
            <button type="button" className="button primary" onClick={() => window.location.reload()}>
              {t('errors.reload')}
            </button>
          </main>
        )}
      </Translation>
    );
  }
}
