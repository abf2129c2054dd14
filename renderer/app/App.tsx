import { HomePage } from '../home/HomePage';
import { JoinPage } from '../join/JoinPage';
import { CoordinatorPage } from '../outcomes/coordinator/CoordinatorPage';
import { OpenedFiles } from '../session/OpenedFiles';
import { SessionPage } from '../session/SessionPage';
import { BenchBoard } from '../session/BenchBoard';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useHashRoute } from '../ui/hash-route';

export function App() {
  const route = useHashRoute();
  return (
    <ErrorBoundary>
      {route.name === 'session' ? (
        <SessionPage key={route.sessionId} sessionId={route.sessionId} />
      ) : route.name === 'bench' ? (
        <BenchBoard key={`${route.n}|${route.zoom}`} n={route.n} zoom={route.zoom} />
      ) : route.name === 'coordinator' ? (
        <CoordinatorPage />
      ) : route.name === 'join' ? (
        <JoinPage key={route.sessionId} sessionId={route.sessionId} code={route.code} />
      ) : (
        <HomePage />
      )}
      <OpenedFiles />
    </ErrorBoundary>
  );
}
