export * from './note-rows';
export * from './csv';
export * from './markdown';
export * from './session-json';
export * from './archive';
export * from './file-name';
export * from './ccc-sheets';
export * from './board-picture';
