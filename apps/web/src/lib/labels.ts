import type { AuthLabels } from '../components/auth-forms';
import type { Messages } from '../i18n/messages';

export function authLabels(auth: Messages['auth']): AuthLabels {
  const { errors: _errors, ...labels } = auth;
  return labels;
}
