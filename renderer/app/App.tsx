import { HomePage } from '../home/HomePage';
import { SessionPage } from '../session/SessionPage';
import { ErrorBoundary } from './ErrorBoundary';
import { useHashRoute } from './use-hash-route';

export function App() {
  const route = useHashRoute();
  return (
    <ErrorBoundary>
      {route.name === 'session' ? <SessionPage key={route.sessionId} sessionId={route.sessionId} /> : <HomePage />}
    </ErrorBoundary>
  );
}
