import 'reflect-metadata';
import { serve, subgraphConfig } from '@alternance/api';
import { TALENT_MARKETPLACE } from './talent-marketplace.surface';

serve(TALENT_MARKETPLACE, subgraphConfig(TALENT_MARKETPLACE.name));
