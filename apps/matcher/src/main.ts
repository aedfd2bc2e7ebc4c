import 'reflect-metadata';
import { serve, subgraphConfig } from '@alternance/api';
import { MATCHER } from './matcher.surface';

serve(MATCHER, subgraphConfig(MATCHER.name));
