export { type DateStyle, formatIsoDate, formatMoment, londonIsoDate, londonWallClock } from './dates.ts';
export { platformMessages } from './platform-messages.ts';
export { type Catalogue, capitalise, createTranslator, defineMessages, forAudience, isLanguage, LANGUAGES, type Translate } from './translator.ts';
