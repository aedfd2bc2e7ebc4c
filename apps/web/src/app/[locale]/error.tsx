'use client';

import { useEffect, useState } from 'react';
import { ERROR_TEXTS } from '../../i18n/messages/errors';

/** A page that could not be rendered (most often: the API did not answer). */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [locale, setLocale] = useState<'fr' | 'en'>('fr');
  useEffect(() => {
    setLocale(document.documentElement.lang === 'en' ? 'en' : 'fr');
  }, []);
  const t = ERROR_TEXTS[locale];
  return (
    <div className="narrow">
      <h1>{t.unavailableTitle}</h1>
      <p>{t.unavailable}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {t.retry}
        </button>
      </p>
    </div>
  );
}
