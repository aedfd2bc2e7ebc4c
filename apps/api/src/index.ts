export { createApp } from './bootstrap';
