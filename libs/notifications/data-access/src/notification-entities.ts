import { NotificationEntity } from './notification.entity';
import { OfferExpiryNoticeEntity } from './offer-expiry-notice.entity';
import { SavedSearchEntity, SavedSearchMatchEntity } from './saved-search.entity';

/** The tables of this context, for the application's entity list. */
export const NOTIFICATION_ENTITIES = [NotificationEntity, SavedSearchEntity, SavedSearchMatchEntity, OfferExpiryNoticeEntity];
