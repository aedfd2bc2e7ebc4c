export * from './applications.module';
export { ApplicationNotices } from './application-notices';
export { ApplicationsPersonalData } from './applications-personal-data';
export { ExpiredOfferApplicants } from './expired-offer-applicants';
export { OutcomeFollowUp } from './outcomes';
