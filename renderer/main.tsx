import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './ui/i18n';
import { registerServiceWorkerAfterLoad } from './offline/register-sw';
import { installFlushOnHide, prefetchSessionOnNavigation } from './session/open-sessions';
import { installSubtleShimIfMissing } from './sync/subtle-shim';
import './styles.css';

// Before any WebRTC provider exists: participants on http://LAN-address have no crypto.subtle.
installSubtleShimIfMissing();
installFlushOnHide();
prefetchSessionOnNavigation();
registerServiceWorkerAfterLoad();
await initI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
