/** Microsoft Learn pages only the user findings link to (the rest are in ../group/links.ts). */
const ENTRA = 'https://learn.microsoft.com/entra/identity';

export const USER_LEARN = {
  upnPopulation: `${ENTRA}/hybrid/connect/plan-connect-userprincipalname`,
  licensingAssign: `${ENTRA}/users/licensing-groups-assign`,
} as const;
