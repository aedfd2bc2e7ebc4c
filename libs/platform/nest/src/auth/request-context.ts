import { TokenService } from './token.service';
import { RequestContext } from './policy';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Reads `Authorization: Bearer <token>`. A bad token does not fail the request at once:
 * public operations still answer, and operations that need a viewer report why.
 */
export function buildRequestContext(req: HttpRequest, tokens: TokenService): RequestContext {
  const header = req.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { viewer: null, req };
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (!match) return { viewer: null, authError: tokens.malformed(), req };
  try {
    return { viewer: tokens.verify(match[1]), req };
  } catch (error) {
    return { viewer: null, authError: error as Error, req };
  }
}
