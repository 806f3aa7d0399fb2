/*
 * Benefits: the Universal Credit calculation, better-off-in-work figures, and the bridge-back
 * guarantee. Other domains and the composition root import this capability only from here.
 */
