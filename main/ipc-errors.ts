/** The one error IPC validation throws; its own file so the sandboxed preload can use it too. */
export class IpcValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcValidationError';
  }
}
