export * from './lab-session';
export * from './combined';
export * from './themes';
export * from './combined-tables';
