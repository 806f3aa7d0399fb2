export { administrationCapability } from './administration-capability.ts';
export { administrationMessages } from './administration-messages.ts';
export { nationalFigures, suppress } from './national-figures.ts';
