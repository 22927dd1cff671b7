import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import './bench-hook';
import './styles.css';
import { registerServiceWorker } from './pwa/register';
import { startHistory } from './history/history-store';

const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

void registerServiceWorker();
void startHistory();
