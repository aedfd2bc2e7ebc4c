import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { CLOCK, Clock, Role, UnauthenticatedException, Viewer } from '@alternance/platform/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface AccessClaims {
  sub: string;
  role: Role;
  org?: string;
}

/** Issues and verifies short-lived access tokens (HS256 JWT). */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  issue(viewer: Viewer): { token: string; expiresAt: Date } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + this.config.jwtTtlSeconds;
    const claims: AccessClaims & { iat: number; exp: number } = { sub: viewer.userId, role: viewer.role, iat, exp };
    if (viewer.organizationId) claims.org = viewer.organizationId;
    const token = jwt.sign(claims, this.config.jwtSecret, { algorithm: 'HS256', audience: 'alternance', issuer: 'alternance' });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  malformed(): UnauthenticatedException {
    return new UnauthenticatedException('Send the token as "Authorization: Bearer <accessToken>".', 'TOKEN_MALFORMED');
  }

  verify(token: string): Viewer {
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        audience: 'alternance',
        issuer: 'alternance',
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as AccessClaims;
      if (!Object.values(Role).includes(claims.role)) throw new Error('unknown role');
      return { userId: claims.sub, role: claims.role, organizationId: claims.org };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new UnauthenticatedException(
        expired ? 'The access token has expired: log in again.' : 'The access token is not valid.',
        expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      );
    }
  }
}
