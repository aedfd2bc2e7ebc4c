import 'reflect-metadata';
import { serve, subgraphConfig } from '@alternance/api';
import { JOB_BOARD } from './job-board.surface';

serve(JOB_BOARD, subgraphConfig(JOB_BOARD.name));
