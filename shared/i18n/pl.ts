import type { Catalog } from './en';

/** Polish messages. Wording follows the glossary in DOMAIN.md (karteczka, tablica, sesja…). */
export const pl: Catalog & PolishPluralForms = {
  app: {
    name: 'Transition Lab',
    tagline: 'Warsztaty współprojektowania dla miast neutralnych klimatycznie — we własnej sieci, bez chmury.',
  },
  language: {
    label: 'Język',
  },
  home: {
    heading: 'Sesje',
    newSession: 'Nowa sesja',
    empty: 'Na tym urządzeniu nie ma jeszcze sesji. Zacznij od „Nowa sesja” — pozostanie na tym komputerze, dopóki jej nie wyeksportujesz.',
    sessionsList: 'Sesje',
    noteCount_one: '{{count}} karteczka',
    noteCount_few: '{{count}} karteczki',
    noteCount_many: '{{count}} karteczek',
    noteCount_other: '{{count}} karteczki',
    lastChange: 'Ostatnia zmiana {{date}}',
    created: 'Utworzono {{date}}',
    localOnly: 'Zapisane tylko na tym urządzeniu',
  },
  newSession: {
    dialogTitle: 'Nowa sesja',
    titleLabel: 'Tytuł sesji',
    titlePlaceholder: 'np. Krajowe laboratorium transformacji — Warszawa',
    create: 'Utwórz',
    cancel: 'Anuluj',
    firstBoardTitle: 'Tablica główna',
    titleRequired: 'Nadaj sesji tytuł.',
  },
  session: {
    back: 'Wszystkie sesje',
    loading: 'Otwieranie sesji…',
    notFound: 'Ta sesja nie jest zapisana na tym urządzeniu.',
    notFoundHint: 'Mogła powstać na innym komputerze. Wróć do listy sesji.',
    boards: 'Tablice',
    saved: 'Zapisano na tym urządzeniu',
    saving: 'Zapisywanie…',
    notSaved: 'Nie zapisano',
    newerVersion: 'Tę sesję zapisała nowsza wersja Transition Lab. Otwarto ją tylko do odczytu, aby niczego nie nadpisać; zaktualizuj aplikację, aby ją edytować.',
  },
  storage: {
    quota: 'Dysk jest pełny, więc zmiany nie są już zapisywane. Zwolnij miejsce na dysku — praca pozostaje otwarta i zostanie zapisana, gdy tylko będzie miejsce.',
    unavailable: 'Ta przeglądarka nie pozwala Transition Lab zapisywać danych (okno prywatne lub zablokowana pamięć). Zmiany istnieją tylko w tym oknie; zezwól na przechowywanie danych witryny, aby je zachować.',
    failed: 'Nie udało się zapisać zmian ({{message}}). Praca pozostaje otwarta, a zapis jest ponawiany automatycznie; nie zamykaj tego okna.',
    recovered: 'Zapisywanie znów działa. Wszystkie zmiany są zapisane.',
  },
  board: {
    region: 'Tablica: {{title}}',
    addNote: 'Dodaj karteczkę',
    empty: 'Ta tablica jest pusta.',
    emptyHint: 'Naciśnij N lub wybierz „Dodaj karteczkę”, aby zapisać pierwszy pomysł. Przeciągnij puste miejsce, aby się przesunąć; kółko myszy z Ctrl albo + i − zmieniają powiększenie.',
    zoomIn: 'Powiększ',
    zoomOut: 'Pomniejsz',
    resetZoom: 'Przywróć powiększenie',
    zoomLevel: 'Powiększenie {{percent}}',
    toolbar: 'Narzędzia tablicy',
    undo: 'Cofnij',
    redo: 'Ponów',
    noteCount_one: '{{count}} karteczka',
    noteCount_few: '{{count}} karteczki',
    noteCount_many: '{{count}} karteczek',
    noteCount_other: '{{count}} karteczki',
  },
  note: {
    empty: 'Pusta karteczka',
    editor: 'Tekst karteczki',
    editorPlaceholder: 'Wpisz swój pomysł…',
    colour: 'Kolor karteczki',
    delete: 'Usuń karteczkę',
    deleted: 'Usunięto karteczkę. Naciśnij Ctrl+Z lub wybierz Cofnij, aby ją przywrócić.',
    options: 'Opcje karteczki',
    colours: {
      yellow: 'Żółty',
      orange: 'Pomarańczowy',
      pink: 'Różowy',
      purple: 'Fioletowy',
      blue: 'Niebieski',
      green: 'Zielony',
    },
  },
  errors: {
    unexpected: 'Coś poszło nie tak: {{message}}. Zapisana praca jest bezpieczna; odśwież stronę, aby kontynuować.',
    reload: 'Odśwież',
  },
};

/** Polish needs the "few" and "many" plural forms that English lacks. */
interface PolishPluralForms {
  home: Catalog['home'] & { noteCount_few: string; noteCount_many: string };
  board: Catalog['board'] & { noteCount_few: string; noteCount_many: string };
}
