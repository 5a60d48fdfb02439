/** Ordene SyncHelper lytter etter på norsk bokmål (feltene er beskrevet i src/i18n/lexicon.ts). */
import type { Lexicon } from '../../lexiconTypes';

export const nb: Lexicon = {
  letters: { æ: 'ae', ø: 'o', å: 'a' },
  commands: {
    help: ['hjelp', 'hva kan du', 'hva kan du gjøre'],
    cancel: ['avbryt', 'stopp', 'avslutt', 'glem det'],
    restart: ['begynn på nytt', 'start på nytt', 'begynn forfra'],
    signOut: ['logg ut', 'logg meg ut', 'logg av', 'logg meg av', 'log ut', 'log meg ut', 'log av', 'log meg av', 'loggut', 'loggav', 'logut', 'logav'],
    signInAs: ['logg inn som', 'logg på som', 'log inn som', 'log på som', 'logginn som', 'loggpå som', 'loginn som', 'logpå som'],
    languageCard: ['språk', 'bytt språk', 'endre språk'],
    useThisLanguage: [
      'switch to norwegian', 'change to norwegian', 'switch to norsk', 'change to norsk', 'norwegian', 'in norwegian',
      'på norwegian', 'norsk', 'in norsk', 'på norsk', 'bokmål', 'in bokmål', 'på bokmål', 'bytt til norsk', 'snakk norsk',
    ],
  },
  typedChoices: {
    live: ['sjekk', 'sjekk leieren', 'sjekk leieren min', 'direkte'],
    guided: ['veiled', 'veiled meg', 'veiled steg for steg', 'veiled meg steg for steg', 'steg for steg'],
    next: ['neste', 'ferdig', 'ferdig neste', 'ferdig, neste'],
    fixed: ['det løste det', 'det løste seg', 'løst', 'det virker', 'det virker nå'],
    noHelp: ['hjalp ikke', 'det hjalp ikke', 'fortsatt feil'],
    skip: ['nei', 'ingen', 'hopp over'],
    confirm: ['ja', 'ja fortsett', 'ja, fortsett', 'fortsett', 'bekreft'],
    decline: ['nei', 'avbryt', 'ikke gjør det'],
  },
  topicSwitch: ['egentlig', 'nei det gjelder', 'nei, det gjelder', 'nei det handler om', 'nei, det handler om', 'forresten'],
  familyWords: {
    group: ['gruppe', 'gruppa', 'grupper', 'gruppene', 'synkronisering*'],
    provisioning: ['klargjøring*', 'klargjør*', 'appen', 'bedriftsapp*'],
  },
  entities: {
    groupWords: ['gruppe', 'gruppa', 'gruppen'],
    appWords: ['applikasjon', 'applikasjonen', 'appen', 'programmet', 'programmer'],
    appPrepositions: ['til', 'i'],
    namingWords: ['heter', 'kalt'],
    notNameBefore: [
      'en', 'ei', 'et', 'den', 'det', 'min', 'mitt', 'vår', 'vårt', 'hvorfor', 'hvordan', 'hva', 'jeg', 'vi', 'ny',
      'hei', 'hjelp', 'kan', 'er', 'vis', 'hun', 'han', 'når', 'hvem', 'hvor', 'brukere', 'brukerne',
    ],
    notAName: ['administrator-rollen', 'eier', 'eiere', 'rolle', 'rollen', 'tilbakeskriving'],
    stopAfter: [
      'kan', 'kunne', 'vil', 'ville', 'er', 'var', 'har', 'hadde', 'blir', 'ble', 'skal', 'ikke', 'i', 'fra', 'til',
      'på', 'med', 'etter', 'siden', 'fordi', 'men', 'når', 'hvorfor', 'som', 'synkes', 'synkroniseres', 'synker',
      'lar', 'går', 'mangler', 'feiler', 'får', 'og', 'eller', 'klarer', 'gir', 'står', 'viser', 'også', 'nå',
      'klargjøring', 'klargjøringen', 'klargjort', 'klargjøres', 'brukere', 'brukerne', 'medlemmer', 'takk',
    ],
    provisioningCues: ['provisjon', 'klargj', 'appen', 'bedriftsapp'],
    provisioningCueWords: ['app', 'sso'],
    provisioningNouns: ['klargjøring', 'klargjøringen'],
    groupSuffixes: ['gruppen', 'gruppa', 'gruppe'],
    appSuffixes: ['appen', 'programmet', 'klargjøringen', 'klargjøring'],
  },
  acknowledgement: {
    core: [
      'takk', 'takker', 'tusen', 'supert', 'flott', 'perfekt', 'topp', 'kjempebra', 'bra', 'nydelig', 'fint',
      'funka', 'funket', 'fungerte', 'virket', 'losningen', 'loste', 'ordnet', 'skjonner', 'skjonte',
    ],
    filler: [
      'skal', 'du', 'ha', 'for', 'hjelpen', 'hjelpa', 'svaret', 'det', 'da', 'na', 'er', 'alt', 'i', 'orden', 'den',
      'grei', 'greit', 'ja', 'jo', 'hjertelig', 'mange', 'seg', 'problemet', 'virker', 'fungerer', 'funker',
      'deg', 'dere', 'igjen', 'bare', 'var', 'som', 'jeg', 'trengte', 'med', 'hei', 'sa', 'kjempe', 'og',
    ],
  },
  detection: {
    words: [
      'ikke', 'ikkje', 'jeg', 'eg', 'hvorfor', 'kvifor', 'hvordan', 'korleis', 'hva', 'kva', 'hvilke', 'hvilken', 'hvor', 'nar',
      'og', 'pa', 'til', 'fra', 'med', 'av', 'har', 'blir', 'ble', 'vart', 'som', 'etter', 'fortsatt', 'noen', 'ingen',
      'alle', 'skal', 'vil', 'kan', 'meg', 'oss', 'var', 'denne', 'dette', 'den', 'det', 'er', 'ei', 'en', 'et', 'ogsa',
      'takk', 'hei', 'hjelp', 'gruppa', 'gruppen', 'gruppe', 'grupper', 'gruppene', 'bruker', 'brukere', 'brukeren',
      'brukerne', 'klarer', 'far', 'fikk', 'faar', 'funka', 'funker', 'virker', 'fungerer', 'feil', 'feilen', 'nye',
      'ansatte', 'nyansatte', 'mangler', 'legge', 'lagt', 'slette', 'slettet', 'sletta', 'tilgang', 'lisens', 'lisenser',
      'lisensen', 'klargjoring', 'klargjoringen', 'klargjort', 'synkronisering', 'synkroniseringen', 'synkronisert',
      'medlemmer', 'medlem', 'appen', 'loggen', 'eier', 'endre', 'endret', 'sist', 'siden', 'dager', 'hvem', 'mye',
      'nesten', 'bare', 'igjen', 'gjelder', 'handler', 'om', 'altsa', 'sjekk', 'sjekke', 'vis', 'finn', 'trenger',
      'feiler', 'feilet', 'synker', 'synkes', 'kommer', 'stopper', 'stoppet',
    ],
    strongWords: ['ikke', 'ikkje', 'jeg', 'hvorfor', 'hvordan', 'takk', 'hjelp', 'hei', 'klargjoring', 'klargjoringen', 'gruppa', 'brukerne'],
  },
  watch: {
    set: ['overvåk', 'vennligst overvåk'],
    sync: ['katalogsynkronisering', 'katalogsynkroniseringen', 'katalogsynk', 'synkronisering', 'synkroniseringen'],
    provisioning: ['klargjøring', 'klargjøringen'],
    license: ['lisensfeil', 'lisensfeilene'],
    provisioningLinks: ['for', 'til', 'av', 'i'],
    licenseLinks: ['for', 'i', 'på'],
    licenseGroupWords: ['gruppe', 'gruppen'],
    list: ['hva overvåker du', 'hva overvåker du her', 'vis overvåkinger', 'overvåkinger'],
    stop: ['slutt å overvåke', 'stopp overvåking', 'stopp overvåkingen', 'stopp overvåking av', 'stopp overvåkingen av'],
    health: ['helsesjekk', 'helsesjekk av leieren', 'leierhelse'],
    everything: ['alt', 'alle', 'alle overvåkinger'],
    kindWords: {
      sync: ['katalogsynkronisering', 'katalogsynkroniseringen', 'katalogsynk', 'synkronisering', 'synkroniseringen'],
      provisioning: ['klargjøring', 'klargjøringen'],
      license: ['lisensfeil', 'lisensfeilene'],
    },
  },
};
