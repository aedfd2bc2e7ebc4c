import { registerEnumType } from '@nestjs/graphql';
import { Country, Role } from '@alternance/platform/domain';

registerEnumType(Country, { name: 'Country', description: 'Countries the marketplace operates in; each has its own contract rules.' });
registerEnumType(Role, {
  name: 'Role',
  description: 'What an account is for. RECRUITER and ADMIN are staff roles, created by the CLI only, as are MENTOR accounts.',
  valuesMap: {
    CANDIDATE: { description: 'Looks for an apprenticeship and applies to offers.' },
    EMPLOYER: { description: 'Member of one organization; posts offers and searches candidates.' },
    RECRUITER: { description: 'Marketplace staff working across employers.' },
    ADMIN: { description: 'Marketplace administrator.' },
    MENTOR: { description: 'Mentors hired apprentices; sees their mentees, not staff data.' },
  },
});

export { Country, Role };
