export const hearthTestSite = true;
