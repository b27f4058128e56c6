// Renderer entry: connect to the backend, load settings and app info, then show the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../../shared/api/client';
import { ApiProvider } from './api/ApiContext';
import { createTransport } from './api/transport';
import { App } from './app/App';
import { SettingsProvider } from './app/SettingsContext';
import { initI18n, setLanguage } from './i18n/i18n';
import { SessionProvider } from './people/SessionContext';
import './styles/app.css';
import './styles/home.css';
import './styles/people.css';
import './styles/records.css';
import './styles/report.css';
import './styles/run.css';
import './styles/step.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const transport = createTransport();
  const client = createClient((channel, input) => transport.invoke(channel, input));
  initI18n('zh-CN');
  try {
    // The plan library is asked for at once too: Home's tiles are what a guard is waiting for. On failure App asks
    // again and shows the error with a retry.
    const [settings, info, plans] = await Promise.all([
      client.call('settings.get'),
      client.call('app.info'),
      client.call('plans.list').catch(() => undefined),
    ]);
    setLanguage(settings.settings.language);
    document.documentElement.dataset.theme = settings.settings.theme;
    root.render(
      <StrictMode>
        <ApiProvider transport={transport}>
          <SettingsProvider initial={settings}>
            <SessionProvider>
              <App info={info} {...(plans ? { plans } : {})} />
            </SessionProvider>
          </SettingsProvider>
        </ApiProvider>
      </StrictMode>,
    );
  } catch (error) {
    // Without the backend there is nothing to show; say so in both languages rather than a blank window.
    root.render(
      <main className="fatal" role="alert">
        <h1>无法连接后台 / Cannot reach the backend</h1>
        <p>{String(error)}</p>
      </main>,
    );
  }
}

void start();
