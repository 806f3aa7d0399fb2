export { administrationCapability } from './administration-capability.ts';
export { administrationMessages } from './administration-messages.ts';
export { nationalFigures } from './national-figures.ts';
